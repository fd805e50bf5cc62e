using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Budgets as places a conversation's statement can become a proposal (<see cref="IProposalTargets"/>): the budgets
/// of the process that collect proposals. The proposal is made by <see cref="ProposeProject"/>, the same use case as
/// a resident's, asked of <see cref="BudgetingPermissions"/> on the budget as it is now, inside the conversation's
/// change (its unit of work and its process log).
/// </summary>
public sealed class BudgetProposalTargets(CocreoDbContext db, BudgetAccess budgets, ProposeProject.Handler propose, ProcessLog log, LogCheckpoints checkpoints,
    IStringLocalizer<BudgetingText> t) : IProposalTargets
{
    public const string BudgetKind = "budget";

    public string Kind => BudgetKind;

    public async Task<IReadOnlyList<ProposalDestination>> ListAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var ids = await db.Set<Budget>().AsNoTracking().Where(b => b.ProcessId == processId).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(cancellationToken);
        var list = new List<ProposalDestination>();
        foreach (var id in ids)
        {
            if (await budgets.ForReadAsync(id, user, cancellationToken) is not { } target)
            {
                continue;
            }
            var decision = target.Decide(BudgetAction.Propose);
            if (decision.Kind == Platform.Changes.DecisionKind.Hidden)
            {
                continue;
            }
            var budget = target.Budget;
            list.Add(new ProposalDestination(Kind, budget.Id, budget.LocalTitle(Platform.Localization.Cultures.Current).Text,
                decision.IsAllowed ? null : t[decision.Reason ?? "This change is not allowed."].Value, budget.Categories.ToList(), budget.Amount));
        }
        return list;
    }

    public async Task<ProposalMade> ProposeAsync(int processId, int destinationId, ProposalDraft draft, ClaimsPrincipal user, DateTime now, CancellationToken cancellationToken)
    {
        var target = await budgets.ForChangeAsync(destinationId, user, cancellationToken);
        if (target is null || target.Process.Id != processId || target.Decide(BudgetAction.View).Kind == Platform.Changes.DecisionKind.Hidden)
        {
            throw new ConversationRuleException("ProposalDestination");
        }
        if (!target.Decide(BudgetAction.Propose).IsAllowed)
        {
            throw new ConversationRuleException("ProposalNotTaken");
        }
        var budget = target.Budget;
        var title = (draft.Title ?? "").Trim();
        if (title.Length == 0 || title.Length > BudgetLimits.Title || string.IsNullOrWhiteSpace(draft.Description) || draft.Description.Length > BudgetLimits.LongText)
        {
            throw new ConversationRuleException("ProposalText");
        }
        if (budget.Categories.Count > 0 ? !budget.Categories.Contains((draft.Category ?? "").Trim()) : (draft.Category ?? "").Trim().Length > BudgetLimits.Title)
        {
            throw new ConversationRuleException("ProposalCategory");
        }
        if (draft.EstimatedCost < 0 || draft.EstimatedCost > budget.Amount)
        {
            throw new ConversationRuleException("ProposalCost");
        }
        var content = new ProposalContent(title, draft.Description, (draft.Location ?? "").Trim(), (draft.Category ?? "").Trim(), draft.EstimatedCost,
            draft.Language is { } language && Processes.ContentLanguages.IsKnown(language) ? language : null);
        var change = new Change<BudgetTarget>(target, db, log, checkpoints, now);
        await change.PrepareAsync(cancellationToken);
        var proposalId = await propose.RunAsync(change, new ProposeProject.Command(destinationId, content, null, null, Guid.Empty), cancellationToken);
        var proposal = await db.Set<Proposal>().SingleAsync(p => p.Id == proposalId, cancellationToken);
        return new ProposalMade(proposal.Id, proposal.Title, "/proposals/" + proposal.Id, proposal.Number);
    }

    public async Task<IReadOnlyDictionary<int, ProposalMade>> DescribeAsync(IReadOnlyCollection<int> proposalIds, CancellationToken cancellationToken)
    {
        if (proposalIds.Count == 0)
        {
            return new Dictionary<int, ProposalMade>();
        }
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => proposalIds.Contains(p.Id)).ToListAsync(cancellationToken);
        return proposals.ToDictionary(p => p.Id, p => new ProposalMade(p.Id, p.LocalTitle(Platform.Localization.Cultures.Current).Text, "/proposals/" + p.Id, p.Number));
    }
}
