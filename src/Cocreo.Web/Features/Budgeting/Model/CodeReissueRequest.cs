namespace Cocreo.Web.Features.Budgeting;

public enum ReissueStatus
{
    Pending,
    Confirmed,
    Rejected,
}

/// <summary>
/// A request for a new voting code for someone on the census, with its stated reason. One member of the team asks;
/// a different member confirms it (only then is a new code made) or rejects it. So no single staff account can make
/// codes it could vote with; every step is counted in the public log by the request's number, never naming the voter.
/// The reason and who asked are for the team, not the public log (a reason may name the voter).
/// </summary>
public sealed class CodeReissueRequest
{
    public const int ReasonLength = 500;

    private CodeReissueRequest()
    {
    }

    public int Id { get; private set; }
    public int BudgetId { get; private set; }

    /// <summary>1, 2, 3... within the budget: how the public log names the request.</summary>
    public int Number { get; private set; }

    public long CensusEntryId { get; private set; }
    public string Reason { get; private set; } = "";
    public string RequestedByUserId { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public ReissueStatus Status { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Changes with the decision, so two people deciding at once cannot both make a code.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public static CodeReissueRequest Make(Budget budget, int number, long censusEntryId, string? reason, string userId, string userName, DateTime now)
    {
        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            throw new BudgetRuleException("ReissueReasonMissing", "Reason");
        }
        if (text.Length > ReasonLength)
        {
            throw new BudgetRuleException("ReissueReasonTooLong", "Reason", ReasonLength);
        }
        CheckOpen(budget);
        return new CodeReissueRequest
        {
            BudgetId = budget.Id,
            Number = number,
            CensusEntryId = censusEntryId,
            Reason = text,
            RequestedByUserId = userId,
            RequestedByName = userName,
            RequestedAt = now,
            Status = ReissueStatus.Pending,
        };
    }

    /// <summary>A second member of the team confirms: the caller then makes the new code. The one who asked cannot.</summary>
    public void Confirm(Budget budget, string userId, string userName, DateTime now)
    {
        CheckPending();
        CheckOpen(budget);
        if (userId == RequestedByUserId)
        {
            throw new BudgetRuleException("ReissueOwnRequest", null, Number);
        }
        Decide(ReissueStatus.Confirmed, userId, userName, now);
    }

    /// <summary>Anyone of the team may reject a request (the one who asked withdraws it): no code is made.</summary>
    public void Reject(string userId, string userName, DateTime now)
    {
        CheckPending();
        Decide(ReissueStatus.Rejected, userId, userName, now);
    }

    /// <summary>New codes are given until voting closes; after that a code could only be used to cast nothing.</summary>
    private static void CheckOpen(Budget budget)
    {
        if (budget.Phase > BudgetPhase.Voting)
        {
            throw new BudgetRuleException("ReissueClosed");
        }
    }

    private void CheckPending()
    {
        if (Status != ReissueStatus.Pending)
        {
            throw new BudgetRuleException("ReissueDecided", null, Number);
        }
    }

    private void Decide(ReissueStatus status, string userId, string userName, DateTime now)
    {
        Status = status;
        DecidedByUserId = userId;
        DecidedByName = userName;
        DecidedAt = now;
        Version = Guid.NewGuid();
    }
}

/// <summary>
/// The team's recorded decision on a difference between the ballots and the marked register (<see cref="Reconciliation"/>):
/// the numbers it saw, its explanation, who recorded it. The vote closes and the results are published despite a
/// difference only while the differences are still those this decision explained; it is in the public log.
/// </summary>
public sealed class ReconciliationDecision
{
    public const int ReasonLength = 2_000;

    private ReconciliationDecision()
    {
    }

    public int Id { get; private set; }
    public int BudgetId { get; private set; }
    public long InternetBallots { get; private set; }
    public long InternetVoters { get; private set; }
    public long PaperBallots { get; private set; }
    public long PaperVoters { get; private set; }
    public string Reason { get; private set; } = "";
    public string DecidedByUserId { get; private set; } = "";
    public string DecidedByName { get; private set; } = "";
    public DateTime DecidedAt { get; private set; }

    public long InternetDifference => InternetBallots - InternetVoters;

    public long PaperDifference => PaperBallots - PaperVoters;

    public static ReconciliationDecision Record(Budget budget, BallotReconciliation numbers, string? reason, string userId, string userName, DateTime now)
    {
        if (!(budget.Phase == BudgetPhase.Voting || (budget.Phase == BudgetPhase.Results && !budget.ResultsArePublished)))
        {
            throw new BudgetRuleException("ReconciliationClosed");
        }
        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            throw new BudgetRuleException("ReconciliationReasonMissing", "Reason");
        }
        if (text.Length > ReasonLength)
        {
            throw new BudgetRuleException("ReconciliationReasonTooLong", "Reason", ReasonLength);
        }
        if (numbers.Internet.Balanced && numbers.Paper.Balanced)
        {
            throw new BudgetRuleException("ReconciliationBalanced");
        }
        return new ReconciliationDecision
        {
            BudgetId = budget.Id,
            InternetBallots = numbers.Internet.Ballots,
            InternetVoters = numbers.Internet.Voters,
            PaperBallots = numbers.Paper.Ballots,
            PaperVoters = numbers.Paper.Voters,
            Reason = text,
            DecidedByUserId = userId,
            DecidedByName = userName,
            DecidedAt = now,
        };
    }
}
