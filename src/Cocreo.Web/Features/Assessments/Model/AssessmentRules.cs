using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Assessments;

/// <summary>The messages for rules assessments enforce (see <see cref="AssessmentRuleException"/>).</summary>
public static class AssessmentRules
{
    /// <summary>The rule's message in English (the key of its translation in AssessmentText).</summary>
    public static string Message(string code) => code switch
    {
        "AssessmentCompleted" => "This assessment is completed: its answers can no longer change.",
        "NoFinishedAnswers" => "Nobody has finished answering yet: finish your answers first.",
        "InstrumentMissing" => "This installation of Cocreo does not have the instrument version these answers were given to, so they cannot be scored.",
        "ProcessElsewhere" => "Choose one of your organisation's processes, or none.",
        "UnknownQuestion" => "The form asked about a question that is not on this page. Reload the page and answer again.",
        "UnknownAnswer" => "Choose one of the answers offered.",
        _ => "This change is not allowed.",
    };

    /// <summary>The form field a rule is about, if any.</summary>
    public static string? Field(string code) => code switch
    {
        "ProcessElsewhere" => $"{StartForm.Prefix}.{nameof(StartForm.ProcessId)}",
        _ => null,
    };

    /// <summary>A refusal to read what the rule forbids (a page that cannot be shown), as a conflict with its message.</summary>
    public static RefusedException Refusal(string code) => new(Platform.Changes.Refusal.Conflict(Message(code), typeof(AssessmentRules)));
}

/// <summary>A rule of assessments was broken; the code names a localised message.</summary>
public sealed class AssessmentRuleException(string code) : RuleException(code)
{
    public override string Text => AssessmentRules.Message(Code);

    public override string? Field => AssessmentRules.Field(Code);
}
