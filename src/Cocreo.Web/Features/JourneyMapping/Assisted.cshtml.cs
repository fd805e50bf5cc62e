using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// Offline reach: staff or facilitators type in a journey told on a paper form, at a desk or by phone, on behalf of
/// the person, so the map also holds people who are not online. It is marked as assisted, with how it was gathered.
/// </summary>
public sealed class AssistedModel(JourneyDirectory directory, ContributionWrites writes, SubmissionGuard submissions, IStringLocalizer<JourneyText> t) : PageModel
{
    public JourneyView Journey { get; private set; } = null!;

    [BindProperty]
    public AssistedInput Input { get; set; } = new();

    /// <summary>The link to give the person after their journey was entered.</summary>
    public string? EnteredLink { get; private set; }

    public sealed class AssistedInput
    {
        public Gathering Gathering { get; set; } = Gathering.Paper;
        public List<StageRow> Stages { get; set; } = [];
        public Dictionary<int, string?> Answers { get; set; } = [];

        [StringLength(JourneyLimits.PublicName, ErrorMessage = "The name can have at most {1} characters.")]
        public string? PublicName { get; set; }

        public Guid SubmissionId { get; set; }
    }

    public sealed class StageRow
    {
        public int StageId { get; set; }

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

        public bool IsTold => Rating is not null;

        public bool HasText => !string.IsNullOrWhiteSpace(WhatHappened) || !string.IsNullOrWhiteSpace(PainPoint) || !string.IsNullOrWhiteSpace(Idea) || PainTagIds.Count > 0 || TouchpointIds.Count > 0;
    }

    public async Task<IActionResult> OnGetAsync(int id, string? entered, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (entered is not null && ContributionTokens.LooksValid(entered))
        {
            EnteredLink = $"{Request.Scheme}://{Request.Host}/journeys/{id}/plan/{entered}";
        }
        Input = new AssistedInput
        {
            SubmissionId = Guid.NewGuid(),
            Stages = Journey.Map.ActiveStages.Select(s => new StageRow { StageId = s.Id }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (Input.Gathering == Gathering.Online || !Enum.IsDefined(Input.Gathering))
        {
            ModelState.AddModelError("Input.Gathering", t[JourneyRules.Message("AssistedNeedsChannel")]);
        }
        for (var i = 0; i < Input.Stages.Count; i++)
        {
            if (!Input.Stages[i].IsTold && Input.Stages[i].HasText)
            {
                ModelState.AddModelError($"Input.Stages[{i}].Rating", t["Choose how this stage felt, or leave the stage empty."]);
            }
        }
        if (!Input.Stages.Any(s => s.IsTold))
        {
            ModelState.AddModelError("", t["Enter at least one stage: choose how it felt."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var entry = new AssistedEntry(
            Input.Gathering,
            Input.Stages.Where(s => s.IsTold).Select(s => (s.StageId, new StageAccount(s.Rating!.Value, s.TouchpointIds, s.WhatHappened, s.PainPoint, s.PainTagIds, s.Idea))).ToList(),
            Journey.Map.ActiveQuestions.ToDictionary(q => q.Id, q =>
                int.TryParse(Input.Answers.GetValueOrDefault(q.Id), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var option) ? (int?)option : null),
            Input.PublicName);
        ChangeOutcome outcome = ChangeOutcome.Done;
        var path = await submissions.RunOnceAsync(Input.SubmissionId, async () =>
        {
            (outcome, var token) = await writes.EnterAssistedAsync(id, User, entry, cancellationToken);
            return token is null ? $"/journeys/{id}/assisted" : $"/journeys/{id}/assisted?entered={token}";
        }, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        if (outcome.Result == ChangeResult.Broken)
        {
            ModelState.AddModelError("", t[JourneyRules.Message(outcome.RuleCode!)]);
            return Page();
        }
        TempData["Status"] = t["The journey was entered and marked as assisted. You can enter the next one."].Value;
        return Redirect(path);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (journey, refusal) = await directory.LoadAsync(this, id, JourneyAction.EnterAssisted, cancellationToken);
        if (journey is not null)
        {
            Journey = journey;
        }
        return refusal;
    }
}
