using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The renewal team's dashboard: the emotion curve across stages, the stage × channel heat map, the lowest moments
/// of truth, pain points, supported ideas and who contributed against who was expected. Every view follows the
/// filter (segments, online or assisted, channel used) and can be exported as CSV.
/// </summary>
public sealed class DashboardModel(JourneyAccessReader journeys, JourneyDashboard dashboard) : JourneyPage(journeys)
{
    /// <summary>Below this share of the expected one, a segment is flagged as missing.</summary>
    public const double UnderRepresented = 0.8;

    public DashboardData Data { get; private set; } = null!;
    public JourneyFilter Filter { get; private set; } = JourneyFilter.None;
    public int? Compare { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string[]? segment, string? gathering, string? channel, int? compare, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.ViewDashboard, cancellationToken);
        Filter = JourneyFilter.Parse(segment ?? [], gathering, channel);
        Compare = compare is { } q && Journey.Map.ProfileQuestions.Any(x => x.Id == q) ? q : null;
        Data = await dashboard.BuildAsync(Journey.Map, Filter, Compare, cancellationToken);
        return Page();
    }

    public string ExportLink => QueryHelpers.AddQueryString($"/api/v1/journeys/{Journey.Map.Id}/export.csv", Filter.Query());

    /// <summary>Shares below <see cref="UnderRepresented"/> of the expected share: who is missing.</summary>
    public IEnumerable<(ProfileQuestion Question, OptionShare Share, double Actual, double Expected)> Missing() =>
        Data.Representation.SelectMany(r => r.Options
            .Where(o => o.Option.ExpectedPercent is > 0 && r.Answered > 0)
            .Select(o => (r.Question, o, (double)o.Count / r.Answered, (double)o.Option.ExpectedPercent!.Value / 100))
            .Where(x => x.Item3 < x.Item4 * UnderRepresented));
}
