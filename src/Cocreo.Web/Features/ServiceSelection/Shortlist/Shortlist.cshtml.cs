using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Assessments.Charts;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>
/// A Co-Serve comparison: add candidate services, evaluate each, compare them in a table and a chart (users'
/// readiness against the organisation's), and choose the one to renew.
/// </summary>
[Authorize]
public sealed class ShortlistModel(
    CocreoDbContext db,
    AssessmentAccessReader accessReader,
    OrganisationMembership organisations,
    ProcessDirectory processes,
    AssessmentLog log,
    SubmissionGuard submissions,
    TimeProvider clock,
    IStringLocalizer<ServiceSelectionText> t,
    IStringLocalizer<AssessmentText> rules) : PageModel
{
    [BindProperty]
    public CandidateInput Candidate { get; set; } = new();

    [BindProperty]
    public ChoiceInput Choice { get; set; } = new();

    public ServiceShortlist Shortlist { get; private set; } = null!;
    public OrganisationSummary Organisation { get; private set; } = null!;
    public AssessmentAccess Access { get; private set; } = AssessmentAccess.Anonymous;
    public ShortlistComparison? Comparison { get; private set; }
    public string? ProcessTitle { get; private set; }

    public sealed class CandidateInput
    {
        [Required(ErrorMessage = "Enter the service's name.")]
        [StringLength(AssessmentLimits.Title, ErrorMessage = "The name can have at most {1} characters.")]
        public string Name { get; set; } = "";

        [StringLength(AssessmentLimits.Description, ErrorMessage = "The description can have at most {1} characters.")]
        public string? Description { get; set; }

        public Guid SubmissionId { get; set; }
    }

    public sealed class ChoiceInput
    {
        public int? ServiceId { get; set; }

        [StringLength(AssessmentLimits.Description, ErrorMessage = "The reason can have at most {1} characters.")]
        public string? Reason { get; set; }
    }

    public bool Can(AssessmentAction action) => AssessmentPermissions.Allows(action, Shortlist.IsDecided, Access);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, AssessmentAction.View, cancellationToken);
        Candidate.SubmissionId = Guid.NewGuid();
        Choice.ServiceId = Comparison?.Ranking?.MostSuitable.Select(s => (int?)int.Parse(s.ServiceId, CultureInfo.InvariantCulture)).FirstOrDefault();
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, AssessmentAction.AddService, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        OnlyValidate(Candidate, nameof(Candidate));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var userId = User.UserId()!;
        string? refused = null;
        var path = await submissions.RunOnceAsync(Candidate.SubmissionId, () => db.RetryOnConflictAsync(async ct =>
        {
            var shortlist = await db.Set<ServiceShortlist>().Include(s => s.Services).SingleAsync(s => s.Id == id, ct);
            if (shortlist.IsDecided || Comparison is null)
            {
                refused = shortlist.IsDecided ? "ServiceAlreadyChosen" : "InstrumentMissing";
                return $"/service-selection/{id}";
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var assessment = OrganisationAssessment.Start(shortlist.OrganisationId, shortlist.ProcessId, Comparison.Instrument, Candidate.Name, userId, now, shortlist.IsDemo);
            var service = shortlist.Add(Candidate.Name, Candidate.Description ?? "", assessment, now);
            await log.AppendAsync(shortlist.ProcessId, User, "service.added",
                new { comparison = shortlist.Title, service = service.Name, description = service.Description }, ct);
            await db.SaveChangesAsync(ct);
            return $"/service-selection/{id}";
        }, cancellationToken), cancellationToken);
        TempData["Status"] = refused is null
            ? t["{0} was added. Evaluate it with the 13 criteria, or add more services first.", Candidate.Name.Trim()].Value
            : rules.Message(refused);
        return Redirect(path + "#candidates");
    }

    public async Task<IActionResult> OnPostChooseAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, AssessmentAction.ChooseService, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        OnlyValidate(Choice, nameof(Choice));
        var chosen = Shortlist.Services.FirstOrDefault(s => s.Id == Choice.ServiceId);
        if (chosen is null || Comparison?.StandingOf(chosen) is null)
        {
            ModelState.AddModelError("Choice.ServiceId", rules.Message("ServiceNotEvaluated"));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var standing = Comparison!.StandingOf(chosen!)!;
        var userId = User.UserId()!;
        var decided = await db.RetryOnConflictAsync(async ct =>
        {
            var shortlist = await db.Set<ServiceShortlist>()
                .Include(s => s.Services).ThenInclude(s => s.Assessment).ThenInclude(a => a.Respondents).ThenInclude(r => r.Answers)
                .SingleAsync(s => s.Id == id, ct);
            if (shortlist.IsDecided)
            {
                return false;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            shortlist.Choose(shortlist.Services.Single(s => s.Id == chosen!.Id), Choice.Reason, userId, now);
            // The comparison is decided: every candidate's evaluation is closed with the result it was decided on.
            foreach (var candidate in shortlist.Services.Where(s => !s.Assessment.IsCompleted))
            {
                var scored = AssessmentScoring.Consolidated(candidate.Assessment, Comparison.Instrument);
                candidate.Assessment.Complete(now, scored is null ? null : AssessmentJson.Write(scored.Result));
            }
            await log.AppendAsync(shortlist.ProcessId, User, "service.chosen", new
            {
                comparison = shortlist.Title,
                service = chosen!.Name,
                description = chosen.Description,
                rank = standing.Rank,
                mostSuitable = standing.MostSuitable,
                suitability = standing.Suitability?.Name(),
                reason = shortlist.ChoiceReason,
            }, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        TempData["Status"] = decided
            ? t["{0} is now the service to renew.", chosen!.Name].Value
            : rules.Message("ServiceAlreadyChosen");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReconsiderAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, AssessmentAction.ReconsiderChoice, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        OnlyValidate(Choice, nameof(Choice));
        var chosen = Shortlist.Services.FirstOrDefault(s => s.Id == Choice.ServiceId);
        if (chosen is null || Comparison?.StandingOf(chosen) is null)
        {
            ModelState.AddModelError("Choice.ServiceId", rules.Message("ServiceNotEvaluated"));
        }
        else if (chosen.Id == Shortlist.ChosenServiceId)
        {
            ModelState.AddModelError("Choice.ServiceId", rules.Message("ServiceAlreadyTheChoice"));
        }
        if (string.IsNullOrWhiteSpace(Choice.Reason))
        {
            ModelState.AddModelError("Choice.Reason", t["Say why the choice changes: the reason is published with it."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var userId = User.UserId()!;
        string? refused = null;
        await db.RetryOnConflictAsync(async ct =>
        {
            var shortlist = await db.Set<ServiceShortlist>().Include(s => s.Services).SingleAsync(s => s.Id == id, ct);
            var earlier = shortlist.Chosen;
            try
            {
                shortlist.Reconsider(shortlist.Services.Single(s => s.Id == chosen!.Id), Choice.Reason!, userId, clock.GetUtcNow().UtcDateTime);
            }
            catch (AssessmentRuleException rule)
            {
                // Someone else changed it meanwhile (to this very service, say): nothing to do.
                refused = rule.Code;
                return false;
            }
            await log.AppendAsync(shortlist.ProcessId, User, "service.rechosen", new
            {
                comparison = shortlist.Title,
                from = earlier?.Name,
                to = chosen!.Name,
                reason = shortlist.ChoiceReason,
            }, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        TempData["Status"] = refused is null
            ? t["{0} is now the service to renew.", chosen!.Name].Value
            : rules.Message(refused);
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// The page has two forms; a handler checks only its own. (The other form's fields are absent, and model binding
    /// would then bind them without their prefix and report them under other names.)
    /// </summary>
    private void OnlyValidate(object input, string prefix)
    {
        ModelState.Clear();
        TryValidateModel(input, prefix);
    }

    /// <summary>The chart's points: every ranked service with both perspectives evaluated.</summary>
    public IReadOnlyList<ScatterPoint> Points() =>
        Comparison!.Ranking!.Standings
            .Where(s => s.Users.Score is not null && s.Organisation.Score is not null)
            .OrderBy(s => Comparison.Number(Comparison.ServiceOf(s)))
            .Select(s => new ScatterPoint(
                Comparison.Number(Comparison.ServiceOf(s)).ToString(CultureInfo.CurrentCulture),
                s.Users.Score!.Value.ToDouble(), s.Organisation.Score!.Value.ToDouble(), s.MostSuitable))
            .ToList();

    /// <summary>The comparison in words, for everyone who does not read the chart.</summary>
    public string Summary()
    {
        var ranking = Comparison!.Ranking!;
        var instrument = Comparison.Instrument;
        var best = ranking.MostSuitable.ToList();
        var notEvaluable = t["not evaluable"];
        var evaluated = t["{0} services evaluated.", ranking.Standings.Count].Value;
        if (best.Count == 0)
        {
            return evaluated + " " + t["None could be evaluated: too few criteria were answered."].Value;
        }
        return evaluated + " " + string.Join(" ", best.Select(s => t["Most suitable: {0} ({1}; users' readiness {2}, organisation's readiness {3}).",
            s.Name, AssessmentDisplay.Level(instrument, s.Suitability, notEvaluable),
            AssessmentDisplay.Percent(s.Users.Score), AssessmentDisplay.Percent(s.Organisation.Score)].Value));
    }

    private async Task<IActionResult?> LoadAsync(int id, AssessmentAction action, CancellationToken cancellationToken)
    {
        var shortlist = await db.Set<ServiceShortlist>().AsNoTracking()
            .Include(s => s.Services).ThenInclude(s => s.Assessment).ThenInclude(a => a.Respondents).ThenInclude(r => r.Answers)
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shortlist is null)
        {
            return NotFound();
        }
        Shortlist = shortlist;
        Access = await accessReader.ForAsync(User, shortlist.OrganisationId, shortlist.ProcessId, cancellationToken);
        if (!AssessmentPermissions.Allows(AssessmentAction.View, shortlist.IsDecided, Access))
        {
            return NotFound();
        }
        if (!AssessmentPermissions.Allows(action, shortlist.IsDecided, Access))
        {
            if (shortlist.IsDecided && action != AssessmentAction.View && AssessmentPermissions.Allows(action, false, Access))
            {
                TempData["Status"] = rules.Message("ServiceAlreadyChosen");
                return RedirectToPage(new { id });
            }
            return this.Denied();
        }
        Organisation = (await organisations.SummaryAsync(shortlist.OrganisationId, cancellationToken))!;
        Comparison = ShortlistComparison.Of(shortlist);
        if (shortlist.ProcessId is { } processId)
        {
            ProcessTitle = (await processes.FindAsync(processId, cancellationToken))?.Title;
        }
        return null;
    }
}
