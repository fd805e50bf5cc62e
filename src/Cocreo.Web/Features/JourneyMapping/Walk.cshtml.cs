using System.ComponentModel.DataAnnotations;
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
public sealed class WalkModel(JourneyDirectory directory, ContributionWrites writes, IStringLocalizer<JourneyText> t) : PageModel
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

    public sealed class StageInput
    {
        [Required(ErrorMessage = "Choose how this stage felt.")]
        [Range(1, 5, ErrorMessage = "Choose how this stage felt.")]
        public int? Rating { get; set; }

        public List<int> TouchpointIds { get; set; } = [];

        [StringLength(JourneyLimits.ContributionText, ErrorMessage = "This text can have at most {1} characters. Shorten it and send it again.")]
        public string? WhatHappened { get; set; }

        public List<int> PainTagIds { get; set; } = [];

        [StringLength(JourneyLimits.ContributionText, ErrorMessage = "This text can have at most {1} characters. Shorten it and send it again.")]
        public string? PainPoint { get; set; }

        [StringLength(JourneyLimits.ContributionText, ErrorMessage = "This text can have at most {1} characters. Shorten it and send it again.")]
        public string? Idea { get; set; }
    }

    public int Position => Stage is null ? 0 : Stages.IndexOf(Stage) + 1;
    public string Link(string token) => $"/journeys/c/{token}";
    public string ResumeLink => $"{Request.Scheme}://{Request.Host}{Link(Contributor.Token)}";
    public bool CanContribute => Contributor.Journey.Can(JourneyAction.Contribute);
    public bool IsAnswered(JourneyStage stage) => Contributor.Contribution.ExperienceOf(stage.Id) is not null;

    public async Task<IActionResult> OnGetAsync(string token, int? stage, string? step, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(token, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (stage is null && step is null)
        {
            // Coming back through the resume link: go on where the person stopped.
            return Redirect(Next(null));
        }
        if (!Show(stage, step))
        {
            return NotFound();
        }
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

    public async Task<IActionResult> OnPostStageAsync(string token, int stage, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(token, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!Show(stage, null))
        {
            return NotFound();
        }
        ClearOtherSteps(nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var account = new StageAccount(Input.Rating!.Value, Input.TouchpointIds, Input.WhatHappened, Input.PainPoint, Input.PainTagIds, Input.Idea);
        return After(await writes.RecordAsync(token, User, stage, account, cancellationToken), () => Redirect(Next(stage)));
    }

    public async Task<IActionResult> OnPostAboutAsync(string token, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(token, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Show(null, About);
        ClearOtherSteps(nameof(Answers));
        var answers = Map.ActiveQuestions.ToDictionary(q => q.Id, q =>
            int.TryParse(Answers.GetValueOrDefault(q.Id), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var option) ? (int?)option : null);
        return After(await writes.DescribeAsync(token, User, answers, cancellationToken), () => Redirect(Link(token) + "?step=" + Finish));
    }

    public async Task<IActionResult> OnPostSubmitAsync(string token, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(token, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Show(null, Finish);
        ClearOtherSteps(nameof(PublicName));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return After(await writes.SubmitAsync(token, User, PublicName, cancellationToken), () =>
        {
            TempData["Status"] = t["Thank you! Your journey was sent. Here are the ideas other people shared: support the ones you agree with."].Value;
            return Redirect($"/journeys/{Map.Id}/ideas/{token}");
        });
    }

    public async Task<IActionResult> OnPostKeepAsync(string token, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(token, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Show(null, Finish);
        return After(await writes.KeepInAccountAsync(token, User, cancellationToken), () =>
        {
            TempData["Status"] = t["Your contribution is kept in your account: open the journey map's link when signed in to come back to it."].Value;
            return Redirect(Link(token) + "?step=" + Finish);
        });
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

    private bool Show(int? stageId, string? step)
    {
        if (stageId is { } id)
        {
            Stage = Stages.FirstOrDefault(s => s.Id == id);
            return Stage is not null;
        }
        Step = step is About or Finish ? step : null;
        return Step is not null;
    }

    private void ClearOtherSteps(string kept)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(kept, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private IActionResult After(ChangeOutcome outcome, Func<IActionResult> done)
    {
        if (outcome.Result == ChangeResult.NotFound)
        {
            return NotFound();
        }
        if (outcome.Result != ChangeResult.Done)
        {
            ModelState.AddModelError("", t[JourneyRules.Message(outcome.RuleCode ?? "")]);
            return Page();
        }
        return done();
    }

    private async Task<IActionResult?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var contributor = await directory.FindContributionAsync(token, User, cancellationToken);
        if (contributor is null || !contributor.Journey.Can(JourneyAction.View))
        {
            return NotFound();
        }
        Contributor = contributor;
        Stages = Map.ActiveStages.ToList();
        return null;
    }
}
