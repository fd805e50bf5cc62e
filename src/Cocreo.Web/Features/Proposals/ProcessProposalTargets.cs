using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// A process's proposals as a place a conversation's statement can become a proposal (<see cref="IProposalTargets"/>,
/// beside the budgets): listed when the process's team turned proposals on. The proposal is put forward by
/// <see cref="PutForwardProposal"/>, the same use case as a resident's, asked of <see cref="ProposalPermissions"/> on
/// the process as it is now, inside the conversation's change (its unit of work and its process log). The destination's
/// id is the process's own: a process has one list of proposals.
/// </summary>
public sealed class ProcessProposalTargets(CocreoDbContext db, ProposalAccess access, PutForwardProposal.Handler putForward, ProcessLog log, LogCheckpoints checkpoints,
    IStringLocalizer<ProposalsText> t) : IProposalTargets
{
    public const string ProposalsKind = "proposals";

    public string Kind => ProposalsKind;

    public async Task<IReadOnlyList<ProposalDestination>> ListAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ProposalsView view;
        try
        {
            view = await access.ReadAsync(processId, user, ProposalAction.View, cancellationToken);
        }
        catch (RefusedException)
        {
            return [];
        }
        if (view.Settings is not { } settings)
        {
            return [];
        }
        var decision = ProposalPermissions.Decide(ProposalAction.Propose, view.Process.Process, view.Process.Access, settings);
        return [new ProposalDestination(Kind, processId, t["Proposals of this process"].Value,
            decision.IsAllowed ? null : t[decision.Reason ?? "This change is not allowed."].Value, settings.CategoryNames, null)];
    }

    public async Task<ProposalMade> ProposeAsync(int processId, int destinationId, ProposalDraft draft, ClaimsPrincipal user, DateTime now, CancellationToken cancellationToken)
    {
        var target = destinationId == processId ? await access.ForChangeAsync(processId, user, cancellationToken) : null;
        if (target?.Settings is not { } settings || target.Decide(ProposalAction.View).Kind == DecisionKind.Hidden)
        {
            throw new ConversationRuleException("ProposalDestination");
        }
        if (!target.Decide(ProposalAction.Propose).IsAllowed)
        {
            throw new ConversationRuleException("ProposalNotTaken");
        }
        var title = (draft.Title ?? "").Trim();
        if (title.Length == 0 || title.Length > BudgetLimits.Title || string.IsNullOrWhiteSpace(draft.Description) || draft.Description.Length > BudgetLimits.LongText
            || (draft.Location ?? "").Trim().Length > BudgetLimits.Title)
        {
            throw new ConversationRuleException("ProposalText");
        }
        var category = (draft.Category ?? "").Trim();
        if (category.Length > 0 && !settings.CategoryNames.Contains(category))
        {
            throw new ConversationRuleException("ProposalCategory");
        }
        var content = new ProcessProposalContent(title, draft.Description, category, (draft.Location ?? "").Trim(),
            draft.Language is { } language && Processes.ContentLanguages.IsKnown(language) ? language : null);
        var change = new Change<ProposalsTarget>(target, db, log, checkpoints, now);
        await change.PrepareAsync(cancellationToken);
        var proposalId = await putForward.RunAsync(change, new PutForwardProposal.Command(processId, content, Guid.Empty), cancellationToken);
        return new ProposalMade(proposalId, title, ProposalLinks.Of(processId, proposalId), proposalId);
    }

    public async Task<IReadOnlyDictionary<int, ProposalMade>> DescribeAsync(IReadOnlyCollection<int> proposalIds, CancellationToken cancellationToken)
    {
        if (proposalIds.Count == 0)
        {
            return new Dictionary<int, ProposalMade>();
        }
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => proposalIds.Contains(p.Id) && p.BudgetId == null).ToListAsync(cancellationToken);
        return proposals.ToDictionary(p => p.Id, p => new ProposalMade(p.Id, p.LocalTitle(Platform.Localization.Cultures.Current).Text, ProposalLinks.Of(p.ProcessId, p.Id), p.Id));
    }

}
