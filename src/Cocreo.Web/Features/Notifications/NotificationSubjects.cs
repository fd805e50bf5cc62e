using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// The budgets and proposals notifications are about, read when they are shown or mailed, so that their titles are in
/// the reader's language where a translation has one; otherwise the title stored with the notification is shown.
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

    /// <summary>The title of the notification's subject translated into <paramref name="language"/>, else as it was stored with the notification.</summary>
    public string Of(Notification n, string language)
    {
        if (BudgetOf(n) is { } budget && budgets.TryGetValue(budget, out var b) && b.LocalTitle(language) is var budgetTitle && budgetTitle.Language != b.Language)
        {
            return budgetTitle.Text;
        }
        if (ProposalOf(n) is { } proposal && proposals.TryGetValue(proposal, out var p) && p.LocalTitle(language) is var proposalTitle && proposalTitle.Language != p.Language)
        {
            return proposalTitle.Text;
        }
        return n.Subject;
    }

    private static int? BudgetOf(Notification n) => n.Event.StartsWith("budget.", StringComparison.Ordinal) ? IdAfter(n.Link, "/budgets/") : null;

    // A merge's link is the original proposal while its subject is the duplicate: that one keeps its stored title.
    private static int? ProposalOf(Notification n) => n.Event is "proposal.reviewed" or "proposal.commented" ? IdAfter(n.Link, "/proposals/") : null;

    private static int? IdAfter(string link, string prefix) =>
        link.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(link.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
