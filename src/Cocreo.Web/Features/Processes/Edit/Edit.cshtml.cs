using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team changes the description, scope, sponsor and visibility; each change is logged with what changed.</summary>
[Authorize]
public sealed class EditModel(ProcessAccessReader processes, ChangeRunner changes, IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public ProcessForm Input { get; set; } = new();

    public int ProcessId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await processes.ReadAsync(id, User, ProcessAction.Edit, cancellationToken);
        Input = ProcessForm.From(view.Process);
        ProcessId = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] DescribeProcess.Handler describe, CancellationToken cancellationToken)
    {
        await processes.ReadAsync(id, User, ProcessAction.Edit, cancellationToken);
        ProcessId = id;
        Input.Validate(ModelState, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(describe, new DescribeProcess.Command(id, Input.Description()), cancellationToken);
        return this.Done(t["Your changes were saved and logged."], $"/processes/{id}");
    }
}
