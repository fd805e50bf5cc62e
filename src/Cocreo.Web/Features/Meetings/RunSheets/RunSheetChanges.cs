using System.Globalization;
using System.Security.Claims;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Live;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// Who does what with a run sheet, in the terms of <see cref="MeetingPermissions"/>: the process's team (owner,
/// facilitators, the organisation's administrators, platform administrators) makes and edits the plan while the
/// process is open (<see cref="MeetingAction.Edit"/>), and is the lead facilitator during the meeting: the live
/// operations and the facilitators' phone view are <see cref="MeetingAction.Organise"/> (also once the process has
/// closed, as check-in is). The projector view shows what the meeting page shows anyway (titles, times, the round
/// questions) to whoever may see the meeting (<see cref="MeetingAction.View"/>); the facilitators' instructions,
/// materials and roles are only in the team's views.
/// </summary>
public static class RunSheetPermissions
{
    public const MeetingAction Plan = MeetingAction.Edit;
    public const MeetingAction Live = MeetingAction.Organise;
    public const MeetingAction Projector = MeetingAction.View;

    /// <summary>The operations of the meeting as it runs; everything else changes the plan.</summary>
    public static bool IsLive(RunSheetCommand command) => command is StartBlock or FinishBlock or ExtendBlock or SkipBlock or RestoreBlock;

    public static MeetingAction ActionFor(RunSheetCommand command) => IsLive(command) ? Live : Plan;
}

/// <summary>
/// What a run-sheet change answers: applied, a conflict or refused (what to change), with the sheet's version after
/// it. Kept small (no sheet: pages and the API read the current one), because a form's result is stored with its
/// one-time submission id and a repeat is answered from it.
/// </summary>
public sealed record RunSheetAnswer(RunSheetOutcome Outcome, long? Version, IReadOnlyList<RunSheetProblem> Problems)
{
    /// <summary>At most this many problems are kept (the first say what to change).</summary>
    public const int MostProblems = 3;

    public bool Applied => Outcome == RunSheetOutcome.Applied;

    public static RunSheetAnswer Of(RunSheetOutcome outcome, RunSheet? sheet, IEnumerable<RunSheetProblem> problems) =>
        new(outcome, sheet?.Version, problems.Take(MostProblems).ToList());
}

/// <summary>Reads a meeting's stored run sheet.</summary>
public sealed class RunSheetStore(CocreoDbContext db)
{
    public async Task<RunSheet?> FindAsync(int meetingId, CancellationToken cancellationToken)
    {
        var stored = await db.Set<MeetingRunSheet>().AsNoTracking().SingleOrDefaultAsync(s => s.MeetingId == meetingId, cancellationToken);
        return stored?.Read(out _);
    }
}

/// <summary>Tells the pages watching a meeting's run sheet (<c>runsheet:{meetingId}</c>) that it changed, once the change is committed.</summary>
public sealed class RunSheetLive(LiveUpdates live)
{
    public static string Topic(int meetingId) => LiveTopicName.For(RunSheetLiveTopic.Kind, meetingId);

    public void AfterCommit<TTarget>(Change<TTarget> change, int meetingId, long version) where TTarget : class, IChangeTarget =>
        change.AfterCommit(() => _ = live.PublishAsync(Topic(meetingId), new { version }));
}

/// <summary>Pages watch a meeting's run sheet live ("runsheet:{meetingId}"): whoever may see the meeting (the projector view is theirs too).</summary>
public sealed class RunSheetLiveTopic(IServiceScopeFactory scopes) : ILiveTopic
{
    public const string Kind = "runsheet";

    public string Prefix => Kind;

    public async Task<bool> MayWatchAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<MeetingAccessReader>().ReadAsync(meetingId, user, RunSheetPermissions.Projector, cancellationToken);
            return true;
        }
        catch (RefusedException)
        {
            return false;
        }
    }
}

/// <summary>
/// The team makes the meeting's run sheet from a format. A meeting that has one gets a new one only when the form
/// names the version it replaces (a conflict otherwise) and nothing has started; the new sheet continues the version,
/// so forms made on the old one are refused.
/// </summary>
public static class CreateRunSheet
{
    public sealed record Command(int MeetingId, MeetingFormat Format, FormatParameters Parameters, long? Replaces = null) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db, RunSheetLive live) : MeetingChange<Command, RunSheetAnswer>(meetings, RunSheetPermissions.Plan)
    {
        public override async Task<RunSheetAnswer> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var stored = await db.Set<MeetingRunSheet>().SingleOrDefaultAsync(s => s.MeetingId == command.MeetingId, cancellationToken);
            var current = stored?.Read(out _);
            if (stored is not null)
            {
                if (command.Replaces != stored.Version)
                {
                    return RunSheetAnswer.Of(RunSheetOutcome.Conflict, current, [new(RunSheetProblemKind.Conflict,
                        $"This meeting already has a run sheet (version {stored.Version}); it was changed since you loaded the page, or you did not ask to replace it.")]);
                }
                if (current is not null && current.Blocks.Any(b => b.ActualStart is not null))
                {
                    return RunSheetAnswer.Of(RunSheetOutcome.Refused, current, [new(RunSheetProblemKind.AlreadyStarted,
                        "The meeting has started: its run sheet can no longer be replaced; edit it instead.")]);
                }
            }
            var problems = RunSheetTemplates.Check(command.Format, command.Parameters);
            if (problems.Count > 0)
            {
                return RunSheetAnswer.Of(RunSheetOutcome.Refused, current, problems);
            }
            var sheet = RunSheetTemplates.Create(command.Format, command.Parameters);
            if (stored is null)
            {
                db.Add(MeetingRunSheet.For(command.MeetingId, sheet, change.Now));
            }
            else
            {
                sheet = sheet with { Version = stored.Version + 1 };
                stored.Store(sheet, change.Now);
            }
            change.Log("meeting.runsheet.created", new { meeting = command.MeetingId, format = command.Format.ToString(), blocks = sheet.Blocks.Count, version = sheet.Version });
            live.AfterCommit(change, command.MeetingId, sheet.Version);
            return RunSheetAnswer.Of(RunSheetOutcome.Applied, sheet, []);
        }
    }
}

