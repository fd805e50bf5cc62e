using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>A meeting's harvest read for one person.</summary>
public sealed record HarvestView(MeetingView Meeting, bool IsHarvester)
{
    public HarvestSubject Subject => new(Meeting.Subject, IsHarvester);

    public bool Can(HarvestAction action) => HarvestPermissions.Allows(action, Subject, Meeting.Access);

    public Decision Decide(HarvestAction action) => HarvestPermissions.Decide(action, Subject, Meeting.Access);
}

/// <summary>A meeting loaded for a change to its harvest (tracked), with who is asking and whether they harvest.</summary>
public sealed record HarvestTarget(MeetingTarget Meeting, bool IsHarvester) : IChangeTarget
{
    public int? LogProcessId => Meeting.LogProcessId;

    public LogActor Actor => Meeting.Actor;

    public HarvestSubject Subject => new(Meeting.Subject, IsHarvester);

    public Decision Decide(HarvestAction action) => HarvestPermissions.Decide(action, Subject, Meeting.Access);
}

/// <summary>A command about one meeting's harvest.</summary>
public interface IHarvestCommand
{
    int MeetingId { get; }
}

/// <summary>Opens a meeting's harvest for pages and changes (refusals thrown for the filters to answer).</summary>
public sealed class HarvestAccess(CocreoDbContext db, MeetingAccessReader meetings)
{
    public async Task<HarvestView> ReadAsync(int meetingId, ClaimsPrincipal user, HarvestAction action, CancellationToken cancellationToken)
    {
        var meeting = await meetings.ReadAsync(meetingId, user, MeetingAction.View, cancellationToken);
        var view = new HarvestView(meeting, await IsHarvesterAsync(meetingId, user.UserId(), cancellationToken));
        RefusedException.Unless(view.Decide(action), meeting.Access.IsAuthenticated);
        return view;
    }

    public async Task<HarvestTarget?> ForChangeAsync(int meetingId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var meeting = await meetings.ForChangeAsync(meetingId, user, cancellationToken);
        return meeting is null ? null : new HarvestTarget(meeting, await IsHarvesterAsync(meetingId, meeting.Access.UserId, cancellationToken));
    }

    private Task<bool> IsHarvesterAsync(int meetingId, string? userId, CancellationToken cancellationToken) =>
        userId is null ? Task.FromResult(false) : db.Set<MeetingHarvester>().AnyAsync(h => h.MeetingId == meetingId && h.UserId == userId, cancellationToken);
}

/// <summary>The shape of a change to a meeting's harvest: loads the meeting and asks <see cref="HarvestPermissions"/> about the handler's action.</summary>
public abstract class HarvestChange<TCommand, TResult>(HarvestAccess access, HarvestAction action) : IChange<TCommand, HarvestTarget, TResult>
    where TCommand : IHarvestCommand
{
    public Task<HarvestTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.ForChangeAsync(command.MeetingId, user, cancellationToken);

    public virtual Decision Decide(HarvestTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<HarvestTarget> change, TCommand command, CancellationToken cancellationToken);
}
