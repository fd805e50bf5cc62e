using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Transparency;

/// <summary>The messages for rules about the log's reflections (see <see cref="TransparencyRuleException"/>).</summary>
public static class TransparencyRules
{
    public static string Message(string code) => code switch
    {
        "UnknownKind" => "Choose reflection or learning.",
        _ => "This change is not allowed.",
    };
}

public sealed class TransparencyRuleException(string code) : RuleException(code)
{
    public override string Text => TransparencyRules.Message(Code);

    public override string? Field => $"Input.{nameof(AddReflection.Command.Kind)}";
}
