using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Organisations;

/// <summary>An organisation as read for a page, and who the reader is with respect to it.</summary>
public sealed record OrganisationView(Organisation Organisation, OrganisationAccess Access)
{
    public bool Can(OrganisationAction action) => OrganisationPermissions.Decide(action, Access, Organisation.Standing).IsAllowed;
}

/// <summary>An organisation loaded for a change (tracked); its own records are not in a process log.</summary>
public sealed record OrganisationTarget(Organisation Organisation, OrganisationAccess Access, LogActor Actor) : IChangeTarget
{
    public int? LogProcessId => null;

    public Decision Decide(OrganisationAction action) => OrganisationPermissions.Decide(action, Access, Organisation.Standing);
}

/// <summary>A signed-in person acting on their own behalf (registering an organisation, accepting an invitation).</summary>
public sealed record PersonTarget(string? UserId, LogActor Actor) : IChangeTarget
{
    public int? LogProcessId => null;

    public Decision SignedIn() => UserId is null
        ? Decision.NotYours("Sign in first.", typeof(OrganisationPermissions))
        : Decision.Allowed;
}

/// <summary>Opens organisations for pages and changes, refusing (by throwing) those the person may not use.</summary>
public sealed class OrganisationAccessReader(CocreoDbContext db, OrganisationMembership membership, People people)
{
    public async Task<OrganisationAccess> ForAsync(ClaimsPrincipal user, int organisationId, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId();
        var role = userId is null ? null : await membership.RoleOfAsync(organisationId, userId, cancellationToken);
        return new OrganisationAccess(userId, user.IsPlatformAdmin(), role);
    }

    public async Task<OrganisationView> ReadAsync(int organisationId, ClaimsPrincipal user, OrganisationAction action, CancellationToken cancellationToken = default)
    {
        var organisation = RefusedException.IfMissing(await db.Set<Organisation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken));
        var access = await ForAsync(user, organisationId, cancellationToken);
        RefusedException.Unless(OrganisationPermissions.Decide(action, access, organisation.Standing), access.IsAuthenticated);
        return new OrganisationView(organisation, access);
    }

    public async Task<OrganisationTarget?> ForChangeAsync(int organisationId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var organisation = await db.Set<Organisation>().Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var access = await ForAsync(user, organisationId, cancellationToken);
        var actor = access.UserId is null
            ? LogActor.Private("participant")
            : LogActor.Named(await people.NameOfAsync(access.UserId, cancellationToken), access.IsPlatformAdmin && access.Role is null ? "admin" : "staff");
        return new OrganisationTarget(organisation, access, actor);
    }

    public async Task<PersonTarget> PersonAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        return new PersonTarget(userId, userId is null ? LogActor.Private("participant") : LogActor.Named(await people.NameOfAsync(userId, cancellationToken), "staff"));
    }
}
