using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>The messages for rules about Co-Serve comparisons (see <see cref="ServiceSelectionRuleException"/>).</summary>
public static class ServiceSelectionRules
{
    public static string Message(string code) => code switch
    {
        "ServiceAlreadyChosen" => "A service has already been chosen in this comparison.",
        "ServiceNotEvaluated" => "Choose a service that has been evaluated.",
        "ServiceNotChosen" => "No service has been chosen in this comparison yet.",
        "ServiceAlreadyTheChoice" => "This service is already the one chosen: choose another one.",
        "ReasonMissing" => "Say why the choice changes: the reason is published with it.",
        "InstrumentMissing" => "This installation of Cocreo does not have the Co-Serve version of this comparison, so no service can be added or chosen.",
        _ => "This change is not allowed.",
    };

    /// <summary>The field of the choice form a rule is about, if any.</summary>
    public static string? Field(string code) => code switch
    {
        "ServiceNotEvaluated" or "ServiceAlreadyTheChoice" => $"{nameof(ShortlistModel.Choice)}.{nameof(ShortlistModel.ChoiceInput.ServiceId)}",
        "ReasonMissing" => $"{nameof(ShortlistModel.Choice)}.{nameof(ShortlistModel.ChoiceInput.Reason)}",
        _ => null,
    };
}

/// <summary>A rule about Co-Serve comparisons was broken; the code names a localised message.</summary>
public sealed class ServiceSelectionRuleException(string code) : RuleException(code)
{
    public override string Text => ServiceSelectionRules.Message(Code);

    public override string? Field => ServiceSelectionRules.Field(Code);
}
