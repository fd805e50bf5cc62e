using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>
/// A meeting's Open Space grid as data, under <c>/api/v1/meetings/{id}/grid</c>: the same use cases as the pages. A
/// change needs the sign-in cookie and the <c>X-CSRF-TOKEN</c> header; it may name the version it was made on (a
/// conflict, 409 with the current grid, if the grid moved on), otherwise it is made on the current one.
/// </summary>
public static class GridApi
{
    public static IEndpointRouteBuilder MapGridApi(this IEndpointRouteBuilder endpoints)
    {
        var grid = endpoints.MapGroup("/api/v1/meetings/{id:int}/grid").WithTags("Meetings");
        grid.MapGet("", GetAsync).WithName("GetOpenSpaceGrid")
            .WithSummary("The meeting's grid: slots (the run sheet's session blocks), spaces and sessions with their conveners' display names and reports.");
        grid.MapPost("/sessions", (int id, PostGridSessionRequest request, HttpContext http, GridAccess access, ChangeGrid.Handler handler, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> rt, CancellationToken ct) =>
                RunAsync(id, null, new PostSession(request.SlotBlockId, request.SpaceId, request.Title?.Trim() ?? ""), http, access, handler, changes, antiforgery, t, rt, ct, created: true))
            .WithName("PostOpenSpaceSession").WithSummary("Posts a session onto a free cell (people registered for the meeting and the team); the caller convenes it. A taken cell: 422 with what is free.").DisableAntiforgery();
        grid.MapPost("/sessions/{sessionId:int}/move", (int id, int sessionId, MoveGridSessionRequest request, HttpContext http, GridAccess access, ChangeGrid.Handler handler, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> rt, CancellationToken ct) =>
                RunAsync(id, request.Version, new MoveSession(sessionId, request.SlotBlockId, request.SpaceId), http, access, handler, changes, antiforgery, t, rt, ct))
            .WithName("MoveOpenSpaceSession").WithSummary("Moves a session to a free cell (its convener and the team).").DisableAntiforgery();
        grid.MapPost("/sessions/{sessionId:int}/withdraw", (int id, int sessionId, GridVersionRequest? request, HttpContext http, GridAccess access, ChangeGrid.Handler handler, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> rt, CancellationToken ct) =>
                RunAsync(id, request?.Version, new RemoveSession(sessionId), http, access, handler, changes, antiforgery, t, rt, ct))
            .WithName("WithdrawOpenSpaceSession").WithSummary("Takes a session off the grid (its convener and the team).").DisableAntiforgery();
        grid.MapPost("/sessions/{sessionId:int}/report", (int id, int sessionId, ReportGridSessionRequest request, HttpContext http, GridAccess access, ChangeGrid.Handler handler, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> rt, CancellationToken ct) =>
                RunAsync(id, request.Version, new ReportSession(sessionId, request.Report?.Trim() ?? ""), http, access, handler, changes, antiforgery, t, rt, ct))
            .WithName("ReportOpenSpaceSession").WithSummary("Sets a session's report, Markdown (its convener and the team; also after the meeting).").DisableAntiforgery();
        grid.MapPost("/spaces", (int id, AddGridSpaceRequest request, HttpContext http, GridAccess access, ChangeGrid.Handler handler, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> rt, CancellationToken ct) =>
                RunAsync(id, request.Version, new AddSpace(request.Name?.Trim() ?? ""), http, access, handler, changes, antiforgery, t, rt, ct, created: true))
            .WithName("AddOpenSpaceSpace").WithSummary("The team adds a space (a column).").DisableAntiforgery();
        grid.MapPost("/spaces/{spaceId:int}/rename", (int id, int spaceId, RenameGridSpaceRequest request, HttpContext http, GridAccess access, ChangeGrid.Handler handler, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> rt, CancellationToken ct) =>
                RunAsync(id, request.Version, new RenameSpace(spaceId, request.Name?.Trim() ?? ""), http, access, handler, changes, antiforgery, t, rt, ct))
            .WithName("RenameOpenSpaceSpace").WithSummary("The team renames a space (1 to 200 characters, unlike the grid's other spaces' names).").DisableAntiforgery();
        grid.MapPost("/spaces/{spaceId:int}/remove", (int id, int spaceId, GridVersionRequest? request, HttpContext http, GridAccess access, ChangeGrid.Handler handler, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> rt, CancellationToken ct) =>
                RunAsync(id, request?.Version, new RemoveSpace(spaceId), http, access, handler, changes, antiforgery, t, rt, ct))
            .WithName("RemoveOpenSpaceSpace").WithSummary("The team removes a space that has no session.").DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, GridAccess access, CancellationToken cancellationToken)
    {
        var view = await access.ReadAsync(id, http.User, cancellationToken);
        return TypedResults.Ok(await GridDocument.OfAsync(id, view.Sheet!, access, cancellationToken));
    }

