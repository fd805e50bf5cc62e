using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

/// <summary>
/// A person's roles in organisations, and invitations: those they sent (kept for the organisation, by its team) and
/// those sent to their address (removed with the account, with the address). A last administrator hands over first.
/// A platform administrator's decisions stay in the administrators' log (append-only), with the name they had then.
/// </summary>
public sealed class OrganisationPersonalData(CocreoDbContext db, IStringLocalizer<OrganisationText> t) : IPersonalData
{
    public string Part => "organisations";

    public IReadOnlyCollection<string> Columns { get; } = ["OrganisationMember.UserId", "OrganisationInvitation.InvitedByUserId", "AdministratorLog.AdministratorId"];

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        roles = await db.Set<Organisation>().AsNoTracking()
            .SelectMany(o => o.Members.Where(m => m.UserId == userId), (o, m) => new { organisation = o.Id, name = o.Name, role = m.Role.ToString(), joinedAt = m.JoinedAt })
            .ToListAsync(cancellationToken),
        invitationsSent = await db.Set<OrganisationInvitation>().AsNoTracking()
            .Where(i => i.InvitedByUserId == userId)
            .Select(i => new { organisation = i.OrganisationId, role = i.Role.ToString(), i.CreatedAt, i.AcceptedAt, i.RevokedAt })
            .ToListAsync(cancellationToken),
        decisionsAsPlatformAdministrator = await db.Set<AdministratorLogEntry>().AsNoTracking()
            .Where(e => e.AdministratorId == userId)
            .OrderBy(e => e.Id)
            .Select(e => new { e.OccurredAt, organisation = e.OrganisationId, e.OrganisationName, e.Action, e.Reason })
            .ToListAsync(cancellationToken),
    };

    public async Task<IReadOnlyList<string>> HandOverFirstAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.Members.Any(m => m.UserId == userId && m.Role == OrganisationRole.Administrator) && o.Members.Count(m => m.Role == OrganisationRole.Administrator) == 1)
            .OrderBy(o => o.Id)
            .Select(o => o.Name)
            .ToListAsync(cancellationToken))
        .Select(name => t["You are the only administrator of {0}: make someone else an administrator first.", name].Value)
        .ToList();

    public async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        db.RemoveRange(await db.Set<OrganisationMember>().Where(m => m.UserId == userId).ToListAsync(cancellationToken));
        var address = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleAsync(cancellationToken);
        if (address is not null)
        {
            db.RemoveRange(await db.Set<OrganisationInvitation>().Where(i => i.Email.ToUpper() == address).ToListAsync(cancellationToken));
        }
    }
}
