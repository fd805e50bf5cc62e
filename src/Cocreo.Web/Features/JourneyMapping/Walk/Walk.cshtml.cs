using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// A service user walks the journey, one short page per stage, on a phone as well as anywhere. Each stage is saved
/// when it is sent, so an interruption loses nothing: the resume link (the secret token in this page's address)
/// opens the contribution again at the first stage not yet told.
/// </summary>
[EnableRateLimiting(JourneyMappingCapability.WriteLimit)]
public sealed class WalkModel(JourneyAccessReader journeys, ChangeRunner changes, PublicLinks links, IStringLocalizer<JourneyText> t) : PageModel
{
    public const string About = "about";
    public const string Finish = "finish";

    public ContributorView Contributor { get; private set; } = null!;
    public JourneyMap Map => Contributor.Journey.Map;
    public List<JourneyStage> Stages { get; private set; } = [];
    public JourneyStage? Stage { get; private set; }
    public string? Step { get; private set; }

    [BindProperty]
    public StageInput Input { get; set; } = new();

    [BindProperty]
    public Dictionary<int, string?> Answers { get; set; } = [];

    [BindProperty]
    [StringLength(JourneyLimits.PublicName, ErrorMessage = "The name can have at most {1} characters.")]
    public string? PublicName { get; set; }

    public sealed class StageInput : StageForm
    {
        [Required(ErrorMessage = "Choose how this stage felt.")]
        [Range(1, 5, ErrorMessage = "Choose how this stage felt.")]
        public int? Rating { get; set; }
    }

    public int Position => Stage is null ? 0 : Stages.IndexOf(Stage) + 1;
    public string ResumeLink => links.To(Link(Contributor.Token));
    public bool CanContribute => Contributor.Journey.Can(JourneyAction.Contribute);
    public bool IsAnswered(JourneyStage stage) => Contributor.Contribution.ExperienceOf(stage.Id) is not null;

    /// <summary>The walk's address for a contributor's token (their resume link, without the host).</summary>
    public static string Link(string token) => $"/journeys/c/{token}";

    public async Task<IActionResult> OnGetAsync(string token, int? stage, string? step, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (stage is null && step is null)
        {
            // Coming back through the resume link: go on where the person stopped.
            return Redirect(Next(null));
        }
        Show(stage, step);
        ModelState.Clear();
        if (Stage is not null && Contributor.Contribution.ExperienceOf(Stage.Id) is { } told)
        {
            Input = new StageInput
            {
                Rating = told.Rating,
                TouchpointIds = told.Touchpoints.Select(x => x.TouchpointId).ToList(),
                WhatHappened = told.WhatHappened,
                PainTagIds = told.PainTags.Select(x => x.PainPointTagId).ToList(),
                PainPoint = told.PainPoint,
                Idea = told.Idea,
            };
        }
        PublicName = Contributor.Contribution.PublicName;
        return Page();
    }

    public async Task<IActionResult> OnPostStageAsync(string token, int stage, [FromServices] TellStage.Handler tell, CancellationToken cancellationToken)
    {
        await StepAsync(token, stage, null, nameof(Input), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(tell, new TellStage.Command(token, stage, Input.Account(Input.Rating!.Value)), cancellationToken);
        return Redirect(Next(stage));
    }

    public async Task<IActionResult> OnPostAboutAsync(string token, [FromServices] AnswerProfileQuestions.Handler answer, CancellationToken cancellationToken)
    {
        await StepAsync(token, null, About, nameof(Answers), cancellationToken);
        var answers = Map.ActiveQuestions.ToDictionary(q => q.Id, q => ProfileOptionLines.Chosen(Answers.GetValueOrDefault(q.Id)));
        await changes.RunAsync(answer, new AnswerProfileQuestions.Command(token, answers), cancellationToken);
        return Redirect(Link(token) + "?step=" + Finish);
    }

    public async Task<IActionResult> OnPostSubmitAsync(string token, [FromServices] SubmitContribution.Handler submit, CancellationToken cancellationToken)
    {
        await StepAsync(token, null, Finish, nameof(PublicName), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(submit, new SubmitContribution.Command(token, PublicName), cancellationToken);
        return this.Done(t["Thank you! Your journey was sent. Here are the ideas other people shared: support the ones you agree with."], $"/journeys/{Map.Id}/ideas/{token}");
    }

    public async Task<IActionResult> OnPostKeepAsync(string token, [FromServices] KeepInAccount.Handler keep, CancellationToken cancellationToken)
    {
        await StepAsync(token, null, Finish, nameof(PublicName), cancellationToken);
        await changes.RunAsync(keep, new KeepInAccount.Command(token), cancellationToken);
        return this.Done(t["Your contribution is kept in your account: open the journey map's link when signed in to come back to it."], Link(token) + "?step=" + Finish);
    }

    /// <summary>Where to go after a stage: the next stage not yet told, then the questions about you, then sending.</summary>
    private string Next(int? afterStageId)
    {
        var start = afterStageId is null ? 0 : Stages.FindIndex(s => s.Id == afterStageId) + 1;
        var next = afterStageId is null
            ? Stages.FirstOrDefault(s => !IsAnswered(s))
            : Stages.Skip(start).FirstOrDefault();
        if (next is not null)
        {
            return Link(Contributor.Token) + "?stage=" + next.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Link(Contributor.Token) + "?step=" + (Map.ActiveQuestions.Any() && (afterStageId is not null || Contributor.Contribution.ProfileAnswers.Count == 0) ? About : Finish);
    }

    /// <summary>Shows a stage, or the step about you or the one for sending; a stage or step that is not there is not found.</summary>
    private void Show(int? stageId, string? step)
    {
        if (stageId is { } id)
        {
            Stage = RefusedException.IfMissing(Stages.FirstOrDefault(s => s.Id == id));
            return;
        }
        Step = step is About or Finish ? step : throw new RefusedException(Refusal.NotFound);
    }

    /// <summary>Loads the walk at the step whose form was sent; what the other steps' fields say is not this form's concern.</summary>
    private async Task StepAsync(string token, int? stageId, string? step, string kept, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        Show(stageId, step);
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(kept, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task LoadAsync(string token, CancellationToken cancellationToken)
    {
        Contributor = await journeys.ReadContributionAsync(token, User, null, cancellationToken);
        Stages = Map.ActiveStages.ToList();
    }
}
