using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings;

/// <summary>The meetings of a process (the process's meetings tab); its team plans one here.</summary>
public sealed class IndexModel(MeetingAccessReader meetings, CocreoDbContext db, ChangeRunner changes, DateDisplay dates, TimeProvider clock, IStringLocalizer<MeetingText> t) : PageModel
{
    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public Process Process { get; private set; } = null!;
    public List<Meeting> Upcoming { get; private set; } = [];
    public List<Meeting> Past { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int processId, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, MeetingAction.View, cancellationToken);
        var start = dates.Local(clock.GetUtcNow().UtcDateTime).Date.AddDays(7).AddHours(18);
        Input.StartsAt = start;
        Input.EndsAt = start.AddHours(2);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, [FromServices] PlanMeeting.Handler plan, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, MeetingAction.Create, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var id = await changes.RunAsync(plan, new PlanMeeting.Command(processId, Input.ToDetails(dates)), cancellationToken);
        return this.Done(t["The meeting was planned."], $"/meetings/{id}");
    }

    private async Task LoadAsync(int processId, MeetingAction action, CancellationToken cancellationToken)
    {
        var view = await meetings.ReadProcessAsync(processId, User, action, cancellationToken);
        Process = view.Process;
        var now = clock.GetUtcNow().UtcDateTime;
        CanCreate = MeetingPermissions.Allows(MeetingAction.Create, MeetingSubject.Of(Process, null, now), view.Access);
        var all = await db.Set<Meeting>().AsNoTracking().Where(m => m.ProcessId == processId).OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
        Upcoming = all.Where(m => !m.HasEnded(now)).ToList();
        Past = all.Where(m => m.HasEnded(now)).OrderByDescending(m => m.StartsAt).ToList();
    }
}
