using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Organisations;

public enum OrganisationAction
{
    View,
    Edit,
    InviteStaff,
    StartProcess,

    /// <summary>Verify, suspend or reinstate: platform administrators only.</summary>
    DecideStanding,
}

/// <summary>Who someone is with respect to an organisation.</summary>
public sealed record OrganisationAccess(string? UserId, bool IsPlatformAdmin, OrganisationRole? Role)
{
    public bool IsAuthenticated => UserId is not null;
}

/// <summary>The one place that decides who may do what with an organisation.</summary>
public static class OrganisationPermissions
{
    public static bool Allows(OrganisationAction action, OrganisationRole? role, bool isPlatformAdmin, OrganisationStanding standing = OrganisationStanding.Unverified) =>
        Decide(action, new OrganisationAccess(null, isPlatformAdmin, role), standing).IsAllowed;

    /// <summary>
    /// What <paramref name="who"/> may do with an organisation that stands as <paramref name="standing"/>. A suspended
    /// organisation is frozen: its staff still read its page, but nobody changes it or starts a process in it (only a
    /// platform administrator's decision about its standing goes through).
    /// </summary>
    public static Decision Decide(OrganisationAction action, OrganisationAccess who, OrganisationStanding standing) =>
        standing == OrganisationStanding.Suspended && action is not (OrganisationAction.View or OrganisationAction.DecideStanding)
            ? Decide(action, who).And(() => Suspended)
            : Decide(action, who);

    /// <summary>The refusal of any change to a suspended organisation or its processes.</summary>
    public static Decision Suspended { get; } = Decision.NotNow("This organisation is suspended by the platform.", typeof(OrganisationPermissions));

    public static Decision Decide(OrganisationAction action, OrganisationAccess who) => action switch
    {
        OrganisationAction.DecideStanding => who.IsPlatformAdmin
            ? Decision.Allowed
            : NotYours("Only platform administrators verify, suspend and reinstate organisations."),
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
