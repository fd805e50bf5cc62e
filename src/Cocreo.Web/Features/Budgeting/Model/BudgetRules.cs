namespace Cocreo.Web.Features.Budgeting;

/// <summary>The messages for rules a budget enforces (<see cref="BudgetRuleException"/>) and for ballots that break its form.</summary>
public static class BudgetRules
{
    public static string Message(string code) => code switch
    {
        "TitleMissing" => "Enter a title.",
        "AmountNotPositive" => "The amount must be more than zero.",
        "CurrencyCode" => "Enter the currency as its three-letter code, such as EUR.",
        "ProjectCountRange" => "The most projects a voter may choose must be at least one and not below the fewest.",
        "PointsRange" => "Voters need at least one point, and a project cannot get more points than a voter has.",
        "RankDepthRange" => "Voters must be able to rank at least one project, and at least the fewest they must choose.",
        "PopulationNotPositive" => "The number of people who may vote must be more than zero.",
        "SettingsLocked" => "Voting has opened: the ballot and the counting rule can no longer change.",
        "PhaseEndBeforeStart" => "The planned end cannot be before the planned start.",
        "LastPhase" => "This is the last phase.",
        "ElectionKeyMissing" => "The election key of this budget is missing, or is not the key voting opened with, so its sealed ballots cannot be opened. Restore the key file in the folder where the platform keeps election keys (Budgeting:ElectionKeysPath), shared by every server, then close voting again.",
        "SealedBallotUnreadable" => "A sealed ballot does not open with this budget's election key: the key file or the ballot was changed. Restore the original key file, then close voting again.",
        "ResultsNotPublished" => "Publish the results before moving on to implementation.",
        "NotCounting" => "Results can be published once, after voting has closed.",
        "NotCollectingProposals" => "This budget is not collecting proposals now.",
        "CostNegative" => "The cost cannot be negative.",
        "ReviewClosed" => "Voting has opened: proposals can no longer be reviewed or merged.",
        "ProposalMerged" => "This proposal was merged into another one.",
        "ReasonMissing" => "Give the public reason of your decision.",
        "FinalCostMissing" => "A feasible project needs its final cost.",
        "FinalCostOverBudget" => "The final cost is more than the whole budget.",
        "CannotMerge" => "Choose another open proposal of the same budget to merge into.",
        "NotFunded" => "Only funded projects have progress to report.",
        "ProgressRange" => "Progress is a number from 0 to 100.",
        "ProposalsNotReviewed" => "Review every proposal before voting opens.",
        "NoFeasibleProject" => "At least one proposal must be feasible before voting opens.",
        "CensusMissing" => "Upload the census list before voting opens.",
        "CensusLocked" => "Voting has opened: the census list can no longer be replaced.",
        "UnknownReference" => "Nobody on the census has this reference.",
        "AlreadyVoted" => "This person has already voted (online or on paper): do not hand over a ballot.",
        "VotingClosed" => VoteMessage(VoteStatus.VotingClosed),
        "NotRecorded" => VoteMessage(VoteStatus.NotRecorded),
        "PaperMismatch" => "This entry differs from the first entry of ballot {0}. Check the paper: if the first entry is wrong, discard it below and enter the ballot again.",
        "PaperSamePerson" => "You made the first entry of ballot {0}: someone else must make the second.",
        "PaperAlreadyCounted" => "Ballot {0} is already counted.",
        "PaperNoEntry" => "Ballot {0} has no entry waiting.",
        "PaperBallotsPending" => "Some paper ballots wait for their second entry: confirm or discard them first.",
        "ReissueReasonMissing" => "Give the reason for a new voting code (for example: the letter with the code was lost).",
        "ReissueReasonTooLong" => "The reason can have at most {0} characters.",
        "ReissuePending" => "A request for a new code for this person already waits for a second member of the team: confirm or reject it below.",
        "ReissueUnknown" => "There is no request number {0} in this budget.",
        "ReissueOwnRequest" => "You asked for request {0} yourself: a different member of the team must confirm it.",
        "ReissueDecided" => "Request {0} was already confirmed or rejected.",
        "ReissueVoted" => "The person of request {0} has voted since it was made: reject the request.",
        "ReissueClosed" => "Voting has closed: no new voting codes can be given.",
        "ReconciliationInternetDiffers" => "Voting cannot close: there are {0} internet ballots but {1} people marked as having voted online. Find the cause of the difference, or record the team's decision explaining it below.",
        "ReconciliationDiffers" => "The results cannot be published: the ballots and the marked register differ (internet ballots: {0}, people marked as voting online: {1}; paper ballots counted: {2}, people marked as voting on paper: {3}). Check the paper ballots against the people marked at the polling stations as voting on paper; if the difference cannot be corrected, record the team's decision explaining it below.",
        "ReconciliationBalanced" => "The ballots agree with the marked register: there is no difference to explain.",
        "ReconciliationChanged" => "The numbers changed since the page was shown. Look at them again before recording a decision.",
        "ReconciliationReasonMissing" => "Explain the difference: what was found, and why the vote can still be counted.",
        "ReconciliationReasonTooLong" => "The explanation can have at most {0} characters.",
        "ReconciliationClosed" => "A difference can be explained while voting is open and until the results are published.",
        "PaperBallotsClosed" => "Paper ballots can be entered while voting is open and until the results are published.",
        "QuestionNeedsAnswers" => "The question that ends on line {0} needs at least two answers, one per line.",
        "TooManyQuestions" => "A ballot can ask at most three questions (line {0}).",
        "AnswerLine" => "Line {0}: write an answer, then optionally “|” and its share of the population in per cent (for example: 65 or older | 21).",
        "TooManyImages" => "A proposal can have at most {0} pictures. Remove one to add another.",
        "CommentEmpty" => "Write your comment.",
        "CommentTooLong" => "A comment can have at most {0} characters.",
        "CommentDeleted" => "This comment was deleted by its author.",
        "ProcessClosed" => "The process is closed: it can no longer change.",
        _ => "This change is not allowed.",
    };

