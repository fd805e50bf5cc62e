using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The owner deletes a process nobody has taken part in, after typing its title (see <see cref="DeleteProcess"/>).</summary>
[Authorize]
public sealed class DeleteModel(ProcessAccessReader processes, ChangeRunner changes, IEnumerable<IProcessActivity> activities, IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public string Confirm { get; set; } = "";

    public Process Process { get; private set; } = null!;

    /// <summary>People took part already: the page says to archive instead, and offers no form.</summary>
    public bool HasInput { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] DeleteProcess.Handler delete, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(delete, new DeleteProcess.Command(id, Confirm ?? ""), cancellationToken);
        return this.Done(t["The process was deleted. Its public log keeps the deletion."], "/processes");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Process = (await processes.ReadAsync(id, User, ProcessAction.Delete, cancellationToken)).Process;
        foreach (var activity in activities)
        {
            HasInput = HasInput || await activity.RunningAsync(id, cancellationToken) is not null || await activity.HasInputAsync(id, cancellationToken);
        }
    }
}
