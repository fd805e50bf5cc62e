using System.ComponentModel.DataAnnotations;

namespace Cocreo.Web.Features.Meetings;

/// <summary>What a participant needs, as they tick and type it.</summary>
public sealed class NeedsForm
{
    public bool Interpretation { get; set; }

    [StringLength(MeetingLimits.NeedText, ErrorMessage = "Each need can be described in at most {1} characters.")]
    public string? InterpretationLanguage { get; set; }

    public bool SignLanguage { get; set; }

    public bool Childcare { get; set; }

    [StringLength(MeetingLimits.NeedText, ErrorMessage = "Each need can be described in at most {1} characters.")]
    public string? Diet { get; set; }

    public bool StepFreeAccess { get; set; }

    [StringLength(MeetingLimits.NeedText, ErrorMessage = "Each need can be described in at most {1} characters.")]
    public string? Other { get; set; }

    public MeetingNeeds ToNeeds() => new(Interpretation, InterpretationLanguage, SignLanguage, Childcare, Diet, StepFreeAccess, Other);

    public void From(MeetingNeeds needs)
    {
        Interpretation = needs.Interpretation;
        InterpretationLanguage = needs.InterpretationLanguage;
        SignLanguage = needs.SignLanguage;
        Childcare = needs.Childcare;
        Diet = needs.Diet;
        StepFreeAccess = needs.StepFreeAccess;
        Other = needs.Other;
    }
}
