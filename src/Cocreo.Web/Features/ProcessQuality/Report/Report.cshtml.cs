using System.Globalization;
using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Assessments.Charts;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>
/// A Co-Master survey: organisers answer here signed in; participants through anonymous links (with QR codes) that
/// staff open and close. The report shows each dimension's level per role, flags the gaps between organisers' and
/// participants' views, and lists improvement areas; a group's results appear only once enough of it answered.
/// </summary>
[Authorize]
public sealed class ReportModel(
    CocreoDbContext db,
    AssessmentAccessReader accessReader,
    AssessmentLifecycle lifecycle,
    OrganisationMembership organisations,
    ProcessDirectory processes,
    AssessmentLog log,
    TimeProvider clock,
    IStringLocalizer<ProcessQualityText> t,
    IStringLocalizer<AssessmentText> rules) : PageModel
{
    public OrganisationAssessment Assessment { get; private set; } = null!;
    public OrganisationSummary Organisation { get; private set; } = null!;
    public AssessmentAccess Access { get; private set; } = AssessmentAccess.Anonymous;
    public Instrument? Instrument { get; private set; }
    public QualityReport? Report { get; private set; }
    public List<ResponseLink> Links { get; private set; } = [];
    public string? ProcessTitle { get; private set; }
    public Respondent? Mine { get; private set; }

    public bool Can(AssessmentAction action) => AssessmentPermissions.Allows(action, Assessment.IsCompleted, Access);

    public string LinkUrl(ResponseLink link) => $"{Request.Scheme}://{Request.Host}{link.Path}";

    /// <summary>The role participants answer in: the instrument's second role (see <see cref="AssessmentInstruments.StaffRole"/>).</summary>
    public string ParticipantRole => Instrument!.Roles[1].Id;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, AssessmentAction.View, cancellationToken);
        if (refusal is not null || Instrument is null)
        {
            return refusal ?? Page();
        }
        Report = AssessmentScoring.Quality(Assessment, Instrument);
        Mine = Assessment.RespondentOf(User.UserId());
        return Page();
    }

    /// <summary>The QR code of a link as an SVG file, to print on a poster or a slide.</summary>
    public async Task<IActionResult> OnGetQrAsync(int id, int linkId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, AssessmentAction.View, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var link = Links.FirstOrDefault(l => l.Id == linkId);
        if (link is null)
        {
            return NotFound();
        }
        var svg = QrCode.Svg(LinkUrl(link), t["QR code for {0}", LinkUrl(link)]);
        return File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml", $"co-master-{id}-link-{linkId}.svg");
    }

    public async Task<IActionResult> OnPostOpenLinkAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, AssessmentAction.ManageLinks, cancellationToken);
        if (refusal is not null || Instrument is null)
        {
            return refusal ?? RedirectToPage(new { id });
        }
        await db.RetryOnConflictAsync(async ct =>
        {
            db.Add(ResponseLink.Open(id, ParticipantRole, User.UserId()!, clock.GetUtcNow().UtcDateTime));
            await LogAsync("quality-link.opened", ct);
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        TempData["Status"] = t["A new link is open. Share it or its QR code with the participants."].Value;
        return RedirectToPage(null, null, new { id }, "links");
    }

    public async Task<IActionResult> OnPostCloseLinkAsync(int id, int linkId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, AssessmentAction.ManageLinks, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var closed = await db.RetryOnConflictAsync(async ct =>
        {
            var link = await db.Set<ResponseLink>().SingleOrDefaultAsync(l => l.Id == linkId && l.AssessmentId == id, ct);
            if (link is null || !link.IsOpen)
            {
                return link is not null;
            }
            link.Close(clock.GetUtcNow().UtcDateTime);
            await LogAsync("quality-link.closed", ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        if (!closed)
        {
            return NotFound();
        }
        TempData["Status"] = t["The link is closed: it accepts no more answers."].Value;
        return RedirectToPage(null, null, new { id }, "links");
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, AssessmentAction.Complete, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        try
        {
            await lifecycle.CompleteAsync(id, User, (assessment, instrument) =>
            {
                var report = AssessmentScoring.Quality(assessment, instrument);
                // Only what the report shows goes into the public log: suppressed groups stay without numbers.
                return new Completion(AssessmentJson.Write(report), new
                {
                    responses = report.Roles.ToDictionary(r => r.RoleId, r => r.Responses),
                    overall = report.Roles.Where(r => !r.Suppressed).ToDictionary(r => r.RoleId, r => r.OverallLevel?.Name()),
                });
            }, cancellationToken);
            TempData["Status"] = t["The survey is completed: its links are closed and its result recorded."].Value;
        }
        catch (AssessmentRuleException rule)
        {
            TempData["Status"] = rules.Message(rule.Code);
        }
        return RedirectToPage(new { id });
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

    private Task LogAsync(string action, CancellationToken cancellationToken) =>
        log.AppendAsync(Assessment.ProcessId, User, action, new { survey = Assessment.Title }, cancellationToken);

    private async Task<IActionResult?> LoadAsync(int id, AssessmentAction action, CancellationToken cancellationToken)
    {
        var assessment = await db.Set<OrganisationAssessment>().AsNoTracking()
            .Include(a => a.Respondents).ThenInclude(r => r.Answers)
            .SingleOrDefaultAsync(a => a.Id == id && a.InstrumentId == InstrumentCatalog.CoMaster, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }
        Assessment = assessment;
        Access = await accessReader.ForAsync(User, assessment, cancellationToken);
        if (!AssessmentPermissions.Allows(AssessmentAction.View, assessment.IsCompleted, Access))
        {
            return NotFound();
        }
        if (!AssessmentPermissions.Allows(action, assessment.IsCompleted, Access))
        {
            if (assessment.IsCompleted && AssessmentPermissions.Allows(action, false, Access))
            {
                TempData["Status"] = rules.Message("AssessmentCompleted");
                return RedirectToPage(new { id });
            }
            return this.Denied();
        }
        Organisation = (await organisations.SummaryAsync(assessment.OrganisationId, cancellationToken))!;
        Instrument = AssessmentInstruments.Of(assessment);
        Links = await db.Set<ResponseLink>().AsNoTracking().Where(l => l.AssessmentId == id).OrderBy(l => l.OpenedAt).ToListAsync(cancellationToken);
        if (assessment.ProcessId is { } processId)
        {
            ProcessTitle = (await processes.FindAsync(processId, cancellationToken))?.Title;
        }
        return null;
    }
}
