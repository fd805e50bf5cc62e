using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.Profiles;

/// <summary>
/// The team defines a meeting's mixing attributes (at most four) with their values and population shares. Answers to
/// a value that is gone stay stored but no longer count. Logged with the number of attributes (not personal data).
/// </summary>
public static class SetMeetingAttributes
{
    public sealed record Command(int MeetingId, string? Text) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db) : MeetingChange<Command, int>(meetings, MeetingAction.Edit)
    {
        public override async Task<int> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var attributes = MeetingAttributeSet.Parse(command.Text);
            var set = await db.Set<MeetingAttributeSet>().SingleOrDefaultAsync(s => s.MeetingId == command.MeetingId, cancellationToken);
            if (set is null)
            {
                set = MeetingAttributeSet.For(command.MeetingId);
                db.Add(set);
            }
            if (MeetingAttributeSet.Text(set.Attributes) == MeetingAttributeSet.Text(attributes))
            {
                return attributes.Count;
            }
            set.Set(attributes);
            change.Log("meeting.attributes", new { meeting = command.MeetingId, attributes = attributes.Count, values = attributes.Sum(a => a.Values.Count) });
            await change.SaveAsync(cancellationToken);
            return attributes.Count;
        }
    }
}

/// <summary>
/// A registered person answers the meeting's attributes (or changes their answers; empty = prefer not to say).
/// Not logged. Needs an active registration.
/// </summary>
public static class AnswerAttributes
{
    public sealed record Command(int MeetingId, IReadOnlyDictionary<string, string> Answers) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db, MeetingProfiles profiles) : MeetingChange<Command, bool>(meetings, MeetingAction.View)
    {
        public override async Task<MeetingTarget?> LoadAsync(Command command, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var target = await base.LoadAsync(command, user, cancellationToken);
            return target is null ? null : target with { Actor = MeetingTarget.ParticipantActor };
        }

        public override async Task<bool> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var userId = change.Target.Access.UserId ?? throw new RefusedException(new Refusal(RefusalKind.SignIn, "Sign in to register for this meeting.", typeof(MeetingPermissions)));
            var registration = await db.Set<MeetingRegistration>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.MeetingId == command.MeetingId && r.UserId == userId && r.Status != RegistrationStatus.Cancelled, cancellationToken);
            if (registration is null)
            {
                throw new RefusedException(Refusal.Conflict("Register first: answers belong to a registration.", typeof(MixingRules)));
            }
            await profiles.SetAsync(command.MeetingId, registration.Id, command.Answers, cancellationToken);
            await change.SaveAsync(cancellationToken);
            return true;
        }
    }
}

/// <summary>A facilitator records a walk-in's answers at the door (the walk-in says them). Not logged.</summary>
public static class AnswerForWalkIn
{
    public sealed record Command(int MeetingId, int RegistrationId, IReadOnlyDictionary<string, string> Answers) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db, MeetingProfiles profiles) : MeetingChange<Command, bool>(meetings, MeetingAction.Organise)
    {
        public override async Task<bool> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var registration = await db.Set<MeetingRegistration>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.MeetingId == command.MeetingId && r.Id == command.RegistrationId && r.IsWalkIn, cancellationToken);
            if (registration is null || command.Answers.Count == 0)
            {
                return false;
            }
            await profiles.SetAsync(command.MeetingId, registration.Id, command.Answers, cancellationToken);
            await change.SaveAsync(cancellationToken);
            return true;
        }
    }
}
