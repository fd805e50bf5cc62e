using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// Proposals of a process as debate targets (kind <see cref="Kind"/>; budget projects are <see cref="DebateKinds.Proposal"/>):
/// whoever may read the proposal reads its debate; signed-in people comment while the process is neither closed nor
/// archived and the proposal is open (not withdrawn, not merged) and not hidden by the moderators.
/// </summary>
public sealed class ProcessProposalDebateTargets(ProposalAccess access, CocreoDbContext db, ModerationDirectory moderation, IStringLocalizer<ProposalsText> t) : IDebateTargets
{
    public const string DebateKind = "process-proposal";

    public string Kind => DebateKind;

    public async Task<DebateSubject?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await access.ForProposalChangeAsync(id, user, cancellationToken) is not { } target)
        {
            return null;
        }
        var (proposal, process) = (target.Proposal, target.Proposals.Process.Process);
        var shown = (await moderation.StatusAsync(ProcessProposalContents.Kind, proposal.Id, cancellationToken)).IsShown;
        var read = target.Decide(ProposalAction.View);
        var signedIn = read.And(() => DebatePermissions.SignedIn(target.Proposals.Access));
        var open = signedIn
            .And(() => DebatePermissions.OpenIn(process))
            .And(() => shown ? Decision.Allowed : Decision.NotNow("This proposal is hidden by the moderators: its debate takes no new comments.", typeof(BudgetingPermissions)))
            .And(() => proposal.IsOpen ? Decision.Allowed : Decision.NotNow("This proposal was withdrawn or merged: its debate takes no new comments.", typeof(ProposalPermissions)));
        var delete = signedIn.And(() => DebatePermissions.NotArchived(process));
        return new DebateSubject(Kind, proposal.Id, process.Id, proposal.Title, ProposalLinks.Of(process.Id, proposal.Id), target.Proposals.Access, target.Proposals.Actor)
        {
            Read = read,
            Comment = open,
            EditOwn = open,
            DeleteOwn = delete,
            LogNoun = "proposal",
            LogData = new { proposal = proposal.Id },
        };
    }

    public async Task<IReadOnlyDictionary<int, DebatePlace>> PlacesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Set<Proposal>().AsNoTracking().Where(p => ids.Contains(p.Id) && p.BudgetId == null).Select(p => new { p.Id, p.Title, p.ProcessId }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => new DebatePlace(t["A comment on the proposal “{0}”", p.Title], p.Title, ProposalLinks.Of(p.ProcessId, p.Id), p.ProcessId, new { proposal = p.Id }));

}
