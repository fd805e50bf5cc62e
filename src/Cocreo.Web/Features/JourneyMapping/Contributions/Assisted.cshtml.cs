using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// Offline reach: staff or facilitators type in a journey told on a paper form, at a desk or by phone, on behalf of
/// the person, so the map also holds people who are not online. It is marked as assisted, with how it was gathered.
/// </summary>
public sealed class AssistedModel(JourneyAccessReader journeys, ChangeRunner changes, PublicLinks links, IStringLocalizer<JourneyText> t) : JourneyPage(journeys)
{
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

    public sealed class StageRow : StageForm
    {
        public int StageId { get; set; }

        [Range(1, 5, ErrorMessage = "Choose how this stage felt.")]
        public int? Rating { get; set; }

        public bool IsTold => Rating is not null;

        public bool HasText => !string.IsNullOrWhiteSpace(WhatHappened) || !string.IsNullOrWhiteSpace(PainPoint) || !string.IsNullOrWhiteSpace(Idea) || PainTagIds.Count > 0 || TouchpointIds.Count > 0;
    }

    public async Task<IActionResult> OnGetAsync(int id, string? entered, CancellationToken cancellationToken)
    {
        var map = (await OpenAsync(id, JourneyAction.EnterAssisted, cancellationToken)).Map;
        if (entered is not null && ContributionTokens.LooksValid(entered))
        {
            EnteredLink = links.To($"/journeys/{id}/plan/{entered}");
        }
        Input = new AssistedInput
        {
            SubmissionId = Guid.NewGuid(),
            Stages = map.ActiveStages.Select(s => new StageRow { StageId = s.Id }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] EnterAssistedContribution.Handler enter, CancellationToken cancellationToken)
    {
        var map = (await OpenAsync(id, JourneyAction.EnterAssisted, cancellationToken)).Map;
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
        var token = await changes.RunAsync(enter, new EnterAssistedContribution.Command(
            id,
            Input.Gathering,
            Input.Stages.Where(s => s.IsTold).Select(s => new EnterAssistedContribution.Told(s.StageId, s.Account(s.Rating!.Value))).ToList(),
            map.ActiveQuestions.ToDictionary(q => q.Id, q => ProfileOptionLines.Chosen(Input.Answers.GetValueOrDefault(q.Id))),
            Input.PublicName,
            Input.SubmissionId), cancellationToken);
        return this.Done(t["The journey was entered and marked as assisted. You can enter the next one."], $"/journeys/{id}/assisted?entered={token}");
    }
}
