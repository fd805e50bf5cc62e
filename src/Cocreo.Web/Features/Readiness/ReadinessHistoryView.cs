using Cocreo.Assessment;
using Cocreo.Web.Platform.Charts;

namespace Cocreo.Web.Features.Readiness;

/// <summary>Readiness over time: the overall level and each category's score at every completed assessment.</summary>
public sealed record ReadinessHistoryView(Instrument Instrument, IReadOnlyList<RecordedReadiness> Records)
{
    /// <summary>The overall line first, then one per category of <see cref="Instrument"/>, matched by node id.</summary>
    public IReadOnlyList<LineSeries> Series(string overallName) =>
    [
        new LineSeries(overallName, Records.Select(r => r.Result.Overall.Score?.ToDouble()).ToList()),
        .. Instrument.Root.Children.Select(category => new LineSeries(
            Assessments.AssessmentDisplay.Text(category.Name),
            Records.Select(r => r.Result.Find(category.Id)?.Score?.ToDouble()).ToList())),
    ];

    public IReadOnlyList<string> Times(Platform.Localization.DateDisplay dates) => Records.Select(r => dates.Show(r.CompletedAt, "d")).ToList();

    public IReadOnlyList<ValueBand> Bands() =>
    [
        new(0, 1 / 3.0, Assessments.AssessmentDisplay.Text(Instrument.LevelNames[Level.Low])),
        new(1 / 3.0, 2 / 3.0, Assessments.AssessmentDisplay.Text(Instrument.LevelNames[Level.Medium])),
        new(2 / 3.0, 1, Assessments.AssessmentDisplay.Text(Instrument.LevelNames[Level.High])),
    ];
}
