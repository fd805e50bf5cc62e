using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Organisations;

/// <summary>The messages for rules about organisations (see <see cref="OrganisationRuleException"/>).</summary>
public static class OrganisationRules
{
    public static string Message(string code) => code switch
    {
        "UnknownRole" => "Choose a role.",
        "InvitationClosed" => "This invitation is no longer valid: it was used, withdrawn or has expired. Ask for a new one.",
        "NameTaken" => "An organisation with this name is already registered on the platform (names are compared without case, accents or extra spaces). Enter the organisation's full official name; if it is yours, ask its administrators to invite you.",
        "AlreadyVerified" => "The organisation is already verified.",
        "AlreadySuspended" => "The organisation is already suspended.",
        "NotSuspended" => "The organisation is not suspended, so there is nothing to reinstate.",
        "SuspendedNotVerifiable" => "The organisation is suspended: reinstate it instead.",
        "ReasonRequired" => "State the reason for the decision; it is kept in the administrators' log.",
        "ReasonTooLong" => "The reason can have at most 500 characters.",
        _ => "This change is not allowed.",
    };
}

/// <summary>A rule about organisations was broken; the code names a localised message.</summary>
public sealed class OrganisationRuleException(string code, string? formField = null) : RuleException(code)
{
    public override string Text => OrganisationRules.Message(Code);

    public override string? Field => formField;
}
