using System.Security.Claims;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>
/// One change to a meeting's Open Space grid (post, move, withdraw or report a session; add, rename or remove a space),
/// through the run sheet's own path: the engine applies it to the stored sheet on a version, the store saves it only if
/// the version is still the one read (a compare-and-swap; a lost race starts again and is decided on fresh data), the
/// log gets a short <c>meeting.grid.*</c> entry (ids only: no titles, no names) and the pages watching
/// <c>runsheet:{id}</c> are told after the commit. A change that names a version (the pages' forms) is refused as a
/// conflict when the sheet moved on since; a post is made on the current version (the cell being free is what
/// matters, and a taken cell is refused with what is free). The convener of a posted session is the person posting.
/// </summary>
public static class ChangeGrid
{
    /// <param name="Version">The version the person saw; null: the current one.</param>
    public sealed record Command(int MeetingId, long? Version, RunSheetCommand Change) : IMeetingCommand;

    /// <summary>What each grid operation asks of <see cref="GridPermissions"/>.</summary>
    public static GridAction ActionFor(RunSheetCommand change) => change switch
    {
        PostSession => GridAction.Post,
        MoveSession or RemoveSession => GridAction.Convene,
        ReportSession => GridAction.Report,
        AddSpace or RemoveSpace or RenameSpace => GridAction.ManageSpaces,
        _ => throw new ArgumentException($"{change.GetType().Name} is not a change of the grid.", nameof(change)),
    };

    private static int? SessionOf(RunSheetCommand change) => change switch
    {
        MoveSession m => m.SessionId,
        RemoveSession r => r.SessionId,
        ReportSession r => r.SessionId,
        _ => null,
    };

    public sealed class Handler(GridAccess access, RunSheetLive live) : IChange<Command, GridTarget, RunSheetAnswer>
    {
        public Task<GridTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            access.ForChangeAsync(command.MeetingId, user, cancellationToken);

        public Decision Decide(GridTarget target, Command command)
        {
            var session = SessionOf(command.Change) is { } id ? target.Sheet.Grid!.Sessions.FirstOrDefault(s => s.Id == id) : null;
            return target.Decide(ActionFor(command.Change), session);
        }

        public Task<RunSheetAnswer> RunAsync(Change<GridTarget> change, Command command, CancellationToken cancellationToken)
        {
            var target = change.Target;
            var sheet = target.Sheet;
            var operation = command.Change switch
            {
                PostSession p => p with { ConvenerId = target.UserId },
                var other => other,
            };
            var result = RunSheetEditor.Apply(sheet, command.Version ?? sheet.Version, operation);
            if (!result.Applied)
            {
                return Task.FromResult(RunSheetAnswer.Of(result.Outcome, result.Sheet, result.Problems));
            }
            target.Stored.Store(result.Sheet, change.Now);
            var next = result.Sheet;
            var meeting = command.MeetingId;
            var (action, data) = operation switch
            {
                PostSession p => ("meeting.grid.posted", (object)new { meeting, version = next.Version, session = next.Grid!.NextSessionId - 1, slot = p.SlotBlockId, space = p.SpaceId }),
                MoveSession m => ("meeting.grid.moved", new { meeting, version = next.Version, session = m.SessionId, slot = m.SlotBlockId, space = m.SpaceId }),
                RemoveSession r => ("meeting.grid.withdrawn", new { meeting, version = next.Version, session = r.SessionId }),
                ReportSession r => ("meeting.grid.reported", new { meeting, version = next.Version, session = r.SessionId, written = r.Report.Trim().Length > 0 }),
                AddSpace => ("meeting.grid.space-added", new { meeting, version = next.Version, space = next.Grid!.NextSpaceId - 1 }),
                RemoveSpace r => ("meeting.grid.space-removed", new { meeting, version = next.Version, space = r.SpaceId }),
                RenameSpace r => ("meeting.grid.space-renamed", new { meeting, version = next.Version, space = r.SpaceId }),
                _ => ("meeting.runsheet.edited", new { meeting, version = next.Version }),
            };
            change.Log(action, data);
            live.AfterCommit(change, meeting, next.Version);
            return Task.FromResult(RunSheetAnswer.Of(RunSheetOutcome.Applied, next, []));
        }
    }
}

public static class GridServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<GridAccess>();
        services.AddOutputCache(GridModel.AddCachePolicy);
        services.AddHostedService<OpenSpaceDemoStartup>();
    }
}
