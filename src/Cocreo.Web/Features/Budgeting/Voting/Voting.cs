using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The ballots of budgets, as voters see them. A budget's ballot is fixed once voting opens, so it is cached briefly.</summary>
public sealed class BallotPapers(CocreoDbContext db, ProcessDirectory processes, OrganisationMembership organisations, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<BallotPaper?> ForAsync(int budgetId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(Key(budgetId), out BallotPaper? cached))
        {
            return cached;
        }
        var budget = await db.Set<Budget>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == budgetId, cancellationToken);
        if (budget is null)
        {
            return null;
        }
        var projects = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.BudgetId == budgetId && (budget.IsLocked ? p.OnBallot : p.Status == ProposalStatus.Feasible))
            .OrderBy(p => p.Number)
            .Select(p => new BallotProject(p.Number, p.Id, p.Title, p.FinalCost ?? p.EstimatedCost, p.Category, p.Location))
            .ToListAsync(cancellationToken);
        var paper = new BallotPaper(
            budget.Id, budget.ProcessId, budget.Phase, budget.Form, budget.Amount, budget.Currency, budget.MinProjects, budget.MaxProjects,
            budget.PointsToSpend, budget.MaxPointsPerProject, budget.RankDepth, budget.Eligibility, budget.AllowBallotChanges, projects,
            budget.Questions.OrderBy(q => q.Position).Select(q => new BallotQuestion(q.Text, q.Options)).ToList());
        if (budget.Phase == BudgetPhase.Voting)
        {
            cache.Set(Key(budgetId), paper, Lifetime);
        }
        return paper;
    }

    /// <summary>
    /// Who may see a process and whether it is closed, cached as briefly as the ballot: every ballot asks. A process of
    /// a suspended organisation counts as closed: it takes no ballot.
    /// </summary>
    public async Task<(ProcessVisibility Visibility, bool IsClosed)?> ProcessAsync(int processId, CancellationToken cancellationToken = default)
    {
        var key = "ballot-process:" + processId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (cache.TryGetValue(key, out (ProcessVisibility, bool)? cached))
        {
            return cached;
        }
        var process = await processes.FindAsync(processId, cancellationToken);
        (ProcessVisibility, bool)? facts = process is null ? null
            : (process.Visibility, process.IsClosed || await organisations.StandingOfAsync(process.OrganisationId, cancellationToken) == OrganisationStanding.Suspended);
        cache.Set(key, facts, Lifetime);
        return facts;
    }

    /// <summary>Forgets a budget's ballot on this server (its phase changed); other servers' copies expire within seconds, and the ballot box checks the phase itself.</summary>
    public void Forget(int budgetId) => cache.Remove(Key(budgetId));

    private static string Key(int budgetId) => "ballot-paper:" + budgetId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How a voter proves who they are: signed in, or a one-time voting code from the census.</summary>
public sealed record VoterCredential(ClaimsPrincipal User, string? Code);

public enum VoteStatus
{
    Recorded,
    Changed,
    Invalid,
    NotFound,
    VotingClosed,
    SignInRequired,
    InvalidCode,
    NotEligible,
    AlreadyVoted,
    ChangesNotAllowed,
    ReceiptNotFound,
    NotRecorded,
}

/// <summary>
/// What casting gave the voter: the receipt (formatted; it proves the ballot is in the count, never what it says) and,
/// where ballots may be changed, the change code (the only way to change it; not derivable from the receipt).
/// </summary>
public sealed record VoteResult(VoteStatus Status, string? Receipt = null, IReadOnlyList<BallotProblem>? Problems = null, string? ChangeCode = null);

/// <summary>Where a receipt's ballot is: nowhere, sealed in the ballot box (voting open), or among the counted ballots.</summary>
public enum ReceiptState
{
    NotFound,
    InBallotBox,
    Counted,
}

