using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>A participatory budget from proposals to implementation, on each database.</summary>
public abstract class BudgetLifecycleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task A_budget_goes_through_every_phase_and_the_log_records_each_step()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId, BudgetFields(amount: 100_000m));

        // Proposals: residents propose, support and comment; staff merge a duplicate.
        var park = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A pocket park", 40_000m));
        var trees = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("Trees on Main street", 30_000m));
        var treesAgain = await ProposeAsync(cast.OtherStaffClient, budgetId, new Idea("More trees on Main street", 35_000m));
        var bridge = await ProposeAsync(cast.AdminClient, budgetId, new Idea("A new bridge", 90_000m, "Traffic"));
        var bench = await ProposeAsync(cast.FacilitatorClient, budgetId, new Idea("Benches by the river", 20_000m, "Culture"));
        await SupportAsync(cast.OtherStaffClient, treesAgain);
        await SupportAsync(cast.AdminClient, treesAgain);
        await SupportAsync(cast.AdminClient, trees);
        var comment = await cast.OtherStaffClient.SubmitAsync($"/proposals/{park}", new() { ["Comment"] = "Yes, **please**!" }, handler: "Comment");
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        var onDuplicate = await cast.AdminClient.SubmitAsync($"/proposals/{treesAgain}", new() { ["Comment"] = "Plane trees, please." }, handler: "Comment");
        Assert.Equal(HttpStatusCode.Redirect, onDuplicate.StatusCode);
        var merge = await cast.FacilitatorClient.SubmitAsync($"/proposals/{treesAgain}/review", new() { ["MergeInto"] = trees.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler: "Merge");
        Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        var supporters = await App.WithDbAsync(db => db.Set<ProposalSupport>().Where(s => s.ProposalId == trees).Select(s => s.UserId).ToListAsync());
        Assert.Equal(new[] { cast.Admin.Id, cast.OtherStaff.Id }.Order(), supporters.Order());
        // The duplicate's debate moved with it: its comment is shown once, under the proposal merged into.
        Assert.Contains("Plane trees, please.", (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{trees}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().CountAsync(c => c.TargetKind == "proposal" && c.TargetId == treesAgain)));
        Assert.Contains("Yes, please!", (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{park}")).Body!.TextContent, StringComparison.Ordinal);

        // Review: voting cannot open while a proposal waits for review.
        Assert.Contains("Review", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        await ReviewAsync(cast.FacilitatorClient, park, feasible: true, 40_000m);
        await ReviewAsync(cast.FacilitatorClient, trees, feasible: true, 30_000m);
        await ReviewAsync(cast.FacilitatorClient, bridge, feasible: false);
        Assert.EndsWith("Review every proposal before voting opens.", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        await ReviewAsync(cast.FacilitatorClient, bench, feasible: true, 20_000m);
        Assert.Contains("Voting", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);

        // Settings are locked once voting opens.
        var locked = await cast.OwnerClient.GetOkPageAsync($"/budgets/{budgetId}/settings");
        Assert.Contains("can no longer change", locked.Body!.TextContent, StringComparison.Ordinal);

        // Voting: the ballot lists the feasible projects only.
        var numbers = await NumbersAsync(App, budgetId);
        var ballot = await cast.ParticipantClient.GetOkPageAsync($"/budgets/{budgetId}/vote");
        Assert.Equal([numbers[park], numbers[trees], numbers[bench]], ballot.QuerySelectorAll("input[name=Selected]").Select(i => int.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).Order());
        foreach (var (client, choice) in new[] { (cast.ParticipantClient, new[] { park, trees }), (cast.OtherStaffClient, new[] { trees }), (cast.AdminClient, new[] { bench }), (cast.FacilitatorClient, new[] { park }) })
        {
            var vote = await client.SubmitAsync($"/budgets/{budgetId}/vote", Selected(choice.Select(p => numbers[p])));
            Assert.True(vote.StatusCode == HttpStatusCode.Redirect, await Problems(vote));
        }
        var voted = await cast.AdminClient.GetOkPageAsync($"/budgets/{budgetId}/voted");
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){2}$", voted.QuerySelector("[aria-label=Receipt] code")!.TextContent);
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", voted.QuerySelector("[aria-label='Change code'] code")!.TextContent);

        // Results: closing and counting.
        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        Assert.Contains("Publish the results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        await PublishAsync(cast.OwnerClient, budgetId);
        var results = await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}/results");
        var text = results.Body!.TextContent;
        Assert.Contains("4 ballots were counted", text, StringComparison.Ordinal);
        Assert.Contains("Funded in round", text, StringComparison.Ordinal);
        Assert.NotNull(results.QuerySelector("svg[role=img] title"));
        var document = await ResultsAsync(cast.AnonymousClient, budgetId);
        Assert.All(document.Projects, p => Assert.Equal(p.Funded, p.Reason.Kind is ReasonKind.EqualSharesRound or ReasonKind.Completion or ReasonKind.Free));

        // Implementation: staff report progress on a funded project; anyone can follow it.
        var funded = (await App.WithDbAsync(db => db.Set<Proposal>().Where(p => p.BudgetId == budgetId && p.Funded).Select(p => p.Id).ToListAsync())).First();
        Assert.Contains("Implementation", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        var progress = await cast.FacilitatorClient.SubmitAsync($"/proposals/{funded}/progress", new() { ["Input.Status"] = "InProgress", ["Input.Progress"] = "40", ["Input.Text"] = "The ground works started." });
        Assert.Equal(HttpStatusCode.Redirect, progress.StatusCode);
        var following = await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}/implementation");
        Assert.Contains("The ground works started.", following.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("40", following.GetElementById($"progress-{funded}")!.GetAttribute("value"));

        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        Assert.True(log.GetProperty("verification").GetProperty("isIntact").GetBoolean());
        var actions = log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).Where(a => !a.StartsWith("member.", StringComparison.Ordinal) && a != "process.created").ToList();
        Assert.Equal(
            [
                "budget.created",
                "proposal.submitted", "proposal.submitted", "proposal.submitted", "proposal.submitted", "proposal.submitted",
                "proposal.supported", "proposal.supported", "proposal.supported", "proposal.commented", "proposal.commented", "proposal.merged",
                "budget.phase-advanced", "proposal.reviewed", "proposal.reviewed", "proposal.reviewed", "proposal.reviewed",
                "budget.voting-opened", "budget.voting-closed", "budget.results-published", "budget.phase-advanced", "project.progress",
            ],
            actions);
        var opened = log.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "budget.voting-opened");
        Assert.Equal("equalshares/add1", opened.GetProperty("data").GetProperty("rule").GetString());
        // The log names staff, never residents, and never says who voted.
        Assert.DoesNotContain("Participant Pia", log.GetRawText(), StringComparison.Ordinal);
        var closed = log.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "budget.voting-closed");
        Assert.Equal(4, closed.GetProperty("data").GetProperty("ballots").GetInt32());
    }

    [Fact]
    public async Task Approval_ballots_counted_greedily_fund_the_most_voted_projects_that_fit()
    {
        var (cast, budgetId, codes) = await ElectionAsync(BallotForm.Approval, CountingRule.Greedy, 5);
        int[][] ballots = [[1, 2], [1, 3], [1], [2, 4], [4, 3]];
        await CastAllAsync(cast, budgetId, codes, ballots);
        await CloseAndPublishAsync(cast.OwnerClient, budgetId);
        var results = await ResultsAsync(cast.AnonymousClient, budgetId);
        Assert.Equal(new Dictionary<int, long> { [1] = 3, [2] = 2, [3] = 2, [4] = 2 }, results.Projects.ToDictionary(p => p.Number, p => p.Votes));
        // Playground first (3 votes); the ties at 2 go to the cheaper: bike racks, then the library corner; the lamps no longer fit.
        Assert.Equal([1, 3, 2], results.Projects.Where(p => p.Funded).OrderBy(p => p.SelectedAs).Select(p => p.Number));
        var lamps = results.Projects.Single(p => p.Number == 4);
        Assert.Equal(new ProjectReason(ReasonKind.GreedyDoesNotFit, 4, 2, 0m, 50_000m), lamps.Reason);
        Assert.Null(results.Contrast);
    }

    [Fact]
    public async Task Ranked_ballots_are_counted_by_ranking_points()
    {
        var (cast, budgetId, codes) = await ElectionAsync(BallotForm.Ranked, CountingRule.Greedy, 5);
        int[][] ballots = [[1, 2, 3], [2, 1], [4, 3, 2], [3], [1]];
        await CastAllAsync(cast, budgetId, codes, ballots);
        await CloseAndPublishAsync(cast.OwnerClient, budgetId);
        var results = await ResultsAsync(cast.AnonymousClient, budgetId);
        Assert.Equal(new Dictionary<int, long> { [1] = 3, [2] = 3, [3] = 3, [4] = 1 }, results.Projects.ToDictionary(p => p.Number, p => p.Votes));
        // Borda points with three ranks: playground 8, library 6, bike racks 6, lamps 3; ties go to the cheaper project.
        Assert.Equal([1, 3, 2], results.Projects.Where(p => p.Funded).OrderBy(p => p.SelectedAs).Select(p => p.Number));
        var page = await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}/results");
        Assert.Contains("it was number 4 by points from the rankings", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Knapsack_ballots_counted_with_equal_shares_explain_every_project()
    {
        var (cast, budgetId, codes) = await ElectionAsync(BallotForm.Knapsack, CountingRule.EqualShares, 6);
        int[][] ballots = [[1, 2, 3], [1, 2], [1, 3], [4, 3], [4, 2], [4]];
        await CastAllAsync(cast, budgetId, codes, ballots);
        await CloseAndPublishAsync(cast.OwnerClient, budgetId);
        var results = await ResultsAsync(cast.AnonymousClient, budgetId);
        Assert.True(results.Spent <= 100_000m);
        Assert.Equal(results.Spent, results.Projects.Where(p => p.Funded).Sum(p => p.Cost));
        Assert.NotNull(results.Contrast);
        Assert.Equal(6, results.Contrast!.Voters);
        Assert.All(results.Projects.Where(p => !p.Funded), p => Assert.Equal(ReasonKind.SupportersCannotAfford, p.Reason.Kind));
        var first = results.Projects.Single(p => p.SelectedAs == 1);
        Assert.Equal(1, first.Reason.Round);
        var page = (await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}/results")).Body!.TextContent;
        Assert.Contains("voters got at least one project they voted for", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cumulative_ballots_add_up_points_and_refuse_too_many()
    {
        var (cast, budgetId, codes) = await ElectionAsync(BallotForm.Cumulative, CountingRule.EqualShares, 4);
        Assert.Equal(HttpStatusCode.BadRequest, (await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1, 2], [6, 5])).StatusCode);
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1, 2], [6, 4]));
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R2"], [3], [2]));
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R3"], [2, 4], [5, 5]));
        await CloseAndPublishAsync(cast.OwnerClient, budgetId);
        var results = await ResultsAsync(cast.AnonymousClient, budgetId);
        Assert.Equal(new Dictionary<int, long> { [1] = 6, [2] = 9, [3] = 2, [4] = 5 }, results.Projects.ToDictionary(p => p.Number, p => p.Points));
        Assert.True(results.Spent <= 100_000m);
    }

    [Fact]
    public async Task Cumulative_and_ranked_ballots_are_cast_on_the_vote_page_and_a_refused_one_keeps_what_the_voter_chose()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (cumulative, _, _) = await OpenVotingAsync(cast, BudgetFields(form: BallotForm.Cumulative), 0, Ideas);
        var tooMany = await cast.ParticipantClient.SubmitAsync($"/budgets/{cumulative}/vote", new() { ["Points[1]"] = "6", ["Points[2]"] = "5" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        var page = await FormClient.ParseAsync(tooMany);
        Assert.Contains("You gave 11 points; you have 10 to give. Take away 1.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["6", "5", "", ""], page.QuerySelectorAll("input.points").Select(i => i.GetAttribute("value") ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/budgets/{cumulative}/vote", new() { ["Points[1]"] = "6", ["Points[2]"] = "4" })).StatusCode);

        var ranked = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId, BudgetFields(form: BallotForm.Ranked));
        await ElectionOnAsync(cast, ranked);
        var twice = await cast.ParticipantClient.SubmitAsync($"/budgets/{ranked}/vote", new() { ["Ranks[0]"] = "3", ["Ranks[1]"] = "3" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        page = await FormClient.ParseAsync(twice);
        Assert.Contains("Project Bike racks appears twice on your ballot: choose each project once.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["3", "3", ""], page.QuerySelectorAll("select[name^=Ranks]").Select(s => s.QuerySelector("option[selected]")?.GetAttribute("value") ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/budgets/{ranked}/vote", new() { ["Ranks[0]"] = "3", ["Ranks[1]"] = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/budgets/{ranked}/vote", new() { ["Ranks[0]"] = "1" })).StatusCode);

        await CloseAndPublishAsync(cast.OwnerClient, cumulative);
        Assert.Equal(new Dictionary<int, long> { [1] = 6, [2] = 4, [3] = 0, [4] = 0 }, (await ResultsAsync(cast.AnonymousClient, cumulative)).Projects.ToDictionary(p => p.Number, p => p.Points));
        await CloseAndPublishAsync(cast.OwnerClient, ranked);
        var results = await ResultsAsync(cast.AnonymousClient, ranked);
        Assert.Equal(2, results.Ballots);
        Assert.Equal(new Dictionary<int, long> { [1] = 2, [2] = 0, [3] = 1, [4] = 0 }, results.Projects.ToDictionary(p => p.Number, p => p.Votes));
    }

    [Fact]
    public async Task An_over_budget_ballot_is_refused_with_what_to_change_and_the_selection_is_kept()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, _) = await OpenVotingAsync(cast, BudgetFields(form: BallotForm.Knapsack), 0, Ideas);
        var response = await cast.ParticipantClient.SubmitAsync($"/budgets/{budgetId}/vote", Selected([1, 2, 4]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains("Your projects cost 140,000 EUR together, 40,000 EUR more than the budget of 100,000 EUR. Remove a project to continue.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "4"], page.QuerySelectorAll("input[name=Selected][checked]").Select(i => i.GetAttribute("value")!));
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == budgetId)));

        var approval = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId, BudgetFields(form: BallotForm.Approval));
        var tooLong = await ElectionOnAsync(cast, approval);
        var refused = await cast.ParticipantClient.SubmitAsync($"/budgets/{approval}/vote", Selected([1, 2, 3, 4]));
        Assert.Contains("Choose at most 3 projects; you chose 4. Remove 1 to continue.", (await FormClient.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        // In Slovenian the number takes its form: 3 projekte (few), not "3 projektov".
        var slovenian = await cast.ParticipantClient.SubmitAsync($"/budgets/{approval}/vote?culture=sl", Selected([1, 2, 3, 4]));
        Assert.Contains("Izberite največ 3 projekte; izbrali ste 4.", (await FormClient.ParseAsync(slovenian)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, tooLong);
    }

    [Fact]
    public async Task A_closed_vote_refuses_ballots_with_a_clear_message()
    {
        var (cast, budgetId, codes) = await ElectionAsync(BallotForm.Approval, CountingRule.EqualShares, 2);
        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        var late = await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1]);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Voting is not open for this budget", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await cast.ParticipantClient.GetOkPageAsync($"/budgets/{budgetId}/vote");
        Assert.Contains("Voting is not open for this budget", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("input[name=Selected]"));
    }

    [Fact]
    public async Task A_ballot_can_be_changed_only_with_its_change_code_and_still_counts_once()
    {
        var (cast, budgetId, codes) = await ElectionAsync(BallotForm.Approval, CountingRule.Greedy, 2);
        var first = await VoterCopyOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1]));
        var second = await VoterCopyOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R2"], [3]));
        Assert.NotNull(first.ChangeCode);
        // The receipt is not a key: another voter who has voted cannot change R1's ballot with its receipt, nor can R1.
        Assert.Equal(HttpStatusCode.Conflict, (await CastAsync(cast.AnonymousClient, budgetId, codes["R2"], [2], changeCode: first.Receipt)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [2], changeCode: first.Receipt)).StatusCode);
        // The change code is, and the ballot keeps its receipt.
        Assert.Equal(first.Receipt, await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [2, 3], changeCode: first.ChangeCode)));
        Assert.Equal(2, await App.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == budgetId)));

        // A receipt proves that the ballot is in the ballot box; it never shows what it says, to anyone.
        var check = await cast.AnonymousClient.SubmitAsync($"/budgets/{budgetId}/receipt", new() { ["Code"] = first.Receipt.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) });
        var text = (await FormClient.ParseAsync(check)).Body!.TextContent;
        Assert.Contains("A ballot with this receipt is in the ballot box.", text, StringComparison.Ordinal);
        foreach (var idea in Ideas)
        {
            Assert.DoesNotContain(idea.Title, text, StringComparison.Ordinal);
        }
        var unknown = await cast.AnonymousClient.SubmitAsync($"/budgets/{budgetId}/receipt", new() { ["Code"] = "0000-0000-0000" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);

        // After closing, the ballots are counted with the change, and the receipts are published apart from them.
        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        Assert.Equal(["2,3", "3"], (await App.WithDbAsync(db => db.Set<BudgetBallot>().Where(b => b.BudgetId == budgetId).Select(b => b.Projects).ToListAsync())).Order());
        var api = await cast.AnonymousClient.Http.GetFromJsonAsync<ReceiptCheck>($"/api/v1/budgets/{budgetId}/receipts/{second.Receipt}", Api);
        Assert.Equal(ReceiptState.Counted, api!.State);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.Http.GetAsync($"/api/v1/budgets/{budgetId}/receipts/0000-0000-0000")).StatusCode);
        var counted = (await FormClient.ParseAsync(await cast.AnonymousClient.SubmitAsync($"/budgets/{budgetId}/receipt", new() { ["Code"] = first.Receipt }))).Body!.TextContent;
        Assert.Contains("A ballot with this receipt was counted.", counted, StringComparison.Ordinal);
        await PublishAsync(cast.OwnerClient, budgetId);
        var receipts = await cast.AnonymousClient.Http.GetStringAsync($"/budgets/{budgetId}/receipts.csv");
        Assert.Equal(["receipt", .. new[] { first.Receipt, second.Receipt }.Order(StringComparer.Ordinal)], receipts.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var fixedBudget = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId, BudgetFields(changes: false));
        await ElectionOnAsync(cast, fixedBudget);
        var vote = await cast.ParticipantClient.SubmitAsync($"/budgets/{fixedBudget}/vote", Selected([1]));
        Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
        var again = await cast.ParticipantClient.GetOkPageAsync($"/budgets/{fixedBudget}/vote");
        Assert.Contains("You have voted in this budget.", again.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(again.QuerySelectorAll("input[name=Selected]"));
    }

    [Fact]
    public async Task Paper_ballots_count_when_two_people_enter_them_alike()
    {
        var (cast, budgetId, _) = await ElectionAsync(BallotForm.Approval, CountingRule.Greedy, 1);
        // The voter is marked on the register at the polling station, so the paper ballot is reconciled with them.
        Assert.Equal(HttpStatusCode.Redirect, (await BudgetingScenario.PollingStationAsync(cast.FacilitatorClient, budgetId, "Mark", new() { ["Reference"] = "R1" })).StatusCode);
        var first = await EnterPaperAsync(cast.FacilitatorClient, budgetId, "P-001", [1, 2]);
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, await ProblemText(first));
        // The same person cannot confirm their own entry, and a second entry that differs is refused.
        Assert.Contains("someone else must make the second", await ProblemText(await EnterPaperAsync(cast.FacilitatorClient, budgetId, "P-001", [1, 2])), StringComparison.Ordinal);
        Assert.Contains("differs from the first entry", await ProblemText(await EnterPaperAsync(cast.OwnerClient, budgetId, "P-001", [1, 3])), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<BudgetBallot>().CountAsync(b => b.BudgetId == budgetId)));
        Assert.Equal(HttpStatusCode.Redirect, (await EnterPaperAsync(cast.OwnerClient, budgetId, "P-001", [2, 1])).StatusCode);
        Assert.Contains("already counted", await ProblemText(await EnterPaperAsync(cast.AdminClient, budgetId, "P-001", [1, 2])), StringComparison.Ordinal);
        // Residents cannot enter paper ballots.
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.GetPageAsync($"/budgets/{budgetId}/paper")).Response.StatusCode);
        // A pending first entry blocks publication until it is confirmed or discarded.
        await EnterPaperAsync(cast.FacilitatorClient, budgetId, "P-002", [3]);
        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        var blocked = await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", [], handler: "Publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Contains("Some paper ballots wait for their second entry", await ProblemText(blocked), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/budgets/{budgetId}/paper", new() { ["serial"] = "P-002" }, handler: "Discard")).StatusCode);
        await PublishAsync(cast.OwnerClient, budgetId);
        var results = await ResultsAsync(cast.AnonymousClient, budgetId);
        Assert.Equal(1, results.PaperBallots);
        Assert.Equal(1, results.Ballots);
        Assert.True(await App.WithDbAsync(db => db.Set<BudgetBallot>().AnyAsync(b => b.BudgetId == budgetId && b.IsPaper)));
    }

    private static readonly Idea[] Ideas = [new("Playground", 60_000m), new("Library corner", 30_000m), new("Bike racks", 10_000m), new("Solar lamps", 50_000m)];

    private async Task<(ProcessCast Cast, int BudgetId, Dictionary<string, string> Codes)> ElectionAsync(BallotForm form, CountingRule rule, int census, Eligibility eligibility = Eligibility.Census)
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(form: form, rule: rule, eligibility: eligibility), census, Ideas);
        return (cast, budgetId, codes);
    }

    /// <summary>Brings a new budget of the cast's process to voting with the four ideas; returns how many projects are on its ballot.</summary>
    private static async Task<int> ElectionOnAsync(ProcessCast cast, int budgetId)
    {
        foreach (var idea in Ideas)
        {
            await ReviewAsync(cast.FacilitatorClient, await ProposeAsync(cast.ParticipantClient, budgetId, idea), feasible: true, idea.Cost);
        }
        await AdvanceAsync(cast.OwnerClient, budgetId);
        await AdvanceAsync(cast.OwnerClient, budgetId);
        return Ideas.Length;
    }

    private static async Task CastAllAsync(ProcessCast cast, int budgetId, Dictionary<string, string> codes, int[][] ballots)
    {
        for (var i = 0; i < ballots.Length; i++)
        {
            await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes[$"R{i + 1}"], ballots[i]));
        }
    }

    private static Task<HttpResponseMessage> EnterPaperAsync(FormClient client, int budgetId, string serial, int[] projects)
    {
        var fields = Selected(projects);
        fields["Serial"] = serial;
        return client.SubmitAsync($"/budgets/{budgetId}/paper", fields);
    }

    private static async Task<string> ProblemText(HttpResponseMessage response) =>
        (await FormClient.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent ?? $"(no problem shown: {(int)response.StatusCode})";

    internal static Dictionary<string, string> Selected(IEnumerable<int> numbers)
    {
        var fields = new Dictionary<string, string>();
        var i = 0;
        foreach (var number in numbers)
        {
            fields[$"Selected[{i++}]"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return fields;
    }

    private static async Task SupportAsync(FormClient client, int proposalId)
    {
        var response = await client.SubmitAsync($"/proposals/{proposalId}", [], handler: "Support");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

public sealed class BudgetLifecycleOnSqlite(BudgetingSqliteApp app) : BudgetLifecycleTests<BudgetingSqliteApp>(app);

public sealed class BudgetLifecycleOnPostgres(BudgetingPostgresApp app) : BudgetLifecycleTests<BudgetingPostgresApp>(app);
