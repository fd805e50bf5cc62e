using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>Only its author or a co-author edits a proposal, as a signed-in person in a process that can still change.</summary>
internal static class Writers
{
    public static Decision Decide(ProcessProposalTarget target, bool authorOnly)
    {
        var who = target.Proposals.Access;
        var view = target.Proposals.Decide(ProposalAction.View);
        if (!view.IsAllowed)
        {
            return view;
        }
        if (!who.IsAuthenticated)
        {
            return Decision.NotYours("Sign in to edit your proposal.", typeof(ProposalPermissions));
        }
        if (!(authorOnly ? target.Proposal.AuthorUserId == who.UserId : target.IsWriter))
        {
            return Decision.NotYours(authorOnly
                ? "Only its author invites co-authors to a proposal."
                : "Only its author and co-authors edit a proposal; the moderators can hide it.", typeof(ProposalPermissions));
        }
        return ProposalPermissions.Writable(target.Proposals.Process.Process);
    }
}

/// <summary>
/// Its author or a co-author edits a proposal of the process (title and description) until it is answered, merged or
/// withdrawn; the page then says "edited", and the replaced text is kept for the moderators. A hidden one cannot be
/// edited (it would come back changed unseen). Logged by role only.
/// </summary>
public static class EditProcessProposal
{
    public sealed record Command(int ProposalId, string Title, string Body) : IProcessProposalCommand;

    public sealed class Handler(ProposalAccess access, ModerationDirectory moderation, Amendments.TextVersions versions) : ProcessProposalChange<Command, bool>(access, ProposalAction.Withdraw)
    {
        public override Decision Decide(ProcessProposalTarget target, Command command) => Writers.Decide(target, authorOnly: false);

        public override async Task<bool> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            if ((await moderation.StatusAsync(ProcessProposalContents.Kind, proposal.Id, cancellationToken)) is { IsShown: false, IsPending: false })
            {
                RefusedException.Unless(Decision.NotNow("The moderators hid this proposal: it can no longer be edited.", typeof(ProposalPermissions)), isAuthenticated: true);
            }
            var original = ProcessProposalAmendmentTargets.Original(proposal);
            if (proposal.EditInProcess(command.Title, command.Body, change.Now) is not { } before)
            {
                return false;
            }
            moderation.KeepReplacedText(ProcessProposalContents.Kind, proposal.Id, before, deleted: false, change.Now);
            var version = await versions.RecordAsync(ProcessProposalDebateTargets.DebateKind, proposal.Id, proposal.ProcessId, original,
                new Amendments.AmendedText(proposal.Title, proposal.Description), change.Target.Proposals.Access.UserId, null, change.Now, cancellationToken);
            change.LogAs(ProposalsTarget.Participant, "proposal.edited", new { proposal = proposal.Id, title = proposal.Title });
            change.LogAs(ProposalsTarget.Participant, "proposal.versioned", new { proposal = proposal.Id, version });
            return true;
        }
    }
}

/// <summary>
/// Its author invites someone by e-mail to write the proposal with them: the e-mail (in the same transaction, through
/// the outbox) carries a secret link built from the platform's configured address, never from the request. Inviting the
/// same address again while the invitation is open changes nothing. The log says only that a co-author was invited.
/// </summary>
public static class InviteCoAuthor
{
    public sealed record Command(int ProposalId, string Email) : IProcessProposalCommand;

    public sealed class Handler(ProposalAccess access, CocreoDbContext db, EmailOutbox outbox, PublicLinks links, IStringLocalizer<ProposalsText> t)
        : ProcessProposalChange<Command, bool>(access, ProposalAction.Withdraw)
    {
        public override Decision Decide(ProcessProposalTarget target, Command command) => Writers.Decide(target, authorOnly: true);

        public override async Task<bool> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            var email = ProposalCoAuthor.Address(command.Email);
            if (!proposal.IsOpen || proposal.Status is ProposalStatus.Accepted or ProposalStatus.Rejected)
            {
                throw new ProposalRuleException("ProposalNotEditable");
            }
            var authorEmail = await db.Users.Where(u => u.Id == proposal.AuthorUserId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(cancellationToken);
            if (string.Equals(authorEmail, email, StringComparison.OrdinalIgnoreCase))
            {
                throw new ProposalRuleException("InviteYourself", "email");
            }
            var existing = await db.Set<ProposalCoAuthor>().Where(c => c.ProposalId == proposal.Id).ToListAsync(cancellationToken);
            if (existing.Any(c => c.UserId is null && c.Email == email))
            {
                return false;
            }
            if (existing.Count >= ProposalCoAuthor.MaxPerProposal)
            {
                throw new ProposalRuleException("TooManyCoAuthors", "email", ProposalCoAuthor.MaxPerProposal);
            }
            var (invitation, token) = ProposalCoAuthor.Invite(proposal.Id, email, change.Target.Proposals.Access.UserId!, change.Now);
            db.Add(invitation);
            var link = links.To("/proposal-invitations/" + token);
            outbox.Queue(new EmailMessage(email, t["You are invited to write a proposal together"],
                t["You are invited to write the proposal “{0}” together with its author. Open this link, sign in (or create an account) and accept to become a co-author: {1}", proposal.Title, link]));
            change.LogAs(ProposalsTarget.Participant, "proposal.coauthor-invited", new { proposal = proposal.Id });
            return true;
        }
    }
}

/// <summary>The invited person, signed in, accepts: they become a co-author and may edit the proposal. Again changes nothing.</summary>
public static class AcceptCoAuthorship
{
    public sealed record Command(string Token);

    /// <summary>An invitation with its proposal, loaded for the change.</summary>
    public sealed record Target(ProcessProposalTarget Proposal, ProposalCoAuthor Invitation) : IChangeTarget
    {
        public int? LogProcessId => Proposal.LogProcessId;

        public LogActor Actor => Proposal.Actor;
    }

    public sealed class Handler(ProposalAccess access) : IChange<Command, Target, int>
    {
        public async Task<Target?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            await access.ForInvitationChangeAsync(command.Token, user, cancellationToken) is { } found ? new Target(found.Target, found.Invitation) : null;

        public Decision Decide(Target target, Command command) =>
            !target.Proposal.Proposals.Access.IsAuthenticated
                ? Decision.NotYours("Sign in to accept the invitation.", typeof(ProposalPermissions))
                : target.Proposal.Proposal.AuthorUserId == target.Proposal.Proposals.Access.UserId
                    ? Decision.NotNow("You are already an author of this proposal.", typeof(ProposalPermissions))
                    : target.Proposal.Proposals.Decide(ProposalAction.View);

        public Task<int> RunAsync(Change<Target> change, Command command, CancellationToken cancellationToken)
        {
            if (change.Target.Invitation.Accept(change.Target.Proposal.Proposals.Access.UserId!, change.Now))
            {
                change.LogAs(ProposalsTarget.Participant, "proposal.coauthor-joined", new { proposal = change.Target.Proposal.Proposal.Id });
            }
            return Task.FromResult(change.Target.Proposal.Proposal.Id);
        }
    }
}
