using System.Globalization;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Moderation;

/// <summary>An item of the organisation's queue: the item as a process's queue shows it, and the process it belongs to.</summary>
public sealed record OrganisationQueueItem(QueueItem Item, int ProcessId, string ProcessTitle)
{
    /// <summary>The value of its checkbox in the bulk form: the process, the item and its kind.</summary>
    public string Key => Keys.Of(ProcessId, Item.Case.Kind, Item.Case.ItemId);
}

/// <summary>The values of the bulk form's checkboxes: <c>process:item:kind</c>.</summary>
public static class Keys
{
    public static string Of(int processId, string kind, int itemId) => string.Create(CultureInfo.InvariantCulture, $"{processId}:{itemId}:{kind}");

    public static (int ProcessId, string Kind, int ItemId)? Parse(string? key)
    {
        var parts = (key ?? "").Split(':', 3);
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var process)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var item)
            && parts[2].Length is > 0 and <= ModerationLimits.Kind
            ? (process, parts[2], item)
            : null;
    }
}

/// <summary>
/// An organisation's moderation queue, for whoever moderates any of its processes (its administrators, the processes'
/// teams): what waits and what is hidden across those processes, filtered by process and kind; several items can be
/// hidden with one reason or kept at once. Each item is its own change, decided on its own process: an item of a
/// process the person may not moderate (or of another organisation) is refused and counted, never done.
/// </summary>
public sealed class OrganisationQueueModel(
    OrganisationAccessReader organisations,
    ModerationAccess access,
    ChangeRunner changes,
    CocreoDbContext db,
    IStringLocalizer<ModerationText> t) : PageModel
{
    /// <summary>How many items each list shows.</summary>
    public const int Shown = 200;

    public OrganisationView Organisation { get; private set; } = null!;

    /// <summary>The organisation's processes the reader moderates, by id, with their titles.</summary>
    public Dictionary<int, string> Processes { get; private set; } = [];

    public List<OrganisationQueueItem> Waiting { get; private set; } = [];
    public List<OrganisationQueueItem> Hidden { get; private set; } = [];

    /// <summary>The filters: one process, one kind (both optional).</summary>
    [BindProperty(SupportsGet = true, Name = "process")]
    public int? ProcessFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindFilter { get; set; }

    public IReadOnlyList<IModeratedContent> Kinds => access.Contents;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostBulkAsync(int id, string? bulk, string? reason, string[]? selected,
        [FromServices] HideContent.Handler hide, [FromServices] KeepContent.Handler keep, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var items = (selected ?? []).Select(Keys.Parse).ToList();
        if (items.Count == 0 || items.Any(i => i is null))
        {
            ModelState.AddModelError("selected", t["Choose the items to hide or keep."]);
        }
        if (bulk is not ("hide" or "keep"))
        {
            ModelState.AddModelError("bulk", t["Choose whether to hide or keep them."]);
        }
        else if (bulk == "hide" && string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError("reason", t["Give the reason for hiding: it is shown in public in its place."]);
        }
        else if (bulk == "hide" && reason!.Trim().Length > ModerationLimits.Reason)
        {
            ModelState.AddModelError("reason", t["The reason can have at most 1,000 characters."]);
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var (done, refused) = (0, 0);
        foreach (var (processId, kind, itemId) in items.Select(i => i!.Value).Distinct())
        {
            // An item of another organisation's process is not this queue's to decide.
            if (!await db.Set<Process>().AnyAsync(p => p.Id == processId && p.OrganisationId == id, cancellationToken))
            {
                refused++;
                continue;
            }
            try
            {
                // Each item is one change, decided again on its own process (permission, suspension, archive).
                if (bulk == "hide")
                {
                    await changes.RunAsync(hide, new HideContent.Command(processId, kind, itemId, reason!), cancellationToken);
                }
                else
                {
                    await changes.RunAsync(keep, new KeepContent.Command(processId, kind, itemId), cancellationToken);
                }
                done++;
            }
            catch (RefusedException)
            {
                refused++;
            }
        }
        var message = (bulk == "hide"
            ? t.Plural("{0, plural, one {# item is hidden; the reason is shown in its place.} other {# items are hidden; the reason is shown in their place.}}", done)
            : t.Plural("{0, plural, one {# item is kept; its reports are answered.} other {# items are kept; their reports are answered.}}", done))
            + (refused > 0 ? " " + t.Plural("{0, plural, one {# item was refused: you may not moderate it here.} other {# items were refused: you may not moderate them here.}}", refused) : "");
        return this.Done(message, $"/organisations/{id}/moderation");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Organisation = await organisations.ReadAsync(id, User, OrganisationAction.View, cancellationToken);
        Processes = await access.ModeratedProcessesAsync(id, User, cancellationToken);
        RefusedException.Unless(Processes.Count > 0 || Organisation.Access.IsPlatformAdmin || Organisation.Access.Role == OrganisationRole.Administrator
            ? Decision.Allowed
            : Decision.NotYours("Only the organisation's administrators and the teams of its processes moderate what people post in them.", typeof(ModerationPermissions)),
            Organisation.Access.IsAuthenticated);
        var ids = ProcessFilter is { } only ? Processes.Keys.Where(k => k == only).ToList() : Processes.Keys.ToList();
        var cases = db.Set<ModerationCase>().AsNoTracking().Include(c => c.Reports).Where(c => ids.Contains(c.ProcessId));
        if (!string.IsNullOrEmpty(KindFilter))
        {
            cases = cases.Where(c => c.Kind == KindFilter);
        }
        var waiting = await cases.Where(c => c.OpenReports > 0 || c.State == ModerationState.AwaitingReview || c.State == ModerationState.AwaitingApproval)
            .OrderBy(c => c.State == ModerationState.AwaitingReview ? 0 : 1).ThenBy(c => c.LastReportedAt).ThenBy(c => c.Id)
            .Take(Shown).ToListAsync(cancellationToken);
        var hidden = await cases.Where(c => c.State == ModerationState.Hidden)
            .OrderByDescending(c => c.HiddenAt).ThenByDescending(c => c.Id)
            .Take(Shown).ToListAsync(cancellationToken);
        var items = await QueueItems.DescribeAsync(waiting.Concat(hidden).ToList(), access, db, cancellationToken);
        OrganisationQueueItem? Item(ModerationCase c) => items.TryGetValue(c.Id, out var item) ? new(item, c.ProcessId, Processes[c.ProcessId]) : null;
        Waiting = waiting.Select(Item).OfType<OrganisationQueueItem>().ToList();
        Hidden = hidden.Select(Item).OfType<OrganisationQueueItem>().ToList();
    }
}

/// <summary>Builds queue items (the item as its capability shows it, its open reports, its replaced texts) for moderation cases.</summary>
public static class QueueItems
{
    public static async Task<Dictionary<int, QueueItem>> DescribeAsync(IReadOnlyList<ModerationCase> cases, ModerationAccess access, CocreoDbContext db, CancellationToken cancellationToken)
    {
        var views = new Dictionary<(string, int), ModeratedItemView>();
        foreach (var group in cases.GroupBy(c => c.Kind))
        {
            if (access.Content(group.Key) is { } content)
            {
                foreach (var (itemId, view) in await content.DescribeAsync(group.Select(c => c.ItemId).Distinct().ToList(), cancellationToken))
                {
                    views[(group.Key, itemId)] = view;
                }
            }
        }
        var keys = cases.Select(c => c.Kind + ":" + c.ItemId).ToHashSet();
        var itemIds = cases.Select(c => c.ItemId).Distinct().ToList();
        var replaced = (await db.Set<ReplacedText>().AsNoTracking().Where(r => itemIds.Contains(r.ItemId)).OrderBy(r => r.ReplacedAt).ToListAsync(cancellationToken))
            .Where(r => keys.Contains(r.Kind + ":" + r.ItemId)).ToLookup(r => (r.Kind, r.ItemId));
        var items = new Dictionary<int, QueueItem>();
        foreach (var c in cases)
        {
            if (!views.TryGetValue((c.Kind, c.ItemId), out var view))
            {
                continue;
            }
            var open = c.Reports.Where(r => r.AnsweredAt is null).ToList();
            var reasons = open.GroupBy(r => r.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
            var details = open.Where(r => r.Details is not null).OrderBy(r => r.ReportedAt).Select(r => r.Details!).ToList();
            items[c.Id] = new QueueItem(c, view, reasons, details, replaced[(c.Kind, c.ItemId)].ToList());
        }
        return items;
    }
}
