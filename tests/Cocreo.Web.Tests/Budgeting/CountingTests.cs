using System.Globalization;
using Cocreo.Web.Features.Budgeting;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>Explanations a voter can check by hand, on elections small enough to count on paper.</summary>
public sealed class CountingTests
{
    private static readonly BallotPaper Paper = new(
        1, 1, BudgetPhase.Results, BallotForm.Approval, 100m, "EUR", 1, 3, 10, 5, 3, Eligibility.VerifiedAccount, false,
        [new BallotProject(1, 11, "Playground", 40m, "", ""), new BallotProject(2, 12, "Bridge", 60m, "", ""), new BallotProject(3, 13, "Benches", 20m, "", "")],
        []);

    private static BudgetBallot Ballot(string projects) => new() { Id = RandomIds.Next(), BudgetId = 1, Projects = projects, Answers = "" };

    [Fact]
    public void Equal_shares_says_what_each_supporter_paid_and_how_much_money_the_supporters_of_an_unfunded_project_had()
    {
        // Four voters, 25 each. Benches and the playground both cost their two supporters 10 and 20 a head per
        // effective vote; the tie goes to the cheaper benches (10 each). Then the playground's supporters have 15 + 15
        // for its 40, and the bridge's two have 25 + 25 for its 60.
        var settings = new CountingSettings(CountingRule.EqualShares, EqualSharesCompletionChoice.None, false, TieBreak.CostThenVotes, BallotForm.Approval);
        var document = Counting.Count(Paper, settings, [Ballot("1,3"), Ballot("1,3"), Ballot("2"), Ballot("2")]);
        var byNumber = document.Projects.ToDictionary(p => p.Number);

        Assert.Equal(new ProjectReason(ReasonKind.EqualSharesRound, 1, 2, 10m), byNumber[3].Reason);
        Assert.Equal(new ProjectReason(ReasonKind.SupportersCannotAfford, Amount: 30m, Needed: 40m), byNumber[1].Reason);
        Assert.Equal(new ProjectReason(ReasonKind.SupportersCannotAfford, Amount: 50m, Needed: 60m), byNumber[2].Reason);
        Assert.Equal(25m, document.PerVoterBudget);
        Assert.Equal(20m, document.Spent);
        // Greedy sees three projects with two votes each and takes the cheaper first: benches, playground; the bridge
        // no longer fits. The same two voters get a project either way.
        Assert.Equal(new GreedyContrast(4, 2, 2, [3, 1]), document.Contrast! with { GreedySelection = document.Contrast.GreedySelection.ToList() }, new ContrastComparer());

        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("en-GB");
        try
        {
            var t = new FormattingLocalizer();
            Assert.Equal("Not funded: its supporters had 30\u00a0EUR left together, and it needed 40\u00a0EUR.", ResultsText.Explain(byNumber[1], BallotForm.Approval, "EUR", t));
            Assert.Equal("Funded in round 1: 2 of its supporters paid for it, each at most 10\u00a0EUR from their equal share.", ResultsText.Explain(byNumber[3], BallotForm.Approval, "EUR", t));
            Assert.Equal("2 of 4 voters got at least one project they voted for. Counting greedily (most votes first) would have given the same number.", ResultsText.Comparison(document.Contrast, t));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Greedy_says_where_each_project_ranked_and_what_was_left()
    {
        var settings = new CountingSettings(CountingRule.Greedy, EqualSharesCompletionChoice.None, false, TieBreak.CostThenVotes, BallotForm.Approval);
        var document = Counting.Count(Paper, settings, [Ballot("1,2"), Ballot("1,2"), Ballot("2"), Ballot("3")]);
        var byNumber = document.Projects.ToDictionary(p => p.Number);
        // Bridge 3 votes (60, 40 left), playground 2 votes (40, 0 left), benches 1 vote: nothing left.
        Assert.Equal(new ProjectReason(ReasonKind.GreedyFunded, 1, 3, 100m), byNumber[2].Reason);
        Assert.Equal(new ProjectReason(ReasonKind.GreedyFunded, 2, 2, 40m), byNumber[1].Reason);
        Assert.Equal(new ProjectReason(ReasonKind.GreedyDoesNotFit, 3, 1, 0m, 20m), byNumber[3].Reason);
        Assert.Null(document.Contrast);
    }

    [Fact]
    public void A_project_nobody_voted_for_is_said_so()
    {
        var settings = new CountingSettings(CountingRule.EqualShares, EqualSharesCompletionChoice.Add1, false, TieBreak.ProjectNumber, BallotForm.Approval);
        var document = Counting.Count(Paper, settings, [Ballot("1"), Ballot("1,3")]);
        Assert.Equal(ReasonKind.NoSupport, document.Projects.Single(p => p.Number == 2).Reason.Kind);
        Assert.Equal(["--rule", "mes", "--completion", "add1", "--tie-break", "id"], settings.CommandLine());
        Assert.Equal("equalshares/add1", settings.PabulibRule);
    }

    private sealed class ContrastComparer : IEqualityComparer<GreedyContrast>
    {
        public bool Equals(GreedyContrast? x, GreedyContrast? y) =>
            x!.Voters == y!.Voters && x.SatisfiedByRule == y.SatisfiedByRule && x.SatisfiedByGreedy == y.SatisfiedByGreedy && x.GreedySelection.SequenceEqual(y.GreedySelection);

        public int GetHashCode(GreedyContrast obj) => obj.Voters.GetHashCode();
    }

    /// <summary>English: the key is the text, formatted with the arguments.</summary>
    private sealed class FormattingLocalizer : IStringLocalizer<BudgetingText>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.CurrentCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
