using System.Text.Json;
using System.Text.Json.Nodes;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// A meeting's run sheet as data, under <c>/api/v1/meetings/{id}/run-sheet</c>: the same use cases as the pages.
/// A change needs the sign-in cookie and the <c>X-CSRF-TOKEN</c> header and names the version it was made on.
/// </summary>
public static class RunSheetApi
{
    public static IEndpointRouteBuilder MapRunSheetApi(this IEndpointRouteBuilder endpoints)
    {
        const string path = "/api/v1/meetings/{id:int}/run-sheet";
        endpoints.MapGet(path, GetAsync).WithTags("Meetings").WithName("GetRunSheet")
            .WithSummary("The meeting's run sheet (the engine's JSON) and where the meeting stands now; the facilitators' instructions, materials and roles only for the process's team.");
        endpoints.MapPost(path, CreateAsync).WithTags("Meetings").WithName("CreateRunSheet")
            .WithSummary("The team makes the run sheet from a format (replacing one only with \"replaces\": its version, before the meeting starts).").DisableAntiforgery();
        endpoints.MapPost(path + "/changes", ChangeAsync).WithTags("Meetings").WithName("ChangeRunSheet")
            .WithSummary("One change on a version: a plan edit (the team) or a live operation (startBlock, finishBlock, extendBlock, skipBlock, restoreBlock: the team as lead facilitator; times are the server's). 409 with the current sheet if the version is old.").DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, MeetingAccessReader meetings, RunSheetStore sheets, CancellationToken cancellationToken)
    {
        var view = await meetings.ReadAsync(id, http.User, RunSheetPermissions.Projector, cancellationToken);
        var sheet = RefusedException.IfMissing(await sheets.FindAsync(id, cancellationToken));
        return TypedResults.Ok(RunSheetDocument.Of(id, sheet, view.Now, view.Can(RunSheetPermissions.Live)));
    }

    private static async Task<IResult> CreateAsync(int id, CreateRunSheetRequest request, HttpContext http, MeetingAccessReader meetings, RunSheetStore sheets, CreateRunSheet.Handler create, ChangeRunner changes,
        IAntiforgery antiforgery, IStringLocalizer<RunSheetText> t, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
        }
        var view = await meetings.ReadAsync(id, http.User, RunSheetPermissions.Plan, cancellationToken);
        if (!Enum.IsDefined(request.Format))
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, t["Choose a format."], [], null, view.Now, t);
        }
        var parameters = new FormatParameters
        {
            Start = request.Start ?? new DateTimeOffset(DateTime.SpecifyKind(view.Meeting.StartsAt, DateTimeKind.Utc)),
            TotalMinutes = request.TotalMinutes,
            Rounds = request.Rounds,
            RoundMinutes = request.RoundMinutes,
            RoundQuestions = request.RoundQuestions ?? [],
            Slots = request.Slots,
            SlotMinutes = request.SlotMinutes,
            Spaces = request.Spaces,
            Teams = request.Teams,
            PitchMinutes = request.PitchMinutes,
            Language = request.Language ?? view.Meeting.Language,
        };
        var answer = await changes.RunAsync(create, new CreateRunSheet.Command(id, request.Format, parameters, request.Replaces), cancellationToken);
        var current = await sheets.FindAsync(id, cancellationToken);
        return answer.Applied && current is not null
            ? TypedResults.Created($"/api/v1/meetings/{id}/run-sheet", RunSheetDocument.Of(id, current, view.Now, true))
            : Refused(id, answer, current, view.Now, t);
    }

    private static async Task<IResult> ChangeAsync(int id, ChangeRunSheetRequest request, HttpContext http, MeetingAccessReader meetings, RunSheetStore sheets, ChangeRunSheet.Handler handler, ChangeRunner changes,
        IAntiforgery antiforgery, IStringLocalizer<RunSheetText> t, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
        }
        var command = request.Change is { ValueKind: JsonValueKind.Object } change ? RunSheetJson.ReadCommand(change.GetRawText(), out _) : null;
        if (command is null)
        {
            await meetings.ReadAsync(id, http.User, RunSheetPermissions.Projector, cancellationToken);
            return TypedResults.Problem(t["Say what to change: \"change\" is one of the run sheet's commands, with its \"op\"."], statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        var answer = await changes.RunAsync(handler, new ChangeRunSheet.Command(id, request.Version, command), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var current = await sheets.FindAsync(id, cancellationToken);
        return answer.Applied && current is not null ? TypedResults.Ok(RunSheetDocument.Of(id, current, now, true)) : Refused(id, answer, current, now, t);
    }

    private static IResult Refused(int id, RunSheetAnswer answer, RunSheet? current, DateTime now, IStringLocalizer<RunSheetText> t)
    {
        var conflict = answer.Outcome == RunSheetOutcome.Conflict;
        return Problem(conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            string.Join(" ", answer.Problems.Select(p => RunSheetRefusals.Describe(p, t)).Distinct()), answer.Problems,
            current is { } sheet ? RunSheetDocument.Of(id, sheet, now, true) : null, now, t);
    }

    private static IResult Problem(int status, string detail, IReadOnlyList<RunSheetProblem> problems, RunSheetDocument? current, DateTime now, IStringLocalizer<RunSheetText> t) =>
        TypedResults.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?>
        {
            ["problems"] = problems.Select(p => new { kind = p.Kind.ToString(), message = RunSheetRefusals.Describe(p, t), blockId = p.BlockId }).ToList(),
            ["current"] = current,
        });
}

