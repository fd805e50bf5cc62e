using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// The budgets and proposals notifications are about, read when they are shown or mailed, so that their titles are in
/// the reader's language where a translation has one; anything else keeps the title stored with the notification.
/// </summary>
public sealed class NotificationSubjects
{
    private readonly Dictionary<int, Budget> budgets;
    private readonly Dictionary<int, Proposal> proposals;

    private NotificationSubjects(Dictionary<int, Budget> budgets, Dictionary<int, Proposal> proposals) =>
        (this.budgets, this.proposals) = (budgets, proposals);

    public static async Task<NotificationSubjects> LoadAsync(CocreoDbContext db, IEnumerable<Notification> notifications, CancellationToken cancellationToken)
    {
        var list = notifications.ToList();
        var budgetIds = list.Select(BudgetOf).OfType<int>().Distinct().ToList();
        var proposalIds = list.Select(ProposalOf).OfType<int>().Distinct().ToList();
        var budgets = budgetIds.Count == 0 ? [] : await db.Set<Budget>().AsNoTracking().Where(b => budgetIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        var proposals = proposalIds.Count == 0 ? [] : await db.Set<Proposal>().AsNoTracking().Where(p => proposalIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return new(budgets, proposals);
    }

    /// <summary>The title of the notification's subject in <paramref name="language"/>, or as it was stored.</summary>
    public string Of(Notification n, string language) =>
        BudgetOf(n) is { } budget && budgets.TryGetValue(budget, out var b) ? b.LocalTitle(language).Text
        : ProposalOf(n) is { } proposal && proposals.TryGetValue(proposal, out var p) ? p.LocalTitle(language).Text
        : n.Subject;

    private static int? BudgetOf(Notification n) => n.Event.StartsWith("budget.", StringComparison.Ordinal) ? IdAfter(n.Link, "/budgets/") : null;

    // A merge's link is the original proposal while its subject is the duplicate: that one keeps its stored title.
    private static int? ProposalOf(Notification n) => n.Event is "proposal.reviewed" or "proposal.commented" ? IdAfter(n.Link, "/proposals/") : null;

    private static int? IdAfter(string link, string prefix) =>
        link.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(link.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
