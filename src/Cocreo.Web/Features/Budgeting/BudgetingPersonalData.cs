using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A person's proposals and supports (their comments are the debate's part), the budgets they voted in (that they voted, from the marked
/// register: a ballot cannot be linked to its voter, so what they chose is not here and cannot be), and what they
/// did as staff (paper ballots entered, voting codes reissued, reconciliations decided). Deleting the account keeps
/// all of it; the marked register keeps its
/// key so nobody votes twice, pointing at an account that no longer names anyone. Staff records keep the name they
/// were made with, as the public log does.
/// </summary>
public sealed class BudgetingPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "budgeting";

    public override IReadOnlyCollection<string> Columns { get; } =
    [
        "Proposals.AuthorUserId", "ProposalSupports.UserId", $"{BallotTables.Voters}.VoterKey",
        "CodeReissueRequests.RequestedByUserId", "CodeReissueRequests.DecidedByUserId", "PaperBallotEntries.EnteredByUserId",
        "BudgetReconciliationDecisions.DecidedByUserId",
    ];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var voterKey = BudgetVoter.ForAccount(userId);
        return new
        {
            proposals = await db.Set<Proposal>().AsNoTracking()
                .Where(p => p.AuthorUserId == userId)
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, process = p.ProcessId, budget = p.BudgetId, p.Number, p.Title, p.Description, p.Location, p.Latitude, p.Longitude, p.Category, p.EstimatedCost, p.SubmittedAt, status = p.Status.ToString() })
                .ToListAsync(cancellationToken),
            supported = await db.Set<ProposalSupport>().AsNoTracking()
                .Where(s => s.UserId == userId)
                .Select(s => s.ProposalId)
                .OrderBy(id => id)
                .ToListAsync(cancellationToken),
            votedIn = await db.Set<BudgetVoter>().AsNoTracking()
                .Where(v => v.VoterKey == voterKey)
                .Join(db.Set<Budget>(), v => v.BudgetId, b => b.Id, (v, b) => new { budget = b.Id, b.Title, channel = v.Channel.ToString() })
                .ToListAsync(cancellationToken),
            asStaff = new
            {
                paperBallotsEntered = await db.Set<PaperBallotEntry>().AsNoTracking()
                    .Where(e => e.EnteredByUserId == userId)
                    .Select(e => new { budget = e.BudgetId, e.Serial, e.EnteredAt, e.Counted })
                    .ToListAsync(cancellationToken),
                codeReissuesRequested = await db.Set<CodeReissueRequest>().AsNoTracking()
                    .Where(r => r.RequestedByUserId == userId)
                    .Select(r => new { budget = r.BudgetId, r.Number, r.RequestedAt })
                    .ToListAsync(cancellationToken),
                codeReissuesDecided = await db.Set<CodeReissueRequest>().AsNoTracking()
                    .Where(r => r.DecidedByUserId == userId)
                    .Select(r => new { budget = r.BudgetId, r.Number, status = r.Status.ToString(), r.DecidedAt })
                    .ToListAsync(cancellationToken),
                reconciliationsDecided = await db.Set<ReconciliationDecision>().AsNoTracking()
                    .Where(d => d.DecidedByUserId == userId)
                    .Select(d => new { budget = d.BudgetId, d.Reason, d.DecidedAt })
                    .ToListAsync(cancellationToken),
            },
        };
    }
}
