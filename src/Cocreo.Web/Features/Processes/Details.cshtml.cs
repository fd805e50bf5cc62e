using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Capabilities;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Log;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The public page of a process: what it is about, what is in scope, where it stands, and how to take part.</summary>
public sealed class DetailsModel(
    CocreoDbContext db,
    ProcessDirectory directory,
    ProcessAccessReader processes,
    OrganisationMembership organisations,
    ProcessLog log,
    LogCheckpoints checkpoints,
    ChangeRunner changes,
    IEnumerable<Capability> capabilities,
    IStringLocalizer<ProcessText> t) : PageModel
{
    public ProcessView View { get; private set; } = null!;
    public Process Process => View.Process;
    public ProcessAccess Access => View.Access;
    public LocalizedProcess Localized { get; private set; } = null!;
    public OrganisationSummary? Organisation { get; private set; }
    public int ParticipantCount { get; private set; }
    public long LogLength { get; private set; }

    /// <summary>The newest signed checkpoint of the log, if any.</summary>
    public Cocreo.Transparency.LogCheckpoint? LastCheckpoint { get; private set; }
    public List<Announcement> Announcements { get; private set; } = [];
    public IReadOnlyList<ProcessLogEntry> RecentLog { get; private set; } = [];

    /// <summary>What other capabilities show in a slot of this page.</summary>
    public IEnumerable<PageSlot> Slots(string slot) => capabilities.SlotsOf(slot);

    public bool Can(ProcessAction action) => View.Can(action);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync(int id, [FromServices] JoinProcess.Handler join, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var outcome = await changes.RunAsync(join, new JoinProcess.Command(id), cancellationToken);
        return this.Done(outcome.Joined ? t["You joined the process. Welcome!"] : t["You already take part in this process."], $"/processes/{id}");
    }

    public async Task<IActionResult> OnPostLeaveAsync(int id, [FromServices] LeaveProcess.Handler leave, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(leave, new LeaveProcess.Command(id), cancellationToken);
        return this.Done(t["You left the process."], $"/processes/{id}");
    }

    /// <summary>Archives the process (read-only, still public), or takes it out of the archive.</summary>
    public async Task<IActionResult> OnPostArchiveAsync(int id, bool archive, [FromServices] ArchiveProcess.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var outcome = await changes.RunAsync(handler, new ArchiveProcess.Command(id, archive), cancellationToken);
        return this.Done(!outcome.Changed ? t["Nothing changed."]
            : archive ? t["The process is archived: it can no longer change. It stays public with its log."]
            : t["The process is out of the archive."], $"/processes/{id}");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await processes.ReadAsync(id, User, ProcessAction.View, cancellationToken);
        Localized = LocalizedProcess.Of(Process, Cultures.Current);
        Organisation = await organisations.SummaryAsync(Process.OrganisationId, cancellationToken);
        ParticipantCount = await directory.ParticipantCountAsync(id, cancellationToken);
        LogLength = (await log.HeadAsync(id, cancellationToken)).Length;
        LastCheckpoint = await checkpoints.LatestAsync(id, cancellationToken);
        Announcements = await db.Set<Announcement>().AsNoTracking().Include(a => a.Translations.Where(t => t.Language == Cultures.Current))
            .Where(a => a.ProcessId == id).OrderByDescending(a => a.PublishedAt).Take(5).ToListAsync(cancellationToken);
        RecentLog = await log.LatestAsync(id, 5, cancellationToken);
    }
}
