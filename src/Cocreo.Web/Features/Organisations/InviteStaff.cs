using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

/// <summary>
/// An administrator invites a colleague by e-mail; the invitation e-mail is queued in the same save. An open
/// invitation to the same address is replaced, so a double submit leaves one working link.
/// </summary>
public static class InviteStaff
{
    public sealed record Command(int OrganisationId, string Email, OrganisationRole Role) : IOrganisationCommand;

    public sealed class Handler(OrganisationAccessReader organisations, CocreoDbContext db, EmailOutbox outbox, PublicLinks links, IStringLocalizer<OrganisationText> t)
        : OrganisationChange<Command, Done>(organisations)
    {
        protected override OrganisationAction Action => OrganisationAction.InviteStaff;

        public override async Task<Done> RunAsync(Change<OrganisationTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(command.Role))
            {
                throw new OrganisationRuleException("UnknownRole");
            }
            var organisation = change.Target.Organisation;
            var address = command.Email.Trim();
            var earlier = await db.Set<OrganisationInvitation>()
                .Where(i => i.OrganisationId == organisation.Id && i.Email == address && i.AcceptedAt == null && i.RevokedAt == null)
                .ToListAsync(cancellationToken);
            foreach (var old in earlier)
            {
                old.Revoke(change.Now);
            }
            var (invitation, token) = OrganisationInvitation.Create(organisation.Id, address, command.Role, change.Target.Access.UserId!, change.Now);
            db.Add(invitation);
            outbox.Queue(new EmailMessage(address,
                t["Invitation to {0} on Cocreo", organisation.Name],
                t["You are invited to join {0} on Cocreo as {1}. Open this link to accept (valid for 14 days):", organisation.Name, OrganisationNames.Role(t, command.Role)] + "\n\n" + links.To($"/invitations/{token}")));
            return new Done();
        }
    }
}

/// <summary>An administrator withdraws an open invitation; its link stops working.</summary>
public static class RevokeInvitation
{
    public sealed record Command(int OrganisationId, int InvitationId) : IOrganisationCommand;

    public sealed class Handler(OrganisationAccessReader organisations, CocreoDbContext db) : OrganisationChange<Command, Done>(organisations)
    {
        protected override OrganisationAction Action => OrganisationAction.InviteStaff;

        public override async Task<Done> RunAsync(Change<OrganisationTarget> change, Command command, CancellationToken cancellationToken)
        {
            var invitation = RefusedException.IfMissing(await db.Set<OrganisationInvitation>()
                .SingleOrDefaultAsync(i => i.Id == command.InvitationId && i.OrganisationId == command.OrganisationId, cancellationToken));
            invitation.Revoke(change.Now);
            return new Done();
        }
    }
}

/// <summary>The invited person, signed in, accepts with the link's token and joins the organisation's staff.</summary>
public static class AcceptInvitation
{
    public sealed record Command(string Token);

    /// <summary>The organisation joined.</summary>
    public sealed record Joined(int OrganisationId, string Name);

    public sealed class Handler(OrganisationAccessReader organisations, CocreoDbContext db, TimeProvider clock) : IChange<Command, PersonTarget, Joined>
    {
        public async Task<PersonTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            await organisations.PersonAsync(user, cancellationToken);

        public Decision Decide(PersonTarget target, Command command) => target.SignedIn();

        public async Task<Joined> RunAsync(Change<PersonTarget> change, Command command, CancellationToken cancellationToken)
        {
            var invitation = await OpenInvitationAsync(db, command.Token, clock, cancellationToken) ?? throw new OrganisationRuleException("InvitationClosed");
            var organisation = await db.Set<Organisation>().Include(o => o.Members).SingleAsync(o => o.Id == invitation.OrganisationId, cancellationToken);
            organisation.AddMember(change.Target.UserId!, invitation.Role, change.Now);
            invitation.Accept(change.Now);
            return new Joined(organisation.Id, organisation.Name);
        }
    }

    /// <summary>The invitation with this token while it can be accepted (tracked), else null.</summary>
    public static async Task<OrganisationInvitation?> OpenInvitationAsync(CocreoDbContext db, string? token, TimeProvider clock, CancellationToken cancellationToken)
    {
        var hash = OrganisationInvitation.HashToken(token ?? "");
        var invitation = await db.Set<OrganisationInvitation>().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is not null && invitation.IsOpen(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }
}
