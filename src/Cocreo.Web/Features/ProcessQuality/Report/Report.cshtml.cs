using System.Globalization;
using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Charts;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>
/// A Co-Master survey: organisers answer here signed in; participants through anonymous links (with QR codes) that
/// staff open and close. The report shows each dimension's level per role, flags the gaps between organisers' and
/// participants' views, and lists improvement areas; a group's results appear only once enough of it answered.
/// </summary>
[Authorize]
public sealed class ReportModel(
    AssessmentAccessReader assessments,
    ChangeRunner changes,
    ResponseLinks links,
    IStringLocalizer<ProcessQualityText> t) : AssessmentPage(assessments, changes)
{
    public QualityReport? Report { get; private set; }
    public List<ResponseLink> Links { get; private set; } = [];

    public string LinkUrl(ResponseLink link) => $"{Request.Scheme}://{Request.Host}{link.Path}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>The QR code of a link as an SVG file, to print on a poster or a slide.</summary>
    public async Task<IActionResult> OnGetQrAsync(int id, int linkId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var link = RefusedException.IfMissing(Links.FirstOrDefault(l => l.Id == linkId));
        var svg = QrCode.Svg(LinkUrl(link), t["QR code for {0}", LinkUrl(link)]);
        return File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml", $"co-master-{id}-link-{linkId}.svg");
    }

    public async Task<IActionResult> OnPostOpenLinkAsync(int id, [FromServices] OpenResponseLink.Handler open, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await Changes.RunAsync(open, new OpenResponseLink.Command(id), cancellationToken);
        return this.Done(t["A new link is open. Share it or its QR code with the participants."], $"/process-quality/{id}#links");
    }

    public async Task<IActionResult> OnPostCloseLinkAsync(int id, int linkId, [FromServices] CloseResponseLink.Handler close, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await Changes.RunAsync(close, new CloseResponseLink.Command(id, linkId), cancellationToken);
        return this.Done(t["The link is closed: it accepts no more answers."], $"/process-quality/{id}#links");
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, [FromServices] CompleteAssessment.Handler complete, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return this.Done(await CompleteAsync(complete, cancellationToken)
            ? t["The survey is completed: its links are closed and its result recorded."]
            : t["This survey was already completed."], $"/process-quality/{id}");
    }

    /// <summary>The radar's series: one per role whose results are shown.</summary>
    public IReadOnlyList<RadarSeries> RoleShapes() =>
        Instrument!.Roles.Select((role, index) => (Role: role, Index: index))
            .Where(r => !Report!.Roles[r.Index].Suppressed)
            .Select(r => new RadarSeries(
                AssessmentDisplay.Text(r.Role.Name),
                Report!.Dimensions.Select(d => d.ByRole[r.Index].Score?.ToDouble()).ToList()))
            .ToList();

    public IReadOnlyList<string> DimensionNames() => Report!.Dimensions.Select(d => AssessmentDisplay.Text(Instrument!.Node(d.DimensionId).Name)).ToList();

    /// <summary>Which group sees a dimension more favourably (the gap is organisers minus participants).</summary>
    public string GapDirection(Ratio gap) =>
        gap > Ratio.Zero ? t["organisers see it more favourably"] : t["participants see it more favourably"];

    public string Summary()
    {
        var report = Report!;
        var shown = report.Roles.Where(r => !r.Suppressed).ToList();
        if (shown.Count == 0)
        {
            return t["No results are shown yet: each group needs at least {0} responses.", report.Options.MinimumResponses].Value;
        }
        var notEvaluable = t["not evaluable"];
        var parts = shown.Select(r => t["{0}: overall {1}.", AssessmentDisplay.Text(Instrument!.FindRole(r.RoleId)!.Name), AssessmentDisplay.Level(Instrument!, r.OverallLevel, notEvaluable)].Value).ToList();
        var gaps = report.Dimensions.Count(d => d.GapFlagged);
        if (gaps > 0)
        {
            parts.Add(t["Organisers and participants see {0} dimensions differently.", gaps].Value);
        }
        return string.Join(" ", parts);
    }

    /// <summary>Loads the survey and everything the page shows of it, refusing (by throwing) those who may not see it.</summary>
    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        await ReadAsync(id, InstrumentCatalog.CoMaster, cancellationToken);
        Links = await links.OfSurveyAsync(id, cancellationToken);
        Report = Instrument is null ? null : AssessmentScoring.Quality(Assessment, Instrument);
    }
}
