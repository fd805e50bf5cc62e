using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings;

/// <summary>A meeting read for one person: the meeting, its process and who the person is there.</summary>
public sealed record MeetingView(Meeting Meeting, Process Process, ProcessAccess Access, DateTime Now)
{
    public MeetingSubject Subject => MeetingSubject.Of(Process, Meeting, Now);

    public bool Can(MeetingAction action) => MeetingPermissions.Allows(action, Subject, Access);

    public Decision Decide(MeetingAction action) => MeetingPermissions.Decide(action, Subject, Access);
}

/// <summary>A meeting loaded for a change (tracked), its process, who is asking and who the log names.</summary>
public sealed record MeetingTarget(Meeting Meeting, Process Process, ProcessAccess Access, LogActor Actor, DateTime Now) : IChangeTarget
{
    /// <summary>Who the log names for a participant's own change: the role, never the person.</summary>
    public static LogActor ParticipantActor { get; } = LogActor.Private("participant");

    public int? LogProcessId => Process.Id;

    public MeetingSubject Subject => MeetingSubject.Of(Process, Meeting, Now);

    public Decision Decide(MeetingAction action) => MeetingPermissions.Decide(action, Subject, Access);
}

/// <summary>
/// Opens meetings for pages and changes: a page asks once and gets the meeting or a refusal thrown for the page filter
/// to answer (404 for one whose process the person may not see, sign-in or 403 with the reason otherwise).
/// </summary>
public sealed class MeetingAccessReader(CocreoDbContext db, ProcessDirectory processes, ProcessAccessReader access, TimeProvider clock)
{
    public async Task<MeetingView> ReadAsync(int meetingId, ClaimsPrincipal user, MeetingAction action, CancellationToken cancellationToken)
    {
        var meeting = RefusedException.IfMissing(await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken));
        var process = RefusedException.IfMissing(await processes.FindAsync(meeting.ProcessId, cancellationToken));
        var who = await access.ForAsync(user, process, cancellationToken);
        var view = new MeetingView(meeting, process, who, clock.GetUtcNow().UtcDateTime);
        RefusedException.Unless(view.Decide(action), who.IsAuthenticated);
        return view;
    }

    /// <summary>Opens a process's meetings for a page that does <paramref name="action"/> (the list, planning one); refuses (throws) otherwise.</summary>
    public async Task<ProcessView> ReadProcessAsync(int processId, ClaimsPrincipal user, MeetingAction action, CancellationToken cancellationToken)
    {
        var process = RefusedException.IfMissing(await processes.FindAsync(processId, cancellationToken));
        var who = await access.ForAsync(user, process, cancellationToken);
        RefusedException.Unless(MeetingPermissions.Decide(action, MeetingSubject.Of(process, null, clock.GetUtcNow().UtcDateTime), who), who.IsAuthenticated);
        return new ProcessView(process, who);
    }

    /// <summary>Loads a meeting for a change (tracked); null when there is none.</summary>
    public async Task<MeetingTarget?> ForChangeAsync(int meetingId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var meeting = await db.Set<Meeting>().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }
        var process = await access.ForChangeAsync(meeting.ProcessId, user, cancellationToken);
        return process is null ? null : new MeetingTarget(meeting, process.Process, process.Access, process.Actor, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The person's registration for the meeting (active or cancelled), or null.</summary>
    public Task<MeetingRegistration?> RegistrationOfAsync(int meetingId, string? userId, CancellationToken cancellationToken) =>
        userId is null
            ? Task.FromResult<MeetingRegistration?>(null)
            : db.Set<MeetingRegistration>().AsNoTracking().SingleOrDefaultAsync(r => r.MeetingId == meetingId && r.UserId == userId, cancellationToken);
}