    private static async Task<IResult> RunAsync(int id, long? version, RunSheetCommand command, HttpContext http, GridAccess access, ChangeGrid.Handler handler, ChangeRunner changes,
        IAntiforgery antiforgery, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> rt, CancellationToken cancellationToken, bool created = false)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
        }
        await access.ReadAsync(id, http.User, cancellationToken);
        var answer = await changes.RunAsync(handler, new ChangeGrid.Command(id, version, command), cancellationToken);
        var current = await access.ReadAsync(id, http.User, cancellationToken);
        var document = await GridDocument.OfAsync(id, current.Sheet!, access, cancellationToken);
        if (answer.Applied)
        {
            return created ? TypedResults.Created($"/api/v1/meetings/{id}/grid", document) : TypedResults.Ok(document);
        }
        var conflict = answer.Outcome == RunSheetOutcome.Conflict;
        return TypedResults.Problem(string.Join(" ", answer.Problems.Select(p => GridRefusals.Describe(p, t, rt)).Distinct()),
            statusCode: conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = answer.Problems.Select(p => new { kind = p.Kind.ToString(), message = GridRefusals.Describe(p, t, rt) }).ToList(),
                ["current"] = document,
            });
    }
}

public sealed record PostGridSessionRequest(int SlotBlockId, int SpaceId, string? Title);

public sealed record MoveGridSessionRequest(long? Version, int SlotBlockId, int SpaceId);

public sealed record ReportGridSessionRequest(long? Version, string? Report);

public sealed record AddGridSpaceRequest(long? Version, string? Name);

public sealed record GridVersionRequest(long? Version);

public sealed record RenameGridSpaceRequest(long? Version, string? Name);

public sealed record GridSlotDocument(int BlockId, string Title, DateTimeOffset Start, DateTimeOffset End, BlockStatus Status);

public sealed record GridSessionDocument(int Id, int SlotBlockId, int SpaceId, string Title, string? Convener, string Report);

/// <summary>The grid as data: conveners by display name, never by account id or e-mail.</summary>
public sealed record GridDocument(int MeetingId, long Version, IReadOnlyList<GridSlotDocument> Slots, IReadOnlyList<GridSpace> Spaces, IReadOnlyList<GridSessionDocument> Sessions)
{
    public static async Task<GridDocument> OfAsync(int meetingId, RunSheet sheet, GridAccess access, CancellationToken cancellationToken)
    {
        var grid = sheet.Grid!;
        var names = await access.NamesAsync(grid.Sessions.Select(s => s.ConvenerId), cancellationToken);
        return new GridDocument(meetingId, sheet.Version,
            GridCells.Slots(sheet).Select(b => new GridSlotDocument(b.Id, b.Title, b.Start, b.End, b.Status)).ToList(),
            grid.Spaces,
            grid.Sessions.Select(s => new GridSessionDocument(s.Id, s.SlotBlockId, s.SpaceId, s.Title, s.ConvenerId is { } c && names.TryGetValue(c, out var n) ? n : null, s.Report)).ToList());
    }
}
