using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Moderation;

/// <summary>The messages of the rules moderation keeps.</summary>
public static class ModerationRules
{
    public static string Message(string code) => code switch
    {
        "AlreadyHidden" => "The moderators have hidden it already.",
        "DetailsTooLong" => "What you add can have at most 1,000 characters.",
        "DetailsMissing" => "Say what is wrong with it.",
        "ReasonMissing" => "Give the reason for hiding: it is shown in public in its place.",
        "ThresholdRange" => "The number of reports is a whole number from 0 (never hide automatically) to 100.",
        "ReasonTooLong" => "The reason can have at most 1,000 characters.",
        _ => "This change is not allowed.",
    };
}

public sealed class ModerationRuleException(string code, string? formField = null) : RuleException(code)
{
    public override string Text => ModerationRules.Message(Code);

    public override string? Field => formField;
}
