namespace Cocreo.Web.Features.Organisations;

public enum OrganisationAction
{
    View,
    Edit,
    InviteStaff,
    StartProcess,
}

/// <summary>The one place that decides who may do what with an organisation.</summary>
public static class OrganisationPermissions
{
    public static bool Allows(OrganisationAction action, OrganisationRole? role, bool isPlatformAdmin) => action switch
    {
        OrganisationAction.View or OrganisationAction.StartProcess => isPlatformAdmin || role is not null,
        OrganisationAction.Edit or OrganisationAction.InviteStaff => isPlatformAdmin || role == OrganisationRole.Administrator,
        _ => false,
    };
}
