using Cocreo.Transparency;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Log;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Transparency;

/// <summary>The public log of a process, checked link by link every time it is shown.</summary>
public sealed class LogModel(ProcessAccessReader processes, ProcessLog log) : PageModel
{
    public Process Process { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public IReadOnlyList<ProcessLogEntry> Entries { get; private set; } = [];
    public LogVerification Verification { get; private set; } = null!;
    public bool CanReflect { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await processes.ReadAsync(id, User, ProcessAction.View, cancellationToken);
        Process = view.Process;
        Title = LocalizedProcess.Of(Process, Cultures.Current).Title.Text;
        CanReflect = view.Can(ProcessAction.Reflect);
        Entries = await log.EntriesAsync(id, cancellationToken);
        var (length, head) = await log.HeadAsync(id, cancellationToken);
        Verification = LogChain.Verify(Entries.Select(e => e.ToRecord()).ToList(), length, head);
        return Page();
    }
}
