using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Budget proposals as debates see them: anyone who may see the budget reads the debate; signed-in people comment,
/// reply and vote while the process is open (a merged proposal can still be talked about) and the proposal is not
/// hidden by the moderators; authors edit their comments while proposals are collected and reviewed.
/// </summary>
public sealed class ProposalDebateTargets(BudgetAccess budgets, CocreoDbContext db, ModerationDirectory moderation, IStringLocalizer<BudgetingText> t) : IDebateTargets
{
    public string Kind => DebateKinds.Proposal;

    public async Task<DebateSubject?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await budgets.ForProposalChangeAsync(id, user, cancellationToken) is not { } target)
        {
            return null;
        }
        var (proposal, budget) = (target.Proposal, target.Budget);
        var status = await moderation.StatusAsync(ProposalContents.Kind, proposal.Id, cancellationToken);
        Decision Shown() => status.IsShown ? Decision.Allowed
            : Decision.NotNow("This proposal is hidden by the moderators: its debate takes no new comments.", typeof(BudgetingPermissions));
        return new DebateSubject(Kind, proposal.Id, budget.Process.Id, proposal.Title, $"/proposals/{proposal.Id}", budget.Access, budget.Actor)
        {
            Read = budget.Decide(BudgetAction.View),
            Comment = budget.Decide(BudgetAction.Comment).And(Shown),
            EditOwn = budget.Decide(BudgetAction.EditOwnComment),
            DeleteOwn = budget.Decide(BudgetAction.Comment),
            LogNoun = "proposal",
            LogData = new { budget = proposal.BudgetId, proposal = proposal.Number },
        };
    }

    public async Task<IReadOnlyDictionary<int, DebatePlace>> PlacesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Set<Proposal>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Join(db.Set<Budget>(), p => p.BudgetId, b => b.Id, (p, b) => new { p.Id, p.Number, p.Title, p.BudgetId, b.ProcessId }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => new DebatePlace(t["A comment on proposal No. {0}: {1}", p.Number, p.Title], p.Title, $"/proposals/{p.Id}", p.ProcessId,
                new { budget = p.BudgetId, proposal = p.Number }));
}
