using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>A process's participatory texts: those published, and for its team the drafts and a link to import a new one.</summary>
public sealed class IndexModel(TextAccess access) : PageModel
{
    public ProcessView Process { get; private set; } = null!;

    public IReadOnlyList<ParticipatoryText> Texts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int processId, CancellationToken cancellationToken)
    {
        (Process, Texts) = await access.ListAsync(processId, User, cancellationToken);
        return Page();
    }
}
