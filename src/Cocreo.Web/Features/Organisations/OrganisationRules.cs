using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Organisations;

/// <summary>The messages for rules about organisations (see <see cref="OrganisationRuleException"/>).</summary>
public static class OrganisationRules
{
    public static string Message(string code) => code switch
    {
        "UnknownRole" => "Choose a role.",
        "InvitationClosed" => "This invitation is no longer valid: it was used, withdrawn or has expired. Ask for a new one.",
        _ => "This change is not allowed.",
    };
}

/// <summary>A rule about organisations was broken; the code names a localised message.</summary>
public sealed class OrganisationRuleException(string code) : RuleException(code)
{
    public override string Text => OrganisationRules.Message(Code);
}
