using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Amendments;

/// <summary>What someone may do with an amendment.</summary>
public enum AmendmentAction
{
    /// <summary>Read it (whoever may read what it amends; a pending or hidden one: its author and the moderators).</summary>
    View,

    /// <summary>Propose one (and support one): the owner's <see cref="AmendableSubject.Amend"/>.</summary>
    Propose,

    /// <summary>Support an open amendment: as proposing, and never one's own.</summary>
    Support,

    /// <summary>Accept or reject: the owner's <see cref="AmendableSubject.Decide"/>.</summary>
    Decide,

    /// <summary>Withdraw, rebase or turn into a proposal: its author.</summary>
    Own,
}

/// <summary>
/// Who may do what with an amendment: the owner of the amended thing decides about the thing
/// (<see cref="AmendableSubject"/>'s decisions, on fresh data); this class adds the amendment's own rules (its author,
/// open or decided). The reasons of refusals about amendments, whoever states them, are this capability's text.
/// </summary>
public static class AmendmentPermissions
{
    public static Decision Decide(AmendmentAction action, AmendableSubject subject, Amendment? amendment)
    {
        if (!subject.Read.IsAllowed)
        {
            return subject.Read;
        }
        var who = subject.Access;
        return action switch
        {
            AmendmentAction.View => Decision.Allowed,
            AmendmentAction.Propose => !who.IsAuthenticated ? NotYours("Sign in to propose an amendment.") : subject.Amend,
            AmendmentAction.Support => !who.IsAuthenticated ? NotYours("Sign in to support amendments.")
                : amendment is not null && amendment.AuthorUserId == who.UserId ? NotYours("You wrote this amendment: others support it.")
                : Open(amendment).And(() => subject.Amend),
            AmendmentAction.Decide => !who.IsAuthenticated ? NotYours("Sign in to decide on amendments.") : subject.Decide,
            AmendmentAction.Own => !who.IsAuthenticated ? NotYours("Sign in to change your amendment.")
                : amendment is null || amendment.AuthorUserId != who.UserId ? NotYours("Only its author changes an amendment.")
                : Decision.Allowed,
            _ => NotYours("This change is not allowed."),
        };
    }

    private static Decision Open(Amendment? amendment) =>
        amendment is null || amendment.IsOpen ? Decision.Allowed : NotNow("This amendment is decided: it takes no supports.");

    public static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(AmendmentPermissions));

    public static Decision NotNow(string reason) => Decision.NotNow(reason, typeof(AmendmentPermissions));
}
