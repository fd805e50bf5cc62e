using System.Globalization;
using Cocreo.Assessment;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Charts;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Readiness;

/// <summary>
/// A Co-Ready assessment: who has answered, and the result of everyone who finished — overall and per category,
/// the radar, the roadmap, where respondents disagree, the peer benchmark and readiness over time. While it is open
/// the result is provisional; completing it records the result with its instrument version.
/// </summary>
[Authorize]
public sealed class ResultModel(
    AssessmentAccessReader assessments,
    ChangeRunner changes,
    ReadinessRecords records,
    People people,
    IStringLocalizer<ReadinessText> t) : AssessmentPage(assessments, changes)
{
    public ConsolidatedResult? Scored { get; private set; }
    public Roadmap? Roadmap { get; private set; }
    public BenchmarkPosition? Benchmark { get; private set; }
    public List<RecordedReadiness> History { get; private set; } = [];
    public RecordedReadiness? Previous { get; private set; }
    public List<(string Name, bool Finished)> Respondents { get; private set; } = [];

    public IReadOnlyList<Node> Categories => Instrument!.Root.Children;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, [FromServices] CompleteAssessment.Handler complete, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return this.Done(await CompleteAsync(complete, cancellationToken)
            ? t["The assessment is completed and its result recorded. It now counts in your history and, anonymously, in other organisations' benchmarks."]
            : t["This assessment was already completed."], $"/readiness/{id}");
    }

    /// <summary>The radar's series: this assessment, and the previous completed one when there is one.</summary>
    public IReadOnlyList<RadarSeries> RadarShapes()
    {
        var series = new List<RadarSeries> { new(Assessment.Title, Categories.Select(c => Scored!.Result.Node(c.Id).Score?.ToDouble()).ToList()) };
        if (Previous is not null)
        {
            series.Add(new RadarSeries(
                t["Previous assessment ({0})", Previous.CompletedAt.ToString("d", CultureInfo.CurrentCulture)],
                Categories.Select(c => Previous.Result.Find(c.Id)?.Score?.ToDouble()).ToList()));
        }
        return series;
    }

    public IReadOnlyList<string> CategoryNames() => Categories.Select(c => AssessmentDisplay.Text(c.Name)).ToList();

    /// <summary>The attributes too few answered for a level, by name.</summary>
    public string NotAssessedNames() => string.Join(", ", Roadmap!.NotAssessed.Select(n => AssessmentDisplay.Text(Instrument!.Node(n).Name)));

    public string BandName(PeerBand? band) => band switch
    {
        PeerBand.TopQuarter => t["top quarter"],
        PeerBand.ThirdQuarter => t["upper middle"],
        PeerBand.SecondQuarter => t["lower middle"],
        _ => t["bottom quarter"],
    };

    /// <summary>The result in one or two sentences, for everyone who does not read the chart.</summary>
    public string Summary()
    {
        var result = Scored!.Result;
        var notEvaluable = t["not evaluable"];
        var scored = Categories.Select(c => (Category: c, Node: result.Node(c.Id))).Where(x => x.Node.Score is not null).ToList();
        var overall = t["Overall: {0}.", AssessmentDisplay.Level(Instrument!, result.Overall.Level, notEvaluable)].Value;
        if (scored.Count < 2)
        {
            return overall;
        }
        var strongest = scored.MaxBy(x => x.Node.Score!.Value);
        var weakest = scored.MinBy(x => x.Node.Score!.Value);
        return overall + " " + t["Strongest category: {0} ({1}). Weakest: {2} ({3}).",
            AssessmentDisplay.Text(strongest.Category.Name), AssessmentDisplay.Level(Instrument!, strongest.Node.Level, notEvaluable),
            AssessmentDisplay.Text(weakest.Category.Name), AssessmentDisplay.Level(Instrument!, weakest.Node.Level, notEvaluable)].Value;
    }

    /// <summary>Loads the assessment and everything the page shows of it, refusing (by throwing) those who may not see it.</summary>
    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        await ReadAsync(id, InstrumentCatalog.CoReady, cancellationToken);
        if (Instrument is null)
        {
            return;
        }
        Scored = AssessmentScoring.Consolidated(Assessment, Instrument);
        History = await records.HistoryAsync(Assessment.OrganisationId, cancellationToken);
        Previous = History.LastOrDefault(r => r.AssessmentId != id && (Assessment.CompletedAt is not { } done || r.CompletedAt < done));
        if (Scored is not null)
        {
            Roadmap = Cocreo.Assessment.Roadmap.For(Scored.Result, Instrument, CultureInfo.CurrentUICulture);
            Benchmark = await records.BenchmarkAsync(Assessment.OrganisationId, Scored.Result, cancellationToken);
        }
        var names = await people.NamesOfAsync(Assessment.Respondents.Select(r => r.UserId).OfType<string>().ToList(), cancellationToken);
        Respondents = Assessment.Respondents.OrderBy(r => r.StartedAt)
            .Select(r => (r.UserId is null ? "" : names.GetValueOrDefault(r.UserId, ""), r.IsFinished)).ToList();
    }
}
