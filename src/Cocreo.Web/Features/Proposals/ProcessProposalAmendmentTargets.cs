using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// Proposals of a process as amendable texts (kind <see cref="Kind"/>, as their debate): whoever may read the proposal
/// reads its amendments; signed-in people other than its writers propose and support them while the process can change
/// and the proposal is open (not withdrawn, merged, accepted or rejected) and not hidden; its author and co-authors
/// accept or reject them. An accepted amendment is applied as the writers' edit is (<see cref="Proposal.EditInProcess"/>),
/// the replaced text kept for the moderators, and stored as a new version.
/// </summary>
public sealed class ProcessProposalAmendmentTargets(ProposalAccess access, CocreoDbContext db, ModerationDirectory moderation, TextVersions versions) : IAmendmentTargets
{
    public string Kind => ProcessProposalDebateTargets.DebateKind;

    public async Task<AmendableSubject?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await access.ForProposalChangeAsync(id, user, cancellationToken) is not { } target)
        {
            return null;
        }
        var (proposal, process, who) = (target.Proposal, target.Proposals.Process.Process, target.Proposals.Access);
        var status = await moderation.StatusAsync(ProcessProposalContents.Kind, proposal.Id, cancellationToken);
        var read = target.Decide(ProposalAction.View);
        Decision Changeable() =>
            ProposalPermissions.Writable(process)
                .And(() => status.IsShown ? Decision.Allowed : AmendmentPermissions.NotNow("This proposal is hidden by the moderators: it takes no amendments."))
                .And(() => proposal.Status == ProposalStatus.Merged ? AmendmentPermissions.NotNow("This proposal was merged into another one: it takes no amendments.")
                    : proposal.IsWithdrawn ? AmendmentPermissions.NotNow("Its author withdrew this proposal: it takes no amendments.")
                    : proposal.Status is ProposalStatus.Accepted or ProposalStatus.Rejected ? AmendmentPermissions.NotNow("The organisation has answered this proposal: its text no longer changes.")
                    : Decision.Allowed);
        var amend = read.And(() => !who.IsAuthenticated ? AmendmentPermissions.NotYours("Sign in to propose an amendment.")
            : target.IsWriter ? AmendmentPermissions.NotYours("You write this proposal: edit it instead of amending it.")
            : Changeable());
        var decide = read.And(() => !who.IsAuthenticated ? AmendmentPermissions.NotYours("Sign in to decide on amendments.")
            : !target.IsWriter ? AmendmentPermissions.NotYours("Only the proposal's author and co-authors accept or reject its amendments.")
            : Changeable());
        var version = await versions.CurrentAsync(Kind, proposal.Id, cancellationToken);
        return new AmendableSubject(Kind, proposal.Id, process.Id, proposal.Title, proposal.Description, version, ProposalLinks.Of(process.Id, proposal.Id), who, target.Proposals.Actor)
        {
            Read = read,
            Amend = amend,
            Decide = decide,
            LogNoun = "proposal",
            LogData = new { proposal = proposal.Id },
            WrittenAt = proposal.SubmittedAt,
            WrittenBy = proposal.AuthorUserId,
        };
    }

    public async Task<IReadOnlyDictionary<int, AmendablePlace>> PlacesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Set<Proposal>().AsNoTracking().Where(p => ids.Contains(p.Id) && p.BudgetId == null).Select(p => new { p.Id, p.Title, p.ProcessId }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => new AmendablePlace(p.Title, ProposalLinks.Of(p.ProcessId, p.Id), p.ProcessId, new { proposal = p.Id }));

    public async Task<int> ApplyAsync(AmendableSubject subject, AmendedText text, AmendmentApplied by, CancellationToken cancellationToken)
    {
        var proposal = await db.Set<Proposal>().SingleAsync(p => p.Id == subject.Id && p.BudgetId == null, cancellationToken);
        var before = Original(proposal);
        if (proposal.EditInProcess(text.Title, text.Body, by.Now) is not { } replaced)
        {
            throw new AmendmentRuleException("NoChange");
        }
        moderation.KeepReplacedText(ProcessProposalContents.Kind, proposal.Id, replaced, deleted: false, by.Now);
        return await versions.RecordAsync(Kind, proposal.Id, proposal.ProcessId, before, text, by.AuthorUserId, by.AmendmentId, by.Now, cancellationToken);
    }

    public IQueryable<string>? ToldOfAmendments(int id) =>
        db.Set<Proposal>().Where(p => p.Id == id).Select(p => p.AuthorUserId)
            .Concat(db.Set<ProposalCoAuthor>().Where(c => c.ProposalId == id && c.UserId != null && c.UserId != "").Select(c => c.UserId!));

    /// <summary>A proposal's text as it is now (of a process or a budget project: one entity), standing for its first version when none is stored.</summary>
    public static VersionView Original(Proposal proposal) => new(1, proposal.Title, proposal.Description, proposal.SubmittedAt, proposal.AuthorUserId, null);
}
