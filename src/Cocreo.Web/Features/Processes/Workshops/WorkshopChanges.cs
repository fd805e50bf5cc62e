using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// A team member starts a workshop session (hours, cap). A process has at most one open session: starting again while
/// one is open gives that one. The log says a session started, for how long and for how many, never its code.
/// </summary>
public static class StartWorkshop
{
    public sealed record Command(int ProcessId, int Hours, int MaxPeople) : IProcessCommand;

    public sealed record Outcome(bool Started);

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db) : ProcessChange<Command, Outcome>(processes)
    {
        protected override ProcessAction Action => ProcessAction.RunWorkshop;

        public override async Task<Outcome> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var now = change.Now;
            if (await db.Set<WorkshopSession>().AnyAsync(s => s.ProcessId == command.ProcessId && s.EndedAt == null && s.ExpiresAt > now, cancellationToken))
            {
                return new Outcome(false);
            }
            db.Add(WorkshopSession.Start(command.ProcessId, now, command.Hours, command.MaxPeople));
            change.Log("workshop.started", new { hours = command.Hours, maxPeople = command.MaxPeople });
            return new Outcome(true);
        }
    }
}

/// <summary>A team member ends the open workshop session early; its code stops working at once.</summary>
public static class EndWorkshop
{
    public sealed record Command(int ProcessId) : IProcessCommand;

    public sealed record Outcome(bool Ended);

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db) : ProcessChange<Command, Outcome>(processes)
    {
        protected override ProcessAction Action => ProcessAction.RunWorkshop;

        public override async Task<Outcome> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var now = change.Now;
            var open = await db.Set<WorkshopSession>().Where(s => s.ProcessId == command.ProcessId && s.EndedAt == null && s.ExpiresAt > now).ToListAsync(cancellationToken);
            foreach (var session in open)
            {
                session.End(now);
                change.Log("workshop.ended", new { registered = session.Registered });
            }
            return new Outcome(open.Count > 0);
        }
    }
}

/// <summary>
/// A person registered at a workshop joins its process as a participant, counted against the session's cap. Decided
/// on the session (open, not full), not on a person: whoever holds the code may join, as with a printed invitation.
/// The log names the role only. A person who already takes part changes nothing.
/// </summary>
public static class JoinThroughWorkshop
{
    public sealed record Command(string Code, string UserId);

    public sealed record Outcome(bool Joined);

    public sealed class Handler(CocreoDbContext db, TimeProvider clock) : IChange<Command, WorkshopTarget, Outcome>
    {
        public async Task<WorkshopTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var code = WorkshopSession.Normalize(command.Code);
            var session = await db.Set<WorkshopSession>().SingleOrDefaultAsync(s => s.Code == code, cancellationToken);
            if (session is null)
            {
                return null;
            }
            var process = await db.Set<Process>()
                .Include(p => p.Members.Where(m => m.UserId == command.UserId))
                .SingleOrDefaultAsync(p => p.Id == session.ProcessId, cancellationToken);
            return process is null ? null : new WorkshopTarget(process, session, clock.GetUtcNow().UtcDateTime);
        }

        public Decision Decide(WorkshopTarget target, Command command) =>
            target.Process.MemberFor(command.UserId) is not null ? Decision.Allowed
            : target.Session.Closed(target.At) is { } closed ? Decision.NotNow(ProcessRules.Message(closed), typeof(ProcessPermissions))
            : target.Process.IsClosed ? ProcessPermissions.Open(true)
            : Decision.Allowed;

        public Task<Outcome> RunAsync(Change<WorkshopTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            if (process.MemberFor(command.UserId) is not null)
            {
                return Task.FromResult(new Outcome(false));
            }
            process.Join(command.UserId, ProcessRole.Participant, change.Now);
            change.Target.Session.Count();
            change.Log("member.joined", new { role = "participant", through = "workshop" });
            return Task.FromResult(new Outcome(true));
        }
    }
}

/// <summary>A workshop session and its process, opened to let someone join; the log names a participant by role only.</summary>
public sealed record WorkshopTarget(Process Process, WorkshopSession Session, DateTime At) : IChangeTarget
{
    public int? LogProcessId => Process.Id;

    public LogActor Actor => LogActor.Private("participant");
}
