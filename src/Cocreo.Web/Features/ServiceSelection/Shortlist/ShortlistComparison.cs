using System.Globalization;
using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>
/// The candidates of a shortlist with their evaluations (the toolkit's assessments, by the candidates' assessment ids),
/// those evaluated ranked with Co-Serve (the shortlist's own version).
/// </summary>
public sealed record ShortlistComparison(Instrument Instrument, IReadOnlyList<ShortlistedService> Candidates, IReadOnlyDictionary<int, OrganisationAssessment> Evaluations, ServiceRanking? Ranking)
{
    /// <summary>Ranks the candidates whose evaluation someone finished; null when this installation lacks the shortlist's Co-Serve version.</summary>
    public static ShortlistComparison? Of(ServiceShortlist shortlist, IReadOnlyDictionary<int, OrganisationAssessment> evaluations)
    {
        if (InstrumentOf(shortlist) is not { } instrument)
        {
            return null;
        }
        var candidates = shortlist.Services.OrderBy(s => s.AddedAt).ThenBy(s => s.Id).ToList();
        var evaluated = candidates
            .Select(s => (Service: s, Scored: AssessmentScoring.Consolidated(evaluations[s.AssessmentId], instrument)))
            .Where(x => x.Scored is not null)
            .Select(x => new CandidateService(Key(x.Service), x.Service.Name, x.Scored!.Consolidation.Answers))
            .ToList();
        return new ShortlistComparison(instrument, candidates, evaluations, evaluated.Count == 0 ? null : ServiceComparison.Rank(instrument, evaluated));
    }

    /// <summary>The Co-Serve version the shortlist's candidates are evaluated with; null when this installation does not have it.</summary>
    public static Instrument? InstrumentOf(ServiceShortlist shortlist) =>
        InstrumentCatalog.All.FirstOrDefault(i => i.Id == InstrumentCatalog.CoServe && i.Version == shortlist.InstrumentVersion);

    /// <summary>The evaluation of a candidate.</summary>
    public OrganisationAssessment EvaluationOf(ShortlistedService service) => Evaluations[service.AssessmentId];

    /// <summary>The candidate's number on the page (1 for the first added), used to label the chart.</summary>
    public int Number(ShortlistedService service) => Candidates.ToList().IndexOf(service) + 1;

    public ServiceStanding? StandingOf(ShortlistedService service) => Ranking?.Standings.FirstOrDefault(s => s.ServiceId == Key(service));

    public ShortlistedService ServiceOf(ServiceStanding standing) => Candidates.Single(c => Key(c) == standing.ServiceId);

    private static string Key(ShortlistedService service) => service.Id.ToString(CultureInfo.InvariantCulture);
}
