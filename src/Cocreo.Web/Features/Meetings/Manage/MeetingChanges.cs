using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings;

/// <summary>The process's team plans a meeting in the process.</summary>
public static class PlanMeeting
{
    public sealed record Command(int ProcessId, MeetingDetails Details) : IProcessCommand;

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db) : IChange<Command, ProcessTarget, int>
    {
        public Task<ProcessTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            processes.ForChangeAsync(command.ProcessId, user, cancellationToken);

        public Decision Decide(ProcessTarget target, Command command) =>
            MeetingPermissions.Decide(MeetingAction.Create, MeetingSubject.Of(target.Process, null, DateTime.UtcNow), target.Access);

        public async Task<int> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            var meeting = Meeting.Plan(process.OrganisationId, process.Id, command.Details, change.Now, process.Language);
            db.Add(meeting);
            // The meeting's id is in the log entry, so it is saved first, in the change's transaction.
            await change.SaveAsync(cancellationToken);
            change.Log("meeting.planned", MeetingLogData.Of(meeting));
            return meeting.Id;
        }
    }
}

/// <summary>
/// The team changes a meeting. More places (or none) give them to the waiting list in order, and tell those promoted;
/// fewer places than people already have are refused (nobody loses a place they were given).
/// </summary>
public static class ChangeMeeting
{
    public sealed record Command(int MeetingId, MeetingDetails Details) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, MeetingQueue queue, CocreoDbContext db) : MeetingChange<Command, Done>(meetings, MeetingAction.Edit)
    {
        public override async Task<Done> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var meeting = change.Target.Meeting;
            // A place once given is not taken away by a smaller room: the capacity cannot go below the places taken.
            if (command.Details.Capacity is { } capacity && capacity != meeting.Capacity)
            {
                var places = await db.Set<MeetingRegistration>().CountAsync(r => r.MeetingId == meeting.Id && r.Status == RegistrationStatus.Registered, cancellationToken);
                if (capacity < places)
                {
                    throw new MeetingRuleException("CapacityBelowPlaces", places);
                }
            }
            // Compared as stored, after the meeting's own rules have trimmed and normalised what was sent (an empty video
            // link is stored as none, a room is kept only for a meeting in person): a form saved unchanged changes
            // nothing and logs nothing.
            var before = meeting.Details;
            meeting.Change(command.Details, change.Now);
            if (meeting.Details == before)
            {
                return new Done();
            }
            meeting.Touch();
            await queue.PromoteAsync(meeting, change.Now, cancellationToken);
            change.Log("meeting.changed", MeetingLogData.Of(meeting));
            return new Done();
        }
    }
}

/// <summary>The team cancels a meeting; everyone registered or waiting is told by e-mail.</summary>
public static class CancelMeeting
{
    public sealed record Command(int MeetingId) : IMeetingCommand;

    public sealed record Outcome(bool Changed);

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db, MeetingMail mail) : MeetingChange<Command, Outcome>(meetings, MeetingAction.Edit)
    {
        public override async Task<Outcome> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var meeting = change.Target.Meeting;
            if (!meeting.Cancel(change.Now))
            {
                return new Outcome(false);
            }
            meeting.Touch();
            var told = await db.Set<MeetingRegistration>()
                .Where(r => r.MeetingId == meeting.Id && r.UserId != null && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waiting))
                .Select(r => r.UserId!).ToListAsync(cancellationToken);
            if (meeting.StartsAt > change.Now)
            {
                await mail.QueueAsync(meeting, told, MeetingMail.Kind.Cancelled, cancellationToken);
            }
            change.Log("meeting.cancelled", new { meeting = meeting.Id, title = meeting.Title });
            return new Outcome(true);
        }
    }
}

/// <summary>What the log says of a meeting: what the team wrote, never who registered.</summary>
public static class MeetingLogData
{
    public static object Of(Meeting meeting) => new
    {
        meeting = meeting.Id,
        title = meeting.Title,
        startsAt = meeting.StartsAt,
        endsAt = meeting.EndsAt,
        kind = meeting.Kind.ToString(),
        address = meeting.HasRoom ? meeting.Address : null,
        room = meeting.HasRoom && meeting.Room.Length > 0 ? meeting.Room : null,
        capacity = meeting.Capacity,
        registrationOpen = meeting.RegistrationOpen,
    };
}