public sealed record CreateRunSheetRequest(MeetingFormat Format, DateTimeOffset? Start, int? TotalMinutes, int? Rounds, int? RoundMinutes, IReadOnlyList<string>? RoundQuestions,
    int? Slots, int? SlotMinutes, int? Spaces, int? Teams, int? PitchMinutes, string? Language, long? Replaces);

public sealed record ChangeRunSheetRequest(long Version, JsonElement Change);

/// <summary>Where the meeting stands at <see cref="At"/> (the server's instant): enough for a client to draw its own countdown.</summary>
public sealed record RunSheetNowDocument(MeetingPhase Phase, int? CurrentBlockId, long? RemainingSeconds, DateTimeOffset? CurrentEndsAt, int? NextBlockId, DateTimeOffset? NextStartsAt,
    int LateMinutes, DateTimeOffset PlannedEnd, DateTimeOffset ProjectedEnd, DateTimeOffset At);

/// <summary>A run sheet as data: its version, the engine's JSON of the sheet and where the meeting stands.</summary>
public sealed record RunSheetDocument(int MeetingId, long Version, JsonNode Sheet, RunSheetNowDocument Now)
{
    /// <summary>The sheet for a reader; without the team's texts (instructions, materials, roles, conveners) for anyone else.</summary>
    public static RunSheetDocument Of(int meetingId, RunSheet sheet, DateTime now, bool team)
    {
        var shown = team ? sheet : sheet with
        {
            Blocks = sheet.Blocks.Select(b => b with { Instructions = "", Materials = [], Roles = [] }).ToList(),
            Grid = sheet.Grid is { } grid ? grid with { Sessions = grid.Sessions.Select(s => s with { ConvenerId = null }).ToList() } : null,
        };
        var part = new NowPart(meetingId, sheet, now, false, false);
        var n = part.Now;
        return new RunSheetDocument(meetingId, sheet.Version, JsonNode.Parse(RunSheetJson.Write(shown))!,
            new RunSheetNowDocument(n.Phase, n.Current?.Block.Id, n.RemainingSeconds, part.CountdownEnd, n.Next?.Block.Id, n.Next?.Start, part.LateMinutes, n.PlannedEnd, n.ProjectedEnd, n.At));
    }
}
