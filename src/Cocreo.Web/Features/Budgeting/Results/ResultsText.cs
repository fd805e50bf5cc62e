using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The results in plain words, from the engine's explanation data, in the reader's language.</summary>
public static class ResultsText
{
    public static string Explain(ProjectResult project, BallotForm form, string currency, IStringLocalizer<BudgetingText> t)
    {
        var reason = project.Reason;
        string Money(decimal? amount) => Budgeting.Money.Show(amount ?? 0, currency);
        var ranking = form switch
        {
            BallotForm.Cumulative => t["by points"],
            BallotForm.Ranked => t["by points from the rankings"],
            _ => t["by votes"],
        };
        return reason.Kind switch
        {
            ReasonKind.EqualSharesRound => t["Funded in round {0}: {1} of its supporters paid for it, each at most {2} from their equal share.", reason.Round!, reason.Supporters!, Money(reason.Amount)],
            ReasonKind.Free => t["Funded first: it costs nothing and has supporters."],
            ReasonKind.Completion => t["Funded from the money left over: it had the most support among the projects that still fitted."],
            ReasonKind.SupportersCannotAfford => t["Not funded: its supporters had {0} left together, and it needed {1}.", Money(reason.Amount), Money(reason.Needed)],
            ReasonKind.SupportersCannotAffordUnknown => t["Not funded: its supporters did not have enough money left to pay its {0}.", Money(reason.Needed)],
            ReasonKind.NoSupport => t["Not funded: nobody voted for it."],
            ReasonKind.GreedyFunded => t["Funded: it was number {0} {1}, and its cost fitted in the {2} still left.", reason.Round!, ranking, Money(reason.Amount)],
            _ => t["Not funded: it was number {0} {1}, but only {2} was left when its turn came, and it needed {3}.", reason.Round!, ranking, Money(reason.Amount), Money(reason.Needed)],
        };
    }

    public static string Comparison(GreedyContrast contrast, IStringLocalizer<BudgetingText> t)
    {
        var difference = contrast.SatisfiedByRule - contrast.SatisfiedByGreedy;
        return difference switch
        {
            > 0 => t["{0} of {1} voters got at least one project they voted for. Counting greedily (most votes first) would have given {2}: the Method of Equal Shares reached {3} more voters.", contrast.SatisfiedByRule, contrast.Voters, contrast.SatisfiedByGreedy, difference],
            0 => t["{0} of {1} voters got at least one project they voted for. Counting greedily (most votes first) would have given the same number.", contrast.SatisfiedByRule, contrast.Voters],
            _ => t["{0} of {1} voters got at least one project they voted for. Counting greedily (most votes first) would have given {2}, that is {3} more.", contrast.SatisfiedByRule, contrast.Voters, contrast.SatisfiedByGreedy, -difference],
        };
    }
}
