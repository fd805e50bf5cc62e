namespace Cocreo.Sortition;

/// <summary>A drawn panel and everything needed to reproduce it.</summary>
/// <param name="DistributionDigest">The digest of the published distribution drawn from.</param>
/// <param name="Seed">The revealed seed.</param>
/// <param name="PublicValue">The public random value mixed in, if any (e.g. a lottery result announced after the commitment).</param>
/// <param name="Commitment">The commitment published before the draw, if any.</param>
/// <param name="PanelIndex">The 0-based index of the drawn panel in the distribution.</param>
/// <param name="Members">The ids of the people selected, in ordinal order.</param>
public sealed record DrawResult(string DistributionDigest, string Seed, string? PublicValue, string? Commitment, int PanelIndex, IReadOnlyList<string> Members);

/// <summary>The outcome of checking a published draw.</summary>
/// <param name="IsValid">Whether everything matched.</param>
/// <param name="Problems">What did not match, one line each.</param>
/// <param name="Reproduced">The draw as reproduced from the seed and the distribution.</param>
public sealed record DrawVerification(bool IsValid, IReadOnlyList<string> Problems, DrawResult? Reproduced);

/// <summary>
/// The verifiable lottery: draws one panel from a published distribution with a seed. The random numbers come from
/// <see cref="LotteryStream"/> keyed by the seed, an optional public value and the distribution's digest; the panel is
/// the first whose cumulative probability (in published order) exceeds a uniform number, and within each profile group
/// the members are chosen by a partial Fisher–Yates shuffle of the group's ids in ordinal order.
/// </summary>
public static class Lottery
{
    /// <summary>Draws a panel. When a commitment is given, the seed must match it.</summary>
    /// <exception cref="ArgumentException">The seed does not match the commitment, or the distribution is empty.</exception>
    public static DrawResult Draw(PanelDistribution distribution, string seed, string? publicValue = null, string? commitment = null)
    {
        if (commitment is not null && !SeedCommitment.Matches(seed, commitment))
        {
            throw new ArgumentException($"The seed does not match the commitment {commitment}: SHA-256 of the seed is {SeedCommitment.Commit(seed)}.", nameof(seed));
        }
        if (distribution.Panels.Count == 0)
        {
            throw new ArgumentException("The distribution has no panels to draw from.", nameof(distribution));
        }
        var digest = distribution.Digest();
        var stream = new LotteryStream(seed, publicValue, digest);
        var index = ChoosePanel(distribution, stream.NextUnit());
        var members = new List<string>();
        foreach (var seats in distribution.Panels[index].Seats)
        {
            members.AddRange(ChooseMembers(distribution.Groups[seats.Group].MemberIds, seats.Seats, stream));
        }
        members.Sort(StringComparer.Ordinal);
        return new DrawResult(digest, seed, publicValue, commitment, index, members);
    }

    /// <summary>
    /// Checks a published draw against the published distribution: the seed against the commitment, the digest, and the
    /// panel reproduced from the seed.
    /// </summary>
    public static DrawVerification Verify(PanelDistribution distribution, DrawResult published)
    {
        var problems = new List<string>();
        if (published.Commitment is not null && !SeedCommitment.Matches(published.Seed, published.Commitment))
        {
            problems.Add($"the seed does not match the commitment: SHA-256 of the seed is {SeedCommitment.Commit(published.Seed)}, the commitment is {published.Commitment}");
            return new DrawVerification(false, problems, null);
        }
        var reproduced = Draw(distribution, published.Seed, published.PublicValue, published.Commitment);
        if (!string.Equals(reproduced.DistributionDigest, published.DistributionDigest, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"the distribution's digest is {reproduced.DistributionDigest}, the draw names {published.DistributionDigest}");
        }
        if (reproduced.PanelIndex != published.PanelIndex)
        {
            problems.Add($"the seed draws panel {reproduced.PanelIndex + 1}, the draw names panel {published.PanelIndex + 1}");
        }
        var missing = reproduced.Members.Except(published.Members, StringComparer.Ordinal).ToArray();
        var extra = published.Members.Except(reproduced.Members, StringComparer.Ordinal).ToArray();
        if (missing.Length > 0 || extra.Length > 0 || reproduced.Members.Count != published.Members.Count)
        {
            problems.Add($"the seed selects other people: missing {string.Join(", ", missing)}; not selected by the seed {string.Join(", ", extra)}");
        }
        return new DrawVerification(problems.Count == 0, problems, reproduced);
    }

    private static int ChoosePanel(PanelDistribution distribution, double u)
    {
        var cumulative = 0.0;
        for (var i = 0; i < distribution.Panels.Count; i++)
        {
            cumulative += distribution.Panels[i].Probability;
            if (u < cumulative)
            {
                return i;
            }
        }
        // The probabilities sum to 1 only up to rounding: a number in the last sliver goes to the last panel.
        return distribution.Panels.Count - 1;
    }

    private static IEnumerable<string> ChooseMembers(IReadOnlyList<string> members, int seats, LotteryStream stream)
    {
        var order = members.ToArray();
        for (var i = 0; i < seats; i++)
        {
            var j = i + stream.NextIndex(order.Length - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order.Take(seats);
    }
}
