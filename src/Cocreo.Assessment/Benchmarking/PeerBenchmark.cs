namespace Cocreo.Assessment;

/// <summary>
/// Where an organisation stands among its peers (organisations of the same type and size band, chosen by the
/// caller), per category, without revealing any peer. Positions are given only when at least
/// <see cref="DefaultMinimumPeers"/> peers answered the same instrument version; otherwise the result says
/// "not enough peers" and carries no numbers.
/// </summary>
public static class PeerBenchmark
{
    /// <summary>The fewest peers a position is shown for.</summary>
    public const int DefaultMinimumPeers = 5;

    /// <summary>The note every benchmark is shown with.</summary>
    public static LocalizedText Caveat { get; } = new(
        "Self-assessments are not audits: each organisation answered about itself, and organisations judge themselves differently. Read the position as a prompt for a conversation, not as a ranking.",
        "Samoocene niso revizije: vsaka organizacija je odgovarjala o sebi, organizacije pa se ocenjujejo različno strogo. Položaj razumite kot spodbudo za pogovor, ne kot razvrstitev.");

    /// <summary>
    /// The organisation's position per category among <paramref name="peers"/>. Peers that answered another
    /// version of the instrument are left out (and counted), because their scores come from other rules.
    /// </summary>
    /// <exception cref="ArgumentException">A peer answered another instrument, or the minimum is below 1.</exception>
    public static BenchmarkPosition Position(BenchmarkProfile organisation, IReadOnlyList<BenchmarkProfile> peers, int minimumPeers = DefaultMinimumPeers)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPeers, 1);
        var stranger = peers.FirstOrDefault(p => p.InstrumentId != organisation.InstrumentId);
        if (stranger is not null)
        {
            throw new ArgumentException(
                $"A peer answered {stranger.InstrumentId}, not {organisation.InstrumentId}; benchmark against peers of the same instrument.", nameof(peers));
        }
        var comparable = peers.Where(p => p.InstrumentVersion == organisation.InstrumentVersion).ToList();
        var excluded = peers.Count - comparable.Count;

        if (comparable.Count < minimumPeers)
        {
            return new BenchmarkPosition(
                BenchmarkStatus.NotEnoughPeers, comparable.Count, minimumPeers, excluded,
                organisation.Scores.Keys.Select(Hidden).ToList(), Caveat);
        }

        var categories = organisation.Scores.Select(pair =>
        {
            var (nodeId, score) = pair;
            var others = comparable.Where(p => p.Scores.ContainsKey(nodeId)).Select(p => p.Scores[nodeId]).ToList();
            if (others.Count < minimumPeers)
            {
                return Hidden(nodeId);
            }
            var below = others.Count(s => s < score);
            var equal = others.Count(s => s == score);
            var above = others.Count - below - equal;
            // Mid-rank percentile: peers with the same score count half below, so equal organisations get equal positions.
            var percentile = new Ratio(100L * (2 * below + equal), 2L * others.Count);
            return new CategoryPosition(nodeId, BenchmarkStatus.Shown, others.Count, percentile, BandOf(percentile), below, equal, above);
        }).ToList();

        return new BenchmarkPosition(BenchmarkStatus.Shown, comparable.Count, minimumPeers, excluded, categories, Caveat);
    }

    private static CategoryPosition Hidden(string nodeId) =>
        new(nodeId, BenchmarkStatus.NotEnoughPeers, 0, null, null, null, null, null);

    private static PeerBand BandOf(Ratio percentile) =>
        percentile < new Ratio(25, 1) ? PeerBand.BottomQuarter
        : percentile < new Ratio(50, 1) ? PeerBand.SecondQuarter
        : percentile < new Ratio(75, 1) ? PeerBand.ThirdQuarter
        : PeerBand.TopQuarter;
}

/// <summary>One organisation's scores as a benchmark sees them: no names, only category scores.</summary>
/// <param name="InstrumentId">The instrument answered.</param>
/// <param name="InstrumentVersion">The version answered.</param>
/// <param name="Scores">Category node id → score (only categories that could be evaluated).</param>
public sealed record BenchmarkProfile(string InstrumentId, string InstrumentVersion, IReadOnlyDictionary<string, Ratio> Scores)
{
    /// <summary>The scores of the root's children (the categories) of a result; categories without a level are left out.</summary>
    public static BenchmarkProfile From(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new BenchmarkProfile(
            result.InstrumentId,
            result.InstrumentVersion,
            result.Nodes.Where(n => n.Depth == 1 && n.Score is not null).ToDictionary(n => n.NodeId, n => n.Score!.Value));
    }
}

/// <summary>Whether a position can be shown.</summary>
public enum BenchmarkStatus
{
    /// <summary>Enough peers: the position is given.</summary>
    Shown,

    /// <summary>Fewer peers than the minimum: no position and no numbers.</summary>
    NotEnoughPeers,
}

/// <summary>Which quarter of the peers the organisation's score falls in.</summary>
public enum PeerBand
{
    /// <summary>Percentile below 25.</summary>
    BottomQuarter,

    /// <summary>Percentile 25 to below 50.</summary>
    SecondQuarter,

    /// <summary>Percentile 50 to below 75.</summary>
    ThirdQuarter,

    /// <summary>Percentile 75 or above.</summary>
    TopQuarter,
}

/// <summary>An organisation's position among its peers.</summary>
/// <param name="Status">Whether positions are shown at all.</param>
/// <param name="Peers">How many peers answered the same instrument version.</param>
/// <param name="MinimumPeers">The fewest peers a position is shown for.</param>
/// <param name="ExcludedPeers">Peers left out because they answered another version.</param>
/// <param name="Categories">The position per category (hidden per category when too few peers have a score for it).</param>
/// <param name="Caveat">The note to show with it.</param>
public sealed record BenchmarkPosition(
    BenchmarkStatus Status,
    int Peers,
    int MinimumPeers,
    int ExcludedPeers,
    IReadOnlyList<CategoryPosition> Categories,
    LocalizedText Caveat);

/// <summary>The position in one category.</summary>
/// <param name="NodeId">The category.</param>
/// <param name="Status">Whether the position is shown.</param>
/// <param name="PeersCompared">How many peers have a score for this category (0 when hidden).</param>
/// <param name="Percentile">The mid-rank percentile, 0–100 (peers below, plus half the peers with the same score, over all peers); null when hidden.</param>
/// <param name="Band">The quarter the percentile falls in; null when hidden.</param>
/// <param name="PeersBelow">Peers with a lower score; null when hidden.</param>
/// <param name="PeersEqual">Peers with the same score; null when hidden.</param>
/// <param name="PeersAbove">Peers with a higher score; null when hidden.</param>
public sealed record CategoryPosition(
    string NodeId,
    BenchmarkStatus Status,
    int PeersCompared,
    Ratio? Percentile,
    PeerBand? Band,
    int? PeersBelow,
    int? PeersEqual,
    int? PeersAbove);
