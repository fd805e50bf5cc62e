using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>One channel's ballots against the voters marked on the register as having used it.</summary>
public sealed record ChannelCount(long Ballots, long Voters)
{
    /// <summary>Ballots minus marked voters: more than zero, ballots nobody is marked for; below zero, marked voters without a ballot.</summary>
    public long Difference => Ballots - Voters;

    public bool Balanced => Difference == 0;
}

/// <summary>
/// A budget's ballots against its marked register, per channel, with the team's latest recorded decision on a
/// difference. The vote closes only while the internet channel agrees (or its difference is the one the decision
/// explained); the results are published only while both agree (or are explained).
/// </summary>
public sealed record BallotReconciliation(ChannelCount Internet, ChannelCount Paper, ReconciliationDecision? Decision)
{
    public bool Balanced => Internet.Balanced && Paper.Balanced;

    /// <summary>The internet channel agrees, or its difference is the one the latest decision explained.</summary>
    public bool InternetAccounted => Internet.Balanced || Decision?.InternetDifference == Internet.Difference;

    /// <summary>Both channels agree, or each difference is the one the latest decision explained.</summary>
    public bool Accounted => InternetAccounted && (Paper.Balanced || Decision?.PaperDifference == Paper.Difference);

    /// <summary>The numbers, in the order the rule messages name them.</summary>
    public object[] Numbers => [Internet.Ballots, Internet.Voters, Paper.Ballots, Paper.Voters];
}

/// <summary>
/// Counts what the reconciliation compares: internet ballots (<see cref="InternetBallotsAsync"/>) against voters marked
/// online; counted paper ballots (both entries agreed) against voters marked on paper at a polling station. Reads
/// through the caller's context, so inside a change it counts in that change's transaction.
/// </summary>
public sealed class Reconciliation(CocreoDbContext db)
{
    public async Task<BallotReconciliation> ForAsync(int budgetId, CancellationToken cancellationToken = default)
    {
        var voters = await db.Set<BudgetVoter>().AsNoTracking()
            .Where(v => v.BudgetId == budgetId)
            .GroupBy(v => v.Channel)
            .Select(g => new { Channel = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var paperBallots = await db.Set<PaperBallotEntry>().LongCountAsync(e => e.BudgetId == budgetId && e.Counted, cancellationToken);
        var decision = await db.Set<ReconciliationDecision>().AsNoTracking()
            .Where(d => d.BudgetId == budgetId)
            .OrderByDescending(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new BallotReconciliation(
            new ChannelCount(await InternetBallotsAsync(budgetId, cancellationToken), voters.Where(v => v.Channel == VoterChannel.Online).Sum(v => v.Count)),
            new ChannelCount(paperBallots, voters.Where(v => v.Channel == VoterChannel.Paper).Sum(v => v.Count)),
            decision);
    }

    /// <summary>
    /// How many ballots came in over the internet, the one place that counts them: while voting is open they are
    /// sealed (<see cref="SealedBallot"/>); from the close on, opened (<see cref="BudgetBallot"/>, not on paper). The
    /// closing transaction moves them from one table to the other, so at any moment a budget's are in one or the
    /// other (or, written behind the platform's back, in both: then they count too).
    /// </summary>
    public async Task<long> InternetBallotsAsync(int budgetId, CancellationToken cancellationToken = default) =>
        await db.Set<SealedBallot>().LongCountAsync(b => b.BudgetId == budgetId, cancellationToken)
        + await db.Set<BudgetBallot>().LongCountAsync(b => b.BudgetId == budgetId && !b.IsPaper, cancellationToken);
}
