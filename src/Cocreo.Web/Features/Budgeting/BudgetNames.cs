using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The words shown for the budget's choices and states.</summary>
public static class BudgetNames
{
    /// <summary>A language in the reader's words (the platform's two); any other by its own name.</summary>
    public static string LanguageName(IStringLocalizer<BudgetingText> t, string code) => code switch
    {
        "en" => t["English"],
        "sl" => t["Slovenian"],
        _ => Processes.ContentLanguages.NameOf(code),
    };

    public static string Phase(IStringLocalizer<BudgetingText> t, BudgetPhase phase) => phase switch
    {
        BudgetPhase.Proposals => t["Proposals"],
        BudgetPhase.Review => t["Review"],
        BudgetPhase.Voting => t["Voting"],
        BudgetPhase.Results => t["Results"],
        _ => t["Implementation"],
    };

    public static string Rule(IStringLocalizer<BudgetingText> t, CountingRule rule) => rule switch
    {
        CountingRule.Greedy => t["Greedy: the most-voted projects that fit"],
        _ => t["Method of Equal Shares: every voter controls an equal share"],
    };

    public static string Completion(IStringLocalizer<BudgetingText> t, EqualSharesCompletionChoice completion) => completion switch
    {
        EqualSharesCompletionChoice.None => t["None: money left over stays unspent"],
        EqualSharesCompletionChoice.Add1 => t["Add1: raise every voter's share by one unit while the outcome still fits"],
        EqualSharesCompletionChoice.Add1ThenGreedy => t["Add1, then fund what still fits in order of votes"],
        _ => t["Fund what still fits in order of votes"],
    };

    public static string TieBreak(IStringLocalizer<BudgetingText> t, TieBreak tieBreak) => tieBreak switch
    {
        Budgeting.TieBreak.CostThenVotes => t["The cheaper project, then the one with more votes"],
        _ => t["The smaller project number"],
    };

    public static string Form(IStringLocalizer<BudgetingText> t, BallotForm form) => form switch
    {
        BallotForm.Approval => t["Approval: tick the projects you support"],
        BallotForm.Knapsack => t["Knapsack: choose projects up to the budget"],
        BallotForm.Cumulative => t["Cumulative: spread points over projects"],
        _ => t["Ranked: rank your favourite projects"],
    };

    public static string Eligibility(IStringLocalizer<BudgetingText> t, Eligibility eligibility) => eligibility switch
    {
        Budgeting.Eligibility.VerifiedAccount => t["Anyone with a verified account"],
        _ => t["People on the census list (account or voting code)"],
    };

    public static string Status(IStringLocalizer<BudgetingText> t, ProposalStatus status) => status switch
    {
        ProposalStatus.Submitted => t["Waiting for review"],
        ProposalStatus.Feasible => t["Feasible"],
        ProposalStatus.Unfeasible => t["Not feasible"],
        _ => t["Merged into another proposal"],
    };

    public static string Implementation(IStringLocalizer<BudgetingText> t, ImplementationStatus status) => status switch
    {
        ImplementationStatus.Planned => t["Planned"],
        ImplementationStatus.InProgress => t["In progress"],
        ImplementationStatus.Completed => t["Completed"],
        ImplementationStatus.Cancelled => t["Cancelled"],
        _ => t["Not funded"],
    };

    /// <summary>The non-empty parts, separated by a middle dot.</summary>
    public static string Joined(params string[] parts) => string.Join(" · ", parts.Where(part => part.Length > 0));
}
