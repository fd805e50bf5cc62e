using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings;

/// <summary>
/// A signed-in person registers for a meeting with their needs: a place while there is one, else the waiting list.
/// Registering again (a double submit, the Back button, a second tab) finds the same registration and only updates
/// the needs; a parallel first registration loses on the unique key and, tried again, finds the other.
/// Not logged: who comes is nobody's business but the organisers'.
/// </summary>
public static class RegisterForMeeting
{
    public sealed record Command(int MeetingId, MeetingNeeds Needs) : IMeetingCommand;

    /// <param name="Position">On the waiting list: the place in the queue (1 = next).</param>
    public sealed record Outcome(RegistrationStatus Status, int? Position, bool New);

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db, MeetingQueue queue) : MeetingChange<Command, Outcome>(meetings, MeetingAction.Register)
    {
        public override async Task<Outcome> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var meeting = change.Target.Meeting;
            var userId = change.Target.Access.UserId!;
            var registration = await db.Set<MeetingRegistration>().SingleOrDefaultAsync(r => r.MeetingId == meeting.Id && r.UserId == userId, cancellationToken);
            if (registration is { IsActive: true })
            {
                registration.ChangeNeeds(command.Needs);
                return new Outcome(registration.Status, await queue.PositionAsync(registration, cancellationToken), false);
            }
            var hasPlace = await queue.HasPlaceAsync(meeting, cancellationToken);
            if (registration is null)
            {
                registration = MeetingRegistration.For(meeting.Id, userId, command.Needs, hasPlace, change.Now);
                db.Add(registration);
            }
            else
            {
                registration.Take(command.Needs, hasPlace, change.Now);
            }
            meeting.Touch();
            await change.SaveAsync(cancellationToken);
            return new Outcome(registration.Status, await queue.PositionAsync(registration, cancellationToken), true);
        }
    }
}

/// <summary>A person cancels their registration (their needs are forgotten); a freed place goes to the first on the waiting list, who is told.</summary>
public static class CancelRegistration
{
    public sealed record Command(int MeetingId) : IMeetingCommand;

    public sealed record Outcome(bool Changed, int Promoted);

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db, MeetingQueue queue) : MeetingChange<Command, Outcome>(meetings, MeetingAction.View)
    {
        public override async Task<MeetingTarget?> LoadAsync(Command command, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var target = await base.LoadAsync(command, user, cancellationToken);
            return target is null ? null : target with { Actor = MeetingTarget.ParticipantActor };
        }

        public override async Task<Outcome> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            // Anyone who may see the meeting may cancel their own registration, also after registration closed; signing in is needed to have one.
            var userId = change.Target.Access.UserId ?? throw new RefusedException(new Refusal(RefusalKind.SignIn, "Sign in to register for this meeting.", typeof(MeetingPermissions)));
            var meeting = change.Target.Meeting;
            var registration = await db.Set<MeetingRegistration>().SingleOrDefaultAsync(r => r.MeetingId == meeting.Id && r.UserId == userId, cancellationToken);
            if (registration is null || !registration.Cancel(change.Now))
            {
                return new Outcome(false, 0);
            }
            meeting.Touch();
            db.RemoveRange(await db.Set<Profiles.MeetingProfile>().Where(p => p.RegistrationId == registration.Id).ToListAsync(cancellationToken));
            await change.SaveAsync(cancellationToken);
            var promoted = await queue.PromoteAsync(meeting, change.Now, cancellationToken);
            return new Outcome(true, promoted);
        }
    }
}

/// <summary>
/// A facilitator checks a registered person in, by their personal code (scanned from the QR code or typed) or from the
/// list. A code used twice changes nothing and says who was checked in and when.
/// </summary>
public static class CheckIn
{
    /// <param name="Code">The person's check-in code; or <paramref name="RegistrationId"/> from the list.</param>
    public sealed record Command(int MeetingId, string? Code, int? RegistrationId = null) : IMeetingCommand;

    /// <param name="Who">The person's name (or the walk-in's), for the facilitator.</param>
    /// <param name="CheckedInAt">When they were checked in (now, or the first time).</param>
    public sealed record Outcome(bool Changed, string Who, DateTime CheckedInAt, int RegistrationId);

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db) : MeetingChange<Command, Outcome>(meetings, MeetingAction.Organise)
    {
        public override async Task<Outcome> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var meeting = change.Target.Meeting;
            var code = MeetingRegistration.NormalizeCode(command.Code);
            var registration = command.RegistrationId is { } id
                ? await db.Set<MeetingRegistration>().SingleOrDefaultAsync(r => r.MeetingId == meeting.Id && r.Id == id, cancellationToken)
                : code.Length == 0 ? null : await db.Set<MeetingRegistration>().SingleOrDefaultAsync(r => r.MeetingId == meeting.Id && r.Code == code, cancellationToken);
            if (registration is null)
            {
                throw new MeetingRuleException("UnknownCode");
            }
            var changed = registration.CheckIn(change.Now);
            if (changed)
            {
                meeting.Touch();
            }
            var name = registration.UserId is { } userId
                ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
                : registration.WalkInName;
            return new Outcome(changed, name ?? "", registration.CheckedInAt!.Value, registration.Id);
        }
    }
}

/// <summary>A facilitator adds someone who came without registering: they take a place (beyond the capacity if the room allows) and are checked in.</summary>
public static class AddWalkIn
{
    public sealed record Command(int MeetingId, string? Name) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db) : MeetingChange<Command, int>(meetings, MeetingAction.Organise)
    {
        public override async Task<int> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var registration = MeetingRegistration.WalkIn(change.Target.Meeting.Id, command.Name, change.Now);
            db.Add(registration);
            change.Target.Meeting.Touch();
            await change.SaveAsync(cancellationToken);
            return registration.Id;
        }
    }
}

/// <summary>The team records the attendance summary in the process's log: counts only, never names.</summary>
public static class RecordAttendance
{
    public sealed record Command(int MeetingId) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, MeetingAttendance attendance) : MeetingChange<Command, MeetingCounts>(meetings, MeetingAction.Organise)
    {
        public override async Task<MeetingCounts> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var counts = await attendance.CountAsync(command.MeetingId, cancellationToken);
            change.Log("meeting.attendance", new { meeting = command.MeetingId, registered = counts.Registered, waiting = counts.Waiting, checkedIn = counts.CheckedIn, walkIns = counts.WalkIns });
            return counts;
        }
    }
}
