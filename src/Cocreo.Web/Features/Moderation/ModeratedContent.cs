using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Moderation;

/// <summary>
/// A kind of content people post that moderation looks after (budget comments; later conversations, proposals...).
/// The capability that owns the content registers one (<c>services.AddScoped&lt;IModeratedContent, ...&gt;()</c>);
/// moderation asks it where an item belongs and how to show it to the moderators, and never reads its tables.
/// </summary>
public interface IModeratedContent
{
    /// <summary>Stable, short, lowercase: the capability and the kind, such as <c>budgeting/comment</c>.</summary>
    string Kind { get; }

    /// <summary>The item, or null when there is no such item.</summary>
    Task<ModeratedItem?> FindAsync(int itemId, CancellationToken cancellationToken);

    /// <summary>How the moderation queue shows these items (those that no longer exist are left out).</summary>
    Task<IReadOnlyDictionary<int, ModeratedItemView>> DescribeAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken);

    /// <summary>
    /// Called inside a moderation change when the item is hidden (<paramref name="shown"/> false, with the public
    /// <paramref name="reason"/>) or shown again, for content that keeps its own copy of that (Co-Renew copies it onto
    /// every stage experience so its lists filter with one column). Saved with the change. Most content does nothing.
    /// </summary>
    Task ApplyAsync(int itemId, bool shown, string? reason, DateTime now, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Where an item belongs and who wrote it. <paramref name="About"/> goes into the log entries about it (ids and
/// numbers only, such as <c>new { budget = 3, proposal = 2 }</c>: never the text, never a name).
/// </summary>
public sealed record ModeratedItem(int ProcessId, string AuthorUserId, bool Deleted, object About);

/// <summary>An item as the moderators see it: its text, its author's public name, where it is (words and a link).</summary>
public sealed record ModeratedItemView(string Text, string AuthorName, DateTime PostedAt, DateTime? EditedAt, bool Deleted, string Place, string Link);

/// <summary>How a process is moderated: after how many reports an item is hidden (0: never; whether that is the platform's default), and whether new content waits for a moderator.</summary>
public sealed record ProcessModeration(int HideAfterReports, bool DefaultThreshold, bool PreModeration);

/// <summary>How content is shown to the public, as its page needs to know.</summary>
public sealed record ModerationStatus(ModerationState State, string? HiddenReason, DateTime? HiddenAt)
{
    public static ModerationStatus Shown { get; } = new(ModerationState.Visible, null, null);

    public bool IsShown => State == ModerationState.Visible;

    /// <summary>New content of a pre-moderated process that waits for a moderator (its author and the moderators see it).</summary>
    public bool IsPending => State == ModerationState.AwaitingApproval;

    /// <summary>What is shown in the content's place while it is hidden.</summary>
    public string Notice(IStringLocalizer<ModerationText> t) => State switch
    {
        ModerationState.Hidden => t["Hidden by the moderators: {0}", HiddenReason ?? ""],
        ModerationState.AwaitingReview => t["Hidden after reports from several people, until the moderators look at it."],
        ModerationState.AwaitingApproval => t["Waiting for moderation: the public sees it once a moderator lets it through."],
        _ => "",
    };
}

/// <summary>Reasons content that keeps its own copy stored (Co-Renew contributions), as its pages show them.</summary>
public static class StoredReasons
{
    /// <summary>
    /// The reason in the reader's language: the reasons moderation itself writes (<see cref="ModerationCase.HiddenByReportsReason"/>,
    /// <see cref="ModerationCase.AwaitingApprovalReason"/>) are localised; a moderator's own words are shown as written.
    /// </summary>
    public static string Show(string? stored, IStringLocalizer<ModerationText> t) =>
        stored is ModerationCase.HiddenByReportsReason or ModerationCase.AwaitingApprovalReason ? t[stored] : stored ?? "";
}

/// <summary>
/// Moderation as other capabilities use it: what of their content is hidden, what a person reported, and the
/// texts their authors replaced (kept for the moderators).
/// </summary>
public sealed class ModerationDirectory(CocreoDbContext db, Microsoft.Extensions.Options.IOptions<ModerationOptions> options)
{
    /// <summary>How a process is moderated: its own settings, or the platform's defaults.</summary>
    public async Task<ProcessModeration> SettingsAsync(int processId, CancellationToken cancellationToken)
    {
        var own = await db.Set<ModerationSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.ProcessId == processId, cancellationToken);
        return new ProcessModeration(own?.HideAfterReports ?? options.Value.HideAfterReports, own?.HideAfterReports is null, own?.PreModeration ?? false);
    }

    /// <summary>The status of the given items; items never reported nor hidden are shown.</summary>
    public async Task<IReadOnlyDictionary<int, ModerationStatus>> StatusesAsync(string kind, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0)
        {
            return new Dictionary<int, ModerationStatus>();
        }
        var found = await db.Set<ModerationCase>().AsNoTracking()
            .Where(c => c.Kind == kind && itemIds.Contains(c.ItemId) && c.State != ModerationState.Visible)
            .ToDictionaryAsync(c => c.ItemId, c => new ModerationStatus(c.State, c.HiddenReason, c.HiddenAt), cancellationToken);
        return itemIds.Distinct().ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? ModerationStatus.Shown);
    }

    /// <summary>The status of one item.</summary>
    public async Task<ModerationStatus> StatusAsync(string kind, int itemId, CancellationToken cancellationToken) =>
        (await StatusesAsync(kind, [itemId], cancellationToken))[itemId];

    /// <summary>Which of the items this person reported already.</summary>
    public async Task<IReadOnlySet<int>> ReportedByAsync(string kind, IReadOnlyCollection<int> itemIds, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null || itemIds.Count == 0)
        {
            return new HashSet<int>();
        }
        var reported = await db.Set<ModerationCase>().AsNoTracking()
            .Where(c => c.Kind == kind && itemIds.Contains(c.ItemId) && c.Reports.Any(r => r.ReporterUserId == userId))
            .Select(c => c.ItemId)
            .ToListAsync(cancellationToken);
        return reported.ToHashSet();
    }

    /// <summary>How many items of the process wait for the moderators (reported, or hidden until they look).</summary>
    public Task<int> WaitingAsync(int processId, CancellationToken cancellationToken) =>
        db.Set<ModerationCase>().CountAsync(c => c.ProcessId == processId && (c.OpenReports > 0 || c.State == ModerationState.AwaitingReview || c.State == ModerationState.AwaitingApproval), cancellationToken);

    /// <summary>How many items of the process are hidden now (by the moderators, or after reports), for its public moderation log.</summary>
    public Task<int> HiddenAsync(int processId, CancellationToken cancellationToken) =>
        db.Set<ModerationCase>().CountAsync(c => c.ProcessId == processId && (c.State == ModerationState.Hidden || c.State == ModerationState.AwaitingReview), cancellationToken);

    /// <summary>
    /// Inside the change that creates an item (after it is saved, so it has its id): in a pre-moderated process, holds
    /// it for the moderators and logs that. Returns whether it was held.
    /// </summary>
    public async Task<bool> HoldIfPreModeratedAsync<TTarget>(Platform.Changes.Change<TTarget> change, string kind, int itemId, int processId, object about, CancellationToken cancellationToken)
        where TTarget : class, Platform.Changes.IChangeTarget
    {
        if (!(await SettingsAsync(processId, cancellationToken)).PreModeration)
        {
            return false;
        }
        db.Add(ModerationCase.Held(kind, itemId, processId, change.Now));
        change.LogAs(Platform.Log.LogActor.System, "content.held", ContentTarget.LogEntry(kind, itemId, about));
        return true;
    }

    /// <summary>
    /// Keeps the text an author is replacing or deleting, for the moderators only; saved with the author's change
    /// (call it from inside the change).
    /// </summary>
    public void KeepReplacedText(string kind, int itemId, string text, bool deleted, DateTime now) =>
        db.Add(new ReplacedText { Kind = kind, ItemId = itemId, Text = text, Deleted = deleted, ReplacedAt = now });
}
