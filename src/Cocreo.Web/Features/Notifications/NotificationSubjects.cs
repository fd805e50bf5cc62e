namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// The budgets and proposals notifications are about, read when they are shown or mailed, so that their titles are in
/// the reader's language where a translation has one; otherwise the title stored with the notification is shown. The
/// capability that owns them translates them (<see cref="IFollowTargets.TranslatedTitlesAsync"/>).
/// </summary>
public sealed class NotificationSubjects
{
    private readonly IReadOnlyDictionary<int, Func<string, string?>> budgets;
    private readonly IReadOnlyDictionary<int, Func<string, string?>> proposals;

    private NotificationSubjects(IReadOnlyDictionary<int, Func<string, string?>> budgets, IReadOnlyDictionary<int, Func<string, string?>> proposals) =>
        (this.budgets, this.proposals) = (budgets, proposals);

    public static async Task<NotificationSubjects> LoadAsync(Following following, IEnumerable<Notification> notifications, CancellationToken cancellationToken)
    {
        var list = notifications.ToList();
        var budgetIds = list.Select(BudgetOf).OfType<int>().Distinct().ToList();
        var proposalIds = list.Select(ProposalOf).OfType<int>().Distinct().ToList();
        return new(await TitlesAsync(following, FollowKind.Budget, budgetIds, cancellationToken), await TitlesAsync(following, FollowKind.Proposal, proposalIds, cancellationToken));
    }

    /// <summary>The title of the notification's subject translated into <paramref name="language"/>, else as it was stored with the notification.</summary>
    public string Of(Notification n, string language)
    {
        if (BudgetOf(n) is { } budget && budgets.TryGetValue(budget, out var budgetTitle) && budgetTitle(language) is { } translatedBudget)
        {
            return translatedBudget;
        }
        if (ProposalOf(n) is { } proposal && proposals.TryGetValue(proposal, out var proposalTitle) && proposalTitle(language) is { } translatedProposal)
        {
            return translatedProposal;
        }
        return n.Subject;
    }

    private static async Task<IReadOnlyDictionary<int, Func<string, string?>>> TitlesAsync(Following following, FollowKind kind, List<int> ids, CancellationToken cancellationToken) =>
        ids.Count > 0 && following.TargetsOf(kind) is { } owner
            ? await owner.TranslatedTitlesAsync(kind, ids, cancellationToken)
            : new Dictionary<int, Func<string, string?>>();

    private static int? BudgetOf(Notification n) => n.Event.StartsWith("budget.", StringComparison.Ordinal) ? IdAfter(n.Link, "/budgets/") : null;

    // A merge's link is the original proposal while its subject is the duplicate: that one keeps its stored title.
    private static int? ProposalOf(Notification n) => n.Event is "proposal.reviewed" or "proposal.commented" ? IdAfter(n.Link, "/proposals/") : null;

    private static int? IdAfter(string link, string prefix) =>
        link.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(link.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
