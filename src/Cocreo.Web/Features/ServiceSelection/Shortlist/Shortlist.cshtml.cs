using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Charts;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>
/// A Co-Serve comparison: add candidate services, evaluate each, compare them in a table and a chart (users'
/// readiness against the organisation's), and choose the one to renew.
/// </summary>
[Authorize]
public sealed class ShortlistModel(ShortlistReader shortlists, ChangeRunner changes, IStringLocalizer<ServiceSelectionText> t) : PageModel
{
    [BindProperty]
    public CandidateInput Candidate { get; set; } = new();

    [BindProperty]
    public ChoiceInput Choice { get; set; } = new();

    public ServiceShortlist Shortlist { get; private set; } = null!;
    public OrganisationSummary Organisation { get; private set; } = null!;
    public ProcessAccess Access { get; private set; } = ProcessAccess.Anonymous;
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

    public bool Can(AssessmentAction action) => AssessmentPermissions.Allows(action, ToolkitSubject.Comparison(Shortlist.IsDecided), Access);

    /// <summary>Whether the reader may evaluate a candidate (answer its assessment) now.</summary>
    public bool CanEvaluate(ShortlistedService candidate) =>
        AssessmentPermissions.Allows(AssessmentAction.Answer, ToolkitSubject.Assessment(Comparison!.EvaluationOf(candidate).IsCompleted), Access);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, AssessmentAction.View, cancellationToken);
        Candidate.SubmissionId = Guid.NewGuid();
        Choice.ServiceId = Comparison?.Ranking?.MostSuitable.Select(s => (int?)int.Parse(s.ServiceId, CultureInfo.InvariantCulture)).FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, [FromServices] AddCandidateService.Handler add, CancellationToken cancellationToken)
    {
        await LoadAsync(id, AssessmentAction.AddService, cancellationToken);
        if (!OnlyValidate(Candidate, nameof(Candidate)))
        {
            return Page();
        }
        var added = await changes.RunAsync(add, new AddCandidateService.Command(id, Candidate.Name, Candidate.Description, Candidate.SubmissionId), cancellationToken);
        return this.Done(t["{0} was added. Evaluate it with the 13 criteria, or add more services first.", added.Name], $"/service-selection/{id}#candidates");
    }

    public Task<IActionResult> OnPostChooseAsync(int id, [FromServices] ChooseService.Handler choose, CancellationToken cancellationToken) =>
        ChooseAsync(id, AssessmentAction.ChooseService, choose, new ChooseService.Command(id, Choice.ServiceId, Choice.Reason), cancellationToken);

    public Task<IActionResult> OnPostReconsiderAsync(int id, [FromServices] ReconsiderChoice.Handler reconsider, CancellationToken cancellationToken) =>
        ChooseAsync(id, AssessmentAction.ReconsiderChoice, reconsider, new ReconsiderChoice.Command(id, Choice.ServiceId, Choice.Reason), cancellationToken);

    /// <summary>Chooses the service to renew, for the first time or again, from the choice form.</summary>
    private async Task<IActionResult> ChooseAsync<TCommand>(
        int id, AssessmentAction action, IChange<TCommand, ShortlistTarget, ChooseService.Chosen> choose, TCommand command, CancellationToken cancellationToken)
    {
        await LoadAsync(id, action, cancellationToken);
        if (!OnlyValidate(Choice, nameof(Choice)))
        {
            return Page();
        }
        var chosen = await changes.RunAsync(choose, command, cancellationToken);
        return this.Done(t["{0} is now the service to renew.", chosen.Name], $"/service-selection/{id}");
    }

    /// <summary>
    /// The page has two forms; a handler checks only its own. (The other form's fields are absent, and model binding
    /// would then bind them without their prefix and report them under other names.)
    /// </summary>
    private bool OnlyValidate(object input, string prefix)
    {
        ModelState.Clear();
        return TryValidateModel(input, prefix);
    }

    /// <summary>The chart's points: every ranked service with both perspectives evaluated.</summary>
    public IReadOnlyList<ScatterPoint> Points() =>
        Comparison!.Ranking!.Standings
            .Where(s => s.Users.Score is not null && s.Organisation.Score is not null)
            .OrderBy(s => Comparison.Number(Comparison.ServiceOf(s)))
            .Select(s => new ScatterPoint(
                Comparison.Number(Comparison.ServiceOf(s)).ToString(CultureInfo.CurrentCulture),
                s.Users.Score!.Value.ToDouble(), s.Organisation.Score!.Value.ToDouble(), s.MostSuitable) { Name = s.Name })
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

    private async Task LoadAsync(int id, AssessmentAction action, CancellationToken cancellationToken)
    {
        var view = await shortlists.ReadAsync(id, User, action, cancellationToken);
        (Shortlist, Comparison, Access) = (view.Shortlist, view.Comparison, view.Access);
        (Organisation, ProcessTitle) = (view.Place.Organisation, view.Place.ProcessTitle);
    }
}
