using Cocreo.Web.Features.Processes;
using Cocreo.Web.Shared.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Transparency;

/// <summary>The public log of a process, checked link by link every time it is shown.</summary>
public sealed class LogModel(ProcessDirectory directory, ProcessAccessReader accessReader, ProcessLog log) : PageModel
{
    public Process Process { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public IReadOnlyList<ProcessLogEntry> Entries { get; private set; } = [];
    public LogVerification Verification { get; private set; } = null!;
    public bool CanReflect { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var process = await directory.FindAsync(id, cancellationToken);
        if (process is null)
        {
            return NotFound();
        }
        var access = await accessReader.ForAsync(User, process, cancellationToken);
        if (!ProcessPermissions.Allows(ProcessAction.View, process, access))
        {
            return NotFound();
        }
        Process = process;
        Title = LocalizedProcess.Of(process, Cultures.Current).Title;
        CanReflect = ProcessPermissions.Allows(ProcessAction.Reflect, process, access);
        Entries = await log.EntriesAsync(id, cancellationToken);
        Verification = LogChain.Verify(Entries.Select(e => e.ToRecord()).ToList(), process.LogLength, process.LogHeadHash);
        return Page();
    }
}