    /// <summary>What to change on a ballot that breaks the form; {0}, {1}, {2} are the problem's values.</summary>
    public static string BallotMessage(BallotProblemKind kind) => kind switch
    {
        BallotProblemKind.Empty => "Choose at least one project.",
        BallotProblemKind.TooFew => "Choose at least {0} projects; you chose {1}.",
        BallotProblemKind.TooMany => "Choose at most {0} projects; you chose {1}. Remove {2} to continue.",
        BallotProblemKind.OverBudget => "Your projects cost {0} together, {1} more than the budget of {2}. Remove a project to continue.",
        BallotProblemKind.UnknownProject => "Project {0} is not on this ballot.",
        BallotProblemKind.Twice => "Project {0} appears twice on your ballot: choose each project once.",
        BallotProblemKind.PointsTotal => "You gave {0} points; you have {1} to give. Take away {2}.",
        BallotProblemKind.PointsPerProject => "A project can get at most {0} points; “{1}” got {2}.",
        BallotProblemKind.PointsNotPositive => "Give each project you choose at least one point.",
        BallotProblemKind.TooManyRanks => "Rank at most {0} projects; you ranked {1}.",
        BallotProblemKind.UnknownAnswer => "Choose one of the answers offered to the question “{0}”.",
        BallotProblemKind.TooManyAnswers => "Send at most one answer per question: this ballot asks {0} questions and {1} answers were sent.",
        BallotProblemKind.PointsCount => "Send one number of points for each project you choose: {0} projects were chosen and {1} numbers of points sent.",
        BallotProblemKind.PointsNotAsked => "This ballot gives no points: send the projects you choose without points.",
        _ => "This ballot cannot be counted.",
    };

    /// <summary>What is wrong on a line of a census file; {0} and {1} are the problem's values.</summary>
    public static string CensusMessage(CensusProblemKind kind) => kind switch
    {
        CensusProblemKind.Empty => "The file is empty: its first line must name the columns (reference, and optionally name and email).",
        CensusProblemKind.NoReferenceColumn => "The first line must name a column “reference”; it names: {0}.",
        CensusProblemKind.FieldCount => "This line has {0} fields but the first line names {1} columns.",
        CensusProblemKind.BrokenQuotes => "A quotation mark is missing or misplaced on this line.",
        CensusProblemKind.ReferenceMissing => "The reference is empty.",
        CensusProblemKind.ReferenceTooLong => "The reference is longer than {0} characters.",
        CensusProblemKind.ReferenceTwice => "The reference {0} already appears on line {1}.",
        CensusProblemKind.NameTooLong => "The name is longer than {0} characters.",
        CensusProblemKind.EmailInvalid => "“{0}” is not an email address.",
        CensusProblemKind.EmailTwice => "The email address {0} already appears on line {1}.",
        CensusProblemKind.TooManyRows => "A census can list at most {0} people.",
        _ => "This line cannot be read.",
    };

    /// <summary>Why a ballot was not taken, in words a voter can act on.</summary>
    public static string VoteMessage(VoteStatus status) => status switch
    {
        VoteStatus.VotingClosed => "Voting is not open for this budget: ballots cannot be cast or changed now.",
        VoteStatus.SignInRequired => "Sign in to vote, or enter the voting code you were given.",
        VoteStatus.InvalidCode => "This voting code is not valid for this budget. Check it and try again (dashes and spaces do not matter).",
        VoteStatus.NotEligible => "Your account's email address is not on the list of people who may vote in this budget. Use the voting code you were given.",
        VoteStatus.AlreadyVoted => "A ballot of yours is already recorded in this budget, and it counts, even if you did not see a receipt (for example because the connection broke while it was being sent). You cannot vote again. With your receipt you can check that your ballot is in the count, and with your change code change it if this budget allows it.",
        VoteStatus.ChangesNotAllowed => "This budget does not allow changing a ballot once it is cast.",
        VoteStatus.ReceiptNotFound => "No ballot of yours in this budget has this change code. Check the code (the change code, not the receipt).",
        VoteStatus.NotRecorded => "Your ballot could not be recorded. Please try again in a moment.",
        _ => "Your ballot could not be taken.",
    };
}
