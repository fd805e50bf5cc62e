using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Organisations;

public enum OrganisationAction
{
    View,
    Edit,
    InviteStaff,
    StartProcess,
}

/// <summary>Who someone is with respect to an organisation.</summary>
public sealed record OrganisationAccess(string? UserId, bool IsPlatformAdmin, OrganisationRole? Role)
{
    public bool IsAuthenticated => UserId is not null;
}

/// <summary>The one place that decides who may do what with an organisation.</summary>
public static class OrganisationPermissions
{
    public static bool Allows(OrganisationAction action, OrganisationRole? role, bool isPlatformAdmin) =>
        Decide(action, new OrganisationAccess(null, isPlatformAdmin, role)).IsAllowed;

    public static Decision Decide(OrganisationAction action, OrganisationAccess who) => action switch
    {
        OrganisationAction.View or OrganisationAction.StartProcess => who.IsPlatformAdmin || who.Role is not null
            ? Decision.Allowed
            : NotYours("Only the organisation's staff can do this."),
        OrganisationAction.Edit or OrganisationAction.InviteStaff => who.IsPlatformAdmin || who.Role == OrganisationRole.Administrator
            ? Decision.Allowed
            : NotYours("Only the organisation's administrators can do this."),
        _ => NotYours("This change is not allowed."),
    };

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(OrganisationPermissions));
}
