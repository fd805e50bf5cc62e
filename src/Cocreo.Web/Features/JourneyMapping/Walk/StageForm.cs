using System.ComponentModel.DataAnnotations;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// What is told about one stage, as a form: on the walk by the service user, and on the assisted entry by staff for
/// them. The rating is each form's own (required on the walk, optional per stage when entering a paper form).
/// </summary>
public abstract class StageForm
{
    public List<int> TouchpointIds { get; set; } = [];

    [StringLength(JourneyLimits.ContributionText, ErrorMessage = "This text can have at most {1} characters. Shorten it and send it again.")]
    public string? WhatHappened { get; set; }

    public List<int> PainTagIds { get; set; } = [];

    [StringLength(JourneyLimits.ContributionText, ErrorMessage = "This text can have at most {1} characters. Shorten it and send it again.")]
    public string? PainPoint { get; set; }

    [StringLength(JourneyLimits.ContributionText, ErrorMessage = "This text can have at most {1} characters. Shorten it and send it again.")]
    public string? Idea { get; set; }

    public StageAccount Account(int rating) => new(rating, TouchpointIds, WhatHappened, PainPoint, PainTagIds, Idea);
}