/// <summary>
/// Casting and changing a ballot: find out who the voter is (for the marked register), check the ballot against the
/// form, seal it with the budget's election key (<see cref="BallotSeal"/>) and hand it to the <see cref="BallotBox"/>.
/// The receipt and the change code are made here and returned once; the receipt is stored with the sealed ballot (it
/// is published when voting closes, apart from the ballots), the change code only as a hash.
/// </summary>
public sealed class Voting(
    CocreoDbContext db,
    BallotBox box,
    BallotPapers papers,
    ProcessDirectory processes,
    ProcessAccessReader accessReader,
    UserManager<CocreoUser> users,
    ElectionKeys keys)
{
    /// <param name="changeCode">The change code of the voter's ballot, to change it; null or empty to cast a new one.</param>
    public async Task<VoteResult> CastAsync(int budgetId, VoterCredential credential, BallotChoice choice, string? changeCode, Func<decimal, string> money, CancellationToken cancellationToken = default)
    {
        var paper = await papers.ForAsync(budgetId, cancellationToken);
        if (paper is null || !await CanSeeAsync(paper, credential.User, cancellationToken))
        {
            return new(VoteStatus.NotFound);
        }
        if (paper.Phase != BudgetPhase.Voting)
        {
            return new(VoteStatus.VotingClosed);
        }
        var changing = !string.IsNullOrWhiteSpace(changeCode);
        string? voterKey = null;
        string? codeHash = null;
        if (!changing && !string.IsNullOrWhiteSpace(credential.Code))
        {
            // A new ballot with a code: the ballot box looks the code up with the rest of its batch.
            codeHash = VotingCodes.Hash(credential.Code);
            if (paper.Eligibility != Eligibility.Census || codeHash.Length == 0)
            {
                return new(VoteStatus.InvalidCode);
            }
        }
        else
        {
            (voterKey, var refusal) = await IdentifyAsync(paper, credential, cancellationToken);
            if (voterKey is null)
            {
                return new(refusal);
            }
        }
        var problems = paper.Check(choice, money);
        if (problems.Count > 0)
        {
            return new(VoteStatus.Invalid, Problems: problems);
        }
        choice = choice with { Points = paper.HasPoints ? choice.Points : null };
        if (await keys.ForSealingAsync(db, budgetId, cancellationToken) is not { } key)
        {
            return new(VoteStatus.NotRecorded);
        }
        if (changing)
        {
            return await ChangeAsync(paper, key, voterKey!, changeCode!, choice, cancellationToken);
        }
        var receipt = VotingCodes.NewReceipt();
        var newChangeCode = paper.AllowBallotChanges ? VotingCodes.NewChangeCode() : null;
        var ballot = new SealedBallot
        {
            Id = RandomIds.Next(),
            BudgetId = budgetId,
            Receipt = receipt,
            ChangeCodeHash = newChangeCode is null ? null : VotingCodes.Hash(newChangeCode),
            Sealed = BallotSeal.Seal(key, budgetId, receipt, choice, BallotSeal.SizeFor(paper)),
        };
        return await box.CastAsync(new BallotSubmission(budgetId, voterKey, ballot, codeHash)) switch
        {
            CastOutcome.Recorded => new(VoteStatus.Recorded, VotingCodes.Format(receipt), ChangeCode: newChangeCode),
            CastOutcome.AlreadyVoted => new(VoteStatus.AlreadyVoted),
            CastOutcome.VotingClosed => new(VoteStatus.VotingClosed),
            CastOutcome.InvalidCode => new(VoteStatus.InvalidCode),
            _ => new(VoteStatus.NotRecorded),
        };
    }

    /// <summary>Whether this person may vote here and has not yet: for the ballot page, before they fill it in.</summary>
    public async Task<(string? VoterKey, VoteStatus Refusal, bool HasVoted)> CheckVoterAsync(BallotPaper paper, VoterCredential credential, CancellationToken cancellationToken = default)
    {
        var (voterKey, refusal) = await IdentifyAsync(paper, credential, cancellationToken);
        var hasVoted = voterKey is not null && await db.Set<BudgetVoter>().AnyAsync(v => v.BudgetId == paper.BudgetId && v.VoterKey == voterKey, cancellationToken);
        return (voterKey, refusal, hasVoted);
    }

    private async Task<bool> CanSeeAsync(BallotPaper paper, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await papers.ProcessAsync(paper.ProcessId, cancellationToken) is not var (visibility, isClosed) || isClosed)
        {
            return false;
        }
        // Public and unlisted processes are open to all; only a private one needs to know who is asking.
        if (ProcessPermissions.Allows(ProcessAction.View, visibility, false, ProcessAccess.Anonymous))
        {
            return true;
        }
        var process = await processes.FindAsync(paper.ProcessId, cancellationToken);
        return process is not null && user.UserId() is not null && ProcessPermissions.Allows(ProcessAction.View, process, await accessReader.ForAsync(user, process, cancellationToken));
    }

    private async Task<(string? VoterKey, VoteStatus Refusal)> IdentifyAsync(BallotPaper paper, VoterCredential credential, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(credential.Code))
        {
            var hash = VotingCodes.Hash(credential.Code);
            if (paper.Eligibility != Eligibility.Census || hash.Length == 0)
            {
                return (null, VoteStatus.InvalidCode);
            }
            var entry = await db.Set<CensusEntry>().AsNoTracking()
                .Where(e => e.BudgetId == paper.BudgetId && e.CodeHash == hash)
                .Select(e => (long?)e.Id)
                .FirstOrDefaultAsync(cancellationToken);
            return entry is { } id ? (BudgetVoter.ForCensusEntry(id), VoteStatus.Recorded) : (null, VoteStatus.InvalidCode);
        }
        if (credential.User.UserId() is not { } userId || await users.FindByIdAsync(userId) is not { EmailConfirmed: true } user)
        {
            return (null, VoteStatus.SignInRequired);
        }
        if (paper.Eligibility == Eligibility.VerifiedAccount)
        {
            return (BudgetVoter.ForAccount(userId), VoteStatus.Recorded);
        }
        var email = (user.Email ?? "").ToUpperInvariant();
        var censusEntry = await db.Set<CensusEntry>().AsNoTracking()
            .Where(e => e.BudgetId == paper.BudgetId && e.Email == email && e.Email != "")
            .Select(e => (long?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return censusEntry is { } entryId ? (BudgetVoter.ForCensusEntry(entryId), VoteStatus.Recorded) : (null, VoteStatus.NotEligible);
    }

    /// <summary>
    /// Replaces the choices of the ballot the change code names, sealing them again. The voter must also have voted
    /// (their marker exists), and only the voter has the change code: a receipt (published) cannot change a ballot.
    /// The ballot keeps its row and its receipt, so it still counts once.
    /// </summary>
    private async Task<VoteResult> ChangeAsync(BallotPaper paper, byte[] key, string voterKey, string changeCode, BallotChoice choice, CancellationToken cancellationToken)
    {
        if (!paper.AllowBallotChanges)
        {
            return new(VoteStatus.ChangesNotAllowed);
        }
        var changeCodeHash = VotingCodes.Hash(changeCode);
        if (changeCodeHash.Length == 0)
        {
            return new(VoteStatus.ReceiptNotFound);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await IsVotingAsync(paper.BudgetId, cancellationToken))
        {
            return new(VoteStatus.VotingClosed);
        }
        if (!await db.Set<BudgetVoter>().AnyAsync(v => v.BudgetId == paper.BudgetId && v.VoterKey == voterKey, cancellationToken))
        {
            return new(VoteStatus.ReceiptNotFound);
        }
        var ballot = await db.Set<SealedBallot>().AsNoTracking()
            .SingleOrDefaultAsync(b => b.BudgetId == paper.BudgetId && b.ChangeCodeHash == changeCodeHash, cancellationToken);
        if (ballot is null)
        {
            return new(VoteStatus.ReceiptNotFound);
        }
        var resealed = BallotSeal.Seal(key, paper.BudgetId, ballot.Receipt, choice, BallotSeal.SizeFor(paper));
        await db.Set<SealedBallot>().Where(b => b.Id == ballot.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Sealed, resealed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(VoteStatus.Changed, VotingCodes.Format(ballot.Receipt), ChangeCode: changeCode);
    }

    /// <summary>Whether the budget is in its voting phase, holding it there (PostgreSQL: FOR SHARE) until the transaction ends.</summary>
    private async Task<bool> IsVotingAsync(int budgetId, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT \"Phase\" AS \"Value\" FROM \"Budgets\" WHERE \"Id\" = {0} FOR SHARE"
            : "SELECT \"Phase\" AS \"Value\" FROM \"Budgets\" WHERE \"Id\" = {0}";
        var phase = await db.Database.SqlQueryRaw<string>(sql, budgetId).ToListAsync(cancellationToken);
        return phase.SingleOrDefault() == nameof(BudgetPhase.Voting);
    }

    /// <summary>
    /// Whether the ballot of a receipt is in the ballot box or among the counted ballots. It never says what the ballot
    /// holds: a receipt shown to someone else (a vote buyer) proves only that the ballot is in the count.
    /// </summary>
    public async Task<ReceiptState> FindReceiptAsync(int budgetId, string? receipt, CancellationToken cancellationToken = default)
    {
        var normalized = VotingCodes.NormalizeReceipt(receipt);
        if (normalized.Length == 0)
        {
            return ReceiptState.NotFound;
        }
        if (await db.Set<BallotReceiptEntry>().AnyAsync(r => r.BudgetId == budgetId && r.Receipt == normalized, cancellationToken))
        {
            return ReceiptState.Counted;
        }
        return await db.Set<SealedBallot>().AnyAsync(b => b.BudgetId == budgetId && b.Receipt == normalized, cancellationToken)
            ? ReceiptState.InBallotBox
            : ReceiptState.NotFound;
    }
}
