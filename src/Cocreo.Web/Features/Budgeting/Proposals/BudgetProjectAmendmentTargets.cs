using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Budget projects as amendable texts (kind <see cref="DebateKinds.Proposal"/>, as their debate): a budget project is a
/// proposal, and others improve its title and description as they improve a proposal of the process. Whoever may see
/// the budget reads its amendments; signed-in people other than its author propose and support them while the budget
/// collects proposals and the project is open (not withdrawn or merged), not yet reviewed by the team and not hidden;
/// its author accepts or rejects them. After review the team's feasibility and cost answer a fixed text, so the text
/// no longer changes. An accepted amendment is applied as the author's own edit is (<see cref="Proposal.Edit"/>), the
/// replaced text kept for the moderators, and stored as a new version.
/// </summary>
public sealed class BudgetProjectAmendmentTargets(BudgetAccess budgets, CocreoDbContext db, ModerationDirectory moderation, TextVersions versions) : IAmendmentTargets
{
    public string Kind => DebateKinds.Proposal;

    public async Task<AmendableSubject?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await budgets.ForProposalChangeAsync(id, user, cancellationToken) is not { } target)
        {
            return null;
        }
        var (proposal, budget) = (target.Proposal, target.Budget);
        var who = budget.Access;
        var status = await moderation.StatusAsync(ProposalContents.Kind, proposal.Id, cancellationToken);
        var read = budget.Decide(BudgetAction.View);
        Decision Changeable() =>
            budget.Decide(BudgetAction.Propose)
                .And(() => status.IsShown ? Decision.Allowed : AmendmentPermissions.NotNow("This proposal is hidden by the moderators: it takes no amendments."))
                .And(() => proposal.Status == ProposalStatus.Merged ? AmendmentPermissions.NotNow("This proposal was merged into another one: it takes no amendments.")
                    : proposal.IsWithdrawn ? AmendmentPermissions.NotNow("Its author withdrew this proposal: it takes no amendments.")
                    : proposal.ReviewedAt is not null ? AmendmentPermissions.NotNow("The budget's team has reviewed this project: its text no longer changes.")
                    : Decision.Allowed);
        var isAuthor = who.UserId is not null && proposal.AuthorUserId == who.UserId;
        var amend = read.And(() => !who.IsAuthenticated ? AmendmentPermissions.NotYours("Sign in to propose an amendment.")
            : isAuthor ? AmendmentPermissions.NotYours("You write this proposal: edit it instead of amending it.")
            : Changeable());
        var decide = read.And(() => !who.IsAuthenticated ? AmendmentPermissions.NotYours("Sign in to decide on amendments.")
            : !isAuthor ? AmendmentPermissions.NotYours("Only the project's author accepts or rejects its amendments.")
            : Changeable());
        var version = await versions.CurrentAsync(Kind, proposal.Id, cancellationToken);
        return new AmendableSubject(Kind, proposal.Id, budget.Process.Id, proposal.Title, proposal.Description, version, $"/proposals/{proposal.Id}", who, budget.Actor)
        {
            Read = read,
            Amend = amend,
            Decide = decide,
            LogNoun = "proposal",
            LogData = new { budget = proposal.BudgetId, proposal = proposal.Number },
            WrittenAt = proposal.SubmittedAt,
            WrittenBy = proposal.AuthorUserId,
        };
    }

    public async Task<IReadOnlyDictionary<int, AmendablePlace>> PlacesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Set<Proposal>().AsNoTracking().Where(p => ids.Contains(p.Id) && p.BudgetId != null)
            .Join(db.Set<Budget>(), p => p.BudgetId, b => b.Id, (p, b) => new { p.Id, p.Number, p.Title, p.BudgetId, b.ProcessId }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => new AmendablePlace(p.Title, $"/proposals/{p.Id}", p.ProcessId, new { budget = p.BudgetId, proposal = p.Number }));

    public async Task<int> ApplyAsync(AmendableSubject subject, AmendedText text, AmendmentApplied by, CancellationToken cancellationToken)
    {
        var proposal = await db.Set<Proposal>().SingleAsync(p => p.Id == subject.Id && p.BudgetId != null, cancellationToken);
        var budget = await db.Set<Budget>().SingleAsync(b => b.Id == proposal.BudgetId, cancellationToken);
        var before = Proposals.ProcessProposalAmendmentTargets.Original(proposal);
        if (proposal.Edit(budget, text.Title, text.Body, by.Now) is not { } replaced)
        {
            throw new AmendmentRuleException("NoChange");
        }
        moderation.KeepReplacedText(ProposalContents.Kind, proposal.Id, replaced, deleted: false, by.Now);
        return await versions.RecordAsync(Kind, proposal.Id, budget.ProcessId, before, text, by.AuthorUserId, by.AmendmentId, by.Now, cancellationToken);
    }

    public IQueryable<string>? ToldOfAmendments(int id) => db.Set<Proposal>().Where(p => p.Id == id && p.AuthorUserId != "").Select(p => p.AuthorUserId);
}
