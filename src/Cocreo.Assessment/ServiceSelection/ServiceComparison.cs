using System.Text.Json.Serialization;

namespace Cocreo.Assessment;

/// <summary>
/// Co-Serve comparison: scores several candidate services and ranks them to find the one most suitable for
/// co-creative renewal.
/// </summary>
/// <remarks>
/// The ranking, best first: the overall suitability level (not evaluable last); then the combined score, the
/// mean of the two perspectives' shares of favourable answers (so a perspective with 7 criteria does not
/// outweigh one with 6); then the organisation's score, because a service the organisation cannot renew will
/// not be renewed however eager its users are. Services equal on all three share a rank; every evaluable
/// service of rank 1 is marked most suitable, so a true tie is shown as a tie and left to people to decide.
/// </remarks>
public static class ServiceComparison
{
    /// <summary>The node holding the users' criteria in Co-Serve.</summary>
    public const string UsersPerspective = "users-perspective";

    /// <summary>The node holding the organisation's criteria in Co-Serve.</summary>
    public const string OrganisationPerspective = "organisation-perspective";

    /// <summary>Scores and ranks <paramref name="candidates"/> with a Co-Serve instrument.</summary>
    /// <exception cref="ArgumentException">The instrument has no users' and organisation's perspectives, or two candidates share an id.</exception>
    /// <exception cref="InstrumentVersionMismatchException">A candidate's answers belong to another instrument or version.</exception>
    /// <exception cref="AnswerSheetException">A candidate's answers do not fit the instrument.</exception>
    public static ServiceRanking Rank(Instrument instrument, IReadOnlyList<CandidateService> candidates)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(candidates);
        if (instrument.ParentOf(UsersPerspective)?.Id != instrument.Root.Id || instrument.ParentOf(OrganisationPerspective)?.Id != instrument.Root.Id)
        {
            throw new ArgumentException(
                $"{instrument.Name} has no '{UsersPerspective}' and '{OrganisationPerspective}' under its root; services are compared with Co-Serve.",
                nameof(instrument));
        }
        var duplicate = candidates.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two candidate services have the id '{duplicate.Key}'; give each its own.", nameof(candidates));
        }

        var scored = candidates.Select(candidate =>
        {
            var result = AssessmentEvaluator.Evaluate(instrument, candidate.Answers);
            var users = Perspective(result.Node(UsersPerspective));
            var organisation = Perspective(result.Node(OrganisationPerspective));
            Ratio? combined = users.Score is { } u && organisation.Score is { } o ? (u + o) / 2 : null;
            return (Candidate: candidate, Result: result, Users: users, Organisation: organisation, Combined: combined,
                Key: new RankKey(result.Overall.Level, combined, organisation.Score));
        }).ToList();

        var ordered = scored.OrderByDescending(s => s.Key).ToList();
        var standings = ordered.Select(s =>
        {
            var rank = 1 + ordered.Count(other => other.Key.CompareTo(s.Key) > 0);
            return new ServiceStanding(
                s.Candidate.Id, s.Candidate.Name, rank, rank == 1 && s.Result.Overall.Level is not null,
                s.Result.Overall.Level, s.Combined, s.Users, s.Organisation, s.Result);
        }).ToList();
        return new ServiceRanking(instrument.Id, instrument.Version, standings);
    }

    private static PerspectiveScore Perspective(NodeResult node) => new(node.NodeId, node.Level, node.Score, node.Evaluation);

    private readonly record struct RankKey(Level? Level, Ratio? Combined, Ratio? Organisation) : IComparable<RankKey>
    {
        public int CompareTo(RankKey other)
        {
            var byLevel = Compare(Level, other.Level);
            if (byLevel != 0)
            {
                return byLevel;
            }
            var byCombined = Compare(Combined, other.Combined);
            return byCombined != 0 ? byCombined : Compare(Organisation, other.Organisation);
        }

        // A missing value ranks below any value.
        private static int Compare<T>(T? a, T? b) where T : struct =>
            a is { } x ? (b is { } y ? Comparer<T>.Default.Compare(x, y) : 1) : (b is null ? 0 : -1);
    }
}

/// <summary>A service to consider for renewal, with the Co-Serve answers given for it.</summary>
/// <param name="Id">The caller's id for the service (unique among the candidates).</param>
/// <param name="Name">The service's name as people know it.</param>
/// <param name="Answers">The Co-Serve answers for this service.</param>
public sealed record CandidateService(string Id, string Name, AnswerSheet Answers);

/// <summary>Candidate services ranked, the most suitable first.</summary>
/// <param name="InstrumentId">The instrument scored with.</param>
/// <param name="InstrumentVersion">The version scored with.</param>
/// <param name="Standings">The services, best first (ties share a rank and keep the candidates' order).</param>
public sealed record ServiceRanking(string InstrumentId, string InstrumentVersion, IReadOnlyList<ServiceStanding> Standings)
{
    /// <summary>The services marked most suitable (more than one only on a true tie).</summary>
    [JsonIgnore]
    public IEnumerable<ServiceStanding> MostSuitable => Standings.Where(s => s.MostSuitable);
}

/// <summary>One candidate service's place in the comparison.</summary>
/// <param name="ServiceId">The service.</param>
/// <param name="Name">Its name.</param>
/// <param name="Rank">1 for the most suitable; equal services share a rank.</param>
/// <param name="MostSuitable">True for every evaluable service of rank 1.</param>
/// <param name="Suitability">The overall suitability level (null when not evaluable).</param>
/// <param name="CombinedScore">The mean of the two perspectives' scores (null when either is not evaluable).</param>
/// <param name="Users">The users' perspective: the x axis of the comparison chart.</param>
/// <param name="Organisation">The organisation's perspective: the y axis of the comparison chart.</param>
/// <param name="Result">The full evaluation, for details and raise suggestions.</param>
public sealed record ServiceStanding(
    string ServiceId,
    string Name,
    int Rank,
    bool MostSuitable,
    Level? Suitability,
    Ratio? CombinedScore,
    PerspectiveScore Users,
    PerspectiveScore Organisation,
    AssessmentResult Result);

/// <summary>One perspective of a service.</summary>
/// <param name="NodeId">The perspective's node.</param>
/// <param name="Level">Its level (null when not evaluable).</param>
/// <param name="Score">The share of favourable answers among its answered criteria (null when not evaluable).</param>
/// <param name="Evaluation">How completely its criteria were answered.</param>
public sealed record PerspectiveScore(string NodeId, Level? Level, Ratio? Score, Evaluation Evaluation);
