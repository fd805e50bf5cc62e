using System.Security.Claims;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>A meeting's grid read for one person: the meeting, whether they have a place, and the run sheet (null when it has no grid).</summary>
public sealed record GridView(MeetingView Meeting, bool IsParticipant, RunSheet? Sheet)
{
    public OpenSpaceGrid? Grid => Sheet?.Grid;

    public GridSubject Subject(GridSession? session = null) =>
        new(Meeting.Subject, IsParticipant, session?.ConvenerId is { } convener && convener == Meeting.Access.UserId);

    public bool Can(GridAction action, GridSession? session = null) => GridPermissions.Allows(action, Subject(session), Meeting.Access);

    public Decision Decide(GridAction action, GridSession? session = null) => GridPermissions.Decide(action, Subject(session), Meeting.Access);

    /// <summary>The grid's slots: the sheet's session blocks, in order (skipped ones too: their sessions stay visible).</summary>
    public IReadOnlyList<RunSheetBlock> Slots => Sheet is null ? [] : GridCells.Slots(Sheet);
}

/// <summary>A meeting loaded for a change to its grid: the meeting (tracked), its stored run sheet (tracked) and the sheet read from it.</summary>
public sealed record GridTarget(MeetingTarget Meeting, bool IsParticipant, MeetingRunSheet Stored, RunSheet Sheet) : IChangeTarget
{
    public int? LogProcessId => Meeting.LogProcessId;

    /// <summary>The team's changes name the person; a participant's is logged by role only.</summary>
    public LogActor Actor => Meeting.Access.Runs ? Meeting.Actor : MeetingTarget.ParticipantActor;

    public string? UserId => Meeting.Access.UserId;

    public Decision Decide(GridAction action, GridSession? session) =>
        GridPermissions.Decide(action, new GridSubject(Meeting.Subject, IsParticipant, session?.ConvenerId is { } convener && convener == UserId), Meeting.Access);
}

/// <summary>Opens a meeting's grid for pages and changes (refusals thrown for the filters to answer).</summary>
public sealed class GridAccess(CocreoDbContext db, MeetingAccessReader meetings, RunSheetStore sheets)
{
    /// <summary>The grid for a page or the API; 404 when the meeting has no run sheet with a grid.</summary>
    public async Task<GridView> ReadAsync(int meetingId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var meeting = await meetings.ReadAsync(meetingId, user, MeetingAction.View, cancellationToken);
        var sheet = await sheets.FindAsync(meetingId, cancellationToken);
        RefusedException.IfMissing(sheet?.Grid);
        return new GridView(meeting, await HasPlaceAsync(meetingId, user.UserId(), cancellationToken), sheet);
    }

    public async Task<GridTarget?> ForChangeAsync(int meetingId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var meeting = await meetings.ForChangeAsync(meetingId, user, cancellationToken);
        if (meeting is null)
        {
            return null;
        }
        var stored = await db.Set<MeetingRunSheet>().SingleOrDefaultAsync(s => s.MeetingId == meetingId, cancellationToken);
        if (stored?.Read(out _) is not { Grid: not null } sheet)
        {
            return null;
        }
        return new GridTarget(meeting, await HasPlaceAsync(meetingId, meeting.Access.UserId, cancellationToken), stored!, sheet);
    }

    /// <summary>Registered with a place (checked in or not); the waiting list does not post.</summary>
    private Task<bool> HasPlaceAsync(int meetingId, string? userId, CancellationToken cancellationToken) =>
        userId is null
            ? Task.FromResult(false)
            : db.Set<MeetingRegistration>().AnyAsync(r => r.MeetingId == meetingId && r.UserId == userId && r.Status == RegistrationStatus.Registered, cancellationToken);

    /// <summary>The display names of these accounts (never their e-mail addresses), by id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}

/// <summary>Reading the grid's cells from a sheet.</summary>
public static class GridCells
{
    public static IReadOnlyList<RunSheetBlock> Slots(RunSheet sheet) => sheet.Blocks.Where(b => b.Kind == BlockKind.Session).ToList();

    public static GridSession? At(OpenSpaceGrid grid, int slotBlockId, int spaceId) =>
        grid.Sessions.FirstOrDefault(s => s.SlotBlockId == slotBlockId && s.SpaceId == spaceId);

    /// <summary>The free cells (slot, space), slot by slot.</summary>
    public static IEnumerable<(RunSheetBlock Slot, GridSpace Space)> Free(RunSheet sheet) =>
        sheet.Grid is not { } grid ? [] :
        from slot in Slots(sheet)
        where slot.Status is BlockStatus.Pending or BlockStatus.Running
        from space in grid.Spaces
        where At(grid, slot.Id, space.Id) is null
        select (slot, space);

    /// <summary>A cell as a form writes it: "slot-space".</summary>
    public static string Key(int slotBlockId, int spaceId) => FormattableString.Invariant($"{slotBlockId}-{spaceId}");

    public static bool TryParse(string? key, out int slotBlockId, out int spaceId)
    {
        slotBlockId = spaceId = 0;
        var parts = (key ?? "").Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out slotBlockId)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out spaceId);
    }
}
