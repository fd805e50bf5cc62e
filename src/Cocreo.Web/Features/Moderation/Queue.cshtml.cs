using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Moderation;

/// <summary>An item in the queue: its moderation, how its capability shows it, its open reports by reason, and the texts its author replaced.</summary>
public sealed record QueueItem(ModerationCase Case, ModeratedItemView View, IReadOnlyList<(ReportReason Reason, int Count)> Reasons, IReadOnlyList<string> Details, IReadOnlyList<ReplacedText> Replaced);

/// <summary>
/// A process's moderation queue, for its team: what people reported (with how many reports and why, never who) and
/// what is hidden; the team hides an item with a public reason, or keeps it (shown again, reports answered).
/// </summary>
public sealed class QueueModel(ModerationAccess access, ChangeRunner changes, CocreoDbContext db, ModerationDirectory directory, IStringLocalizer<ModerationText> t) : PageModel
{
    /// <summary>How the process is moderated now (its threshold and pre-moderation).</summary>
    public ProcessModeration Settings { get; private set; } = null!;

    /// <summary>How many items each list shows (the oldest waiting first).</summary>
    public const int Shown = 100;

    public ProcessView Process { get; private set; } = null!;
    public List<QueueItem> Waiting { get; private set; } = [];
    public List<QueueItem> Hidden { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostHideAsync(int id, string? kind, int item, string? reason, string? returnUrl, [FromServices] HideContent.Handler hide, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError(ReasonField(kind, item), t["Give the reason for hiding: it is shown in public in its place."]);
            return Page();
        }
        await changes.RunAsync(hide, new HideContent.Command(id, kind ?? "", item, reason), cancellationToken);
        return this.Done(t["It is hidden; the reason is shown in its place."], Back(id, returnUrl));
    }

    public async Task<IActionResult> OnPostKeepAsync(int id, string? kind, int item, string? returnUrl, [FromServices] KeepContent.Handler keep, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var outcome = await changes.RunAsync(keep, new KeepContent.Command(id, kind ?? "", item), cancellationToken);
        return this.Done(outcome switch
        {
            KeepOutcome.ShownAgain => t["It is shown again; its reports are answered."],
            KeepOutcome.ReportsDismissed => t["It stays; its reports are answered."],
            KeepOutcome.Published => t["It is published: the public sees it now."],
            _ => t["Nothing waited: nothing changed."],
        }, Back(id, returnUrl));
    }

    public async Task<IActionResult> OnPostSettingsAsync(int id, string? hideAfterReports, bool preModeration, [FromServices] ChangeModerationSettings.Handler change, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        int? threshold = null;
        if (!string.IsNullOrWhiteSpace(hideAfterReports))
        {
            if (int.TryParse(hideAfterReports.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= ModerationSettings.MostReports)
            {
                threshold = n;
            }
            else
            {
                ModelState.AddModelError(nameof(hideAfterReports), t["The number of reports is a whole number from 0 (never hide automatically) to 100."]);
                return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
            }
        }
        var changed = await changes.RunAsync(change, new ChangeModerationSettings.Command(id, threshold, preModeration), cancellationToken);
        return this.Done(changed ? t["The moderation settings were saved."] : t["Nothing changed."], $"/processes/{id}/moderation#settings");
    }

    /// <summary>The form field of an item's reason for hiding (the page shows the error beside it and keeps what was typed).</summary>
    public static string ReasonField(string? kind, int item) => $"reason-{kind}-{item}";

    /// <summary>What was typed into an item's reason when the page is shown again with a message.</summary>
    public static string TypedReason(HttpRequest request, string kind, int item) =>
        HttpMethods.IsPost(request.Method) && request.HasFormContentType && request.Form["kind"] == kind && request.Form["item"] == item.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? request.Form["reason"].ToString()
            : "";

    private string Back(int id, string? returnUrl) => returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : $"/processes/{id}/moderation";

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Process = await access.QueueAsync(id, User, cancellationToken);
        Settings = await directory.SettingsAsync(id, cancellationToken);
        var cases = db.Set<ModerationCase>().AsNoTracking().Include(c => c.Reports).Where(c => c.ProcessId == id);
        var waiting = await cases.Where(c => c.OpenReports > 0 || c.State == ModerationState.AwaitingReview || c.State == ModerationState.AwaitingApproval)
            .OrderBy(c => c.State == ModerationState.AwaitingReview ? 0 : 1).ThenBy(c => c.LastReportedAt).ThenBy(c => c.Id)
            .Take(Shown).ToListAsync(cancellationToken);
        var hidden = await cases.Where(c => c.State == ModerationState.Hidden)
            .OrderByDescending(c => c.HiddenAt).ThenByDescending(c => c.Id)
            .Take(Shown).ToListAsync(cancellationToken);
        var all = waiting.Concat(hidden).ToList();
        var views = new Dictionary<(string, int), ModeratedItemView>();
        foreach (var group in all.GroupBy(c => c.Kind))
        {
            if (access.Content(group.Key) is { } content)
            {
                foreach (var (itemId, view) in await content.DescribeAsync(group.Select(c => c.ItemId).ToList(), cancellationToken))
                {
                    views[(group.Key, itemId)] = view;
                }
            }
        }
        var keys = all.Select(c => c.Kind + ":" + c.ItemId).ToList();
        var itemIds = all.Select(c => c.ItemId).Distinct().ToList();
        var replaced = (await db.Set<ReplacedText>().AsNoTracking().Where(r => itemIds.Contains(r.ItemId)).OrderBy(r => r.ReplacedAt).ToListAsync(cancellationToken))
            .Where(r => keys.Contains(r.Kind + ":" + r.ItemId)).ToLookup(r => (r.Kind, r.ItemId));
        QueueItem? Item(ModerationCase c)
        {
            if (!views.TryGetValue((c.Kind, c.ItemId), out var view))
            {
                return null;
            }
            var open = c.Reports.Where(r => r.AnsweredAt is null).ToList();
            var reasons = open.GroupBy(r => r.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
            var details = open.Where(r => r.Details is not null).OrderBy(r => r.ReportedAt).Select(r => r.Details!).ToList();
            return new QueueItem(c, view, reasons, details, replaced[(c.Kind, c.ItemId)].ToList());
        }
        Waiting = waiting.Select(Item).OfType<QueueItem>().ToList();
        Hidden = hidden.Select(Item).OfType<QueueItem>().ToList();
    }
}