/// <summary>
/// One change to a run sheet, made on the version the person saw: a plan edit (the team, while the process is open)
/// or a live operation (the team as lead facilitator; a block starts or finishes at the server's time, whatever the
/// request says). The engine applies it; the store saves it only if the version is still the one read
/// (a compare-and-swap); otherwise the runner starts again and the engine answers Conflict with the current sheet.
/// </summary>
public static class ChangeRunSheet
{
    public sealed record Command(int MeetingId, long Version, RunSheetCommand Change) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db, RunSheetLive live) : IChange<Command, MeetingTarget, RunSheetAnswer>
    {
        public Task<MeetingTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            meetings.ForChangeAsync(command.MeetingId, user, cancellationToken);

        public Decision Decide(MeetingTarget target, Command command) => target.Decide(RunSheetPermissions.ActionFor(command.Change));

        public async Task<RunSheetAnswer> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var stored = RefusedException.IfMissing(await db.Set<MeetingRunSheet>().SingleOrDefaultAsync(s => s.MeetingId == command.MeetingId, cancellationToken));
            var sheet = stored.Read(out var unreadable);
            if (sheet is null)
            {
                return RunSheetAnswer.Of(RunSheetOutcome.Refused, null, unreadable);
            }
            var at = new DateTimeOffset(DateTime.SpecifyKind(change.Now, DateTimeKind.Utc));
            var operation = command.Change switch
            {
                StartBlock s => s with { At = at },
                FinishBlock f => f with { At = at },
                var other => other,
            };
            var result = RunSheetEditor.Apply(sheet, command.Version, operation);
            if (!result.Applied)
            {
                return RunSheetAnswer.Of(result.Outcome, result.Sheet, result.Problems);
            }
            stored.Store(result.Sheet, change.Now);
            var (action, data) = LogEntry(command.MeetingId, result.Sheet, operation);
            change.Log(action, data);
            live.AfterCommit(change, command.MeetingId, result.Sheet.Version);
            return RunSheetAnswer.Of(RunSheetOutcome.Applied, result.Sheet, []);
        }

        /// <summary>A short entry: the meeting, the version, the block and what happened to it; the plan's texts are not copied into the log.</summary>
        private static (string Action, object Data) LogEntry(int meetingId, RunSheet sheet, RunSheetCommand operation)
        {
            string? Title(int id) => sheet.Find(id)?.Title;
            return operation switch
            {
                StartBlock s => ("meeting.runsheet.started", new { meeting = meetingId, version = sheet.Version, block = s.BlockId, title = Title(s.BlockId) }),
                FinishBlock f => ("meeting.runsheet.finished", new { meeting = meetingId, version = sheet.Version, block = f.BlockId, title = Title(f.BlockId) }),
                ExtendBlock e => ("meeting.runsheet.extended", new { meeting = meetingId, version = sheet.Version, block = e.BlockId, title = Title(e.BlockId), minutes = e.Minutes }),
                SkipBlock k => ("meeting.runsheet.skipped", new { meeting = meetingId, version = sheet.Version, block = k.BlockId, title = Title(k.BlockId) }),
                RestoreBlock r => ("meeting.runsheet.restored", new { meeting = meetingId, version = sheet.Version, block = r.BlockId, title = Title(r.BlockId) }),
                _ => ("meeting.runsheet.edited", new { meeting = meetingId, version = sheet.Version, change = Op(operation) }),
            };
        }

        private static string Op(RunSheetCommand operation)
        {
            var name = operation.GetType().Name;
            return char.ToLowerInvariant(name[0]) + name[1..];
        }
    }
}

public static class RunSheetServices
{
    public static IServiceCollection AddRunSheets(this IServiceCollection services)
    {
        services.AddScoped<RunSheetStore>();
        services.AddScoped<RunSheetPeople>();
        services.AddScoped<Accounts.IPersonalData, RunSheetPersonalData>();
        services.AddSingleton<RunSheetLive>();
        services.AddSingleton<ILiveTopic, RunSheetLiveTopic>();
        services.AddOutputCache(RunSheetNowModel.AddCachePolicy);
        return services;
    }
}
