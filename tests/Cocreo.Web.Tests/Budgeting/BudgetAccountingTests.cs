using System.Net;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// Every voting code and every paper ballot accounted for (issue 14, finding 3). One insider cannot make voting codes
/// to vote with: a new code needs a reason and a second member of the team, and each step is counted in the public
/// log without naming the voter. Paper ballots are reconciled with the people marked as voting on paper, internet
/// ballots with the people marked online: the vote does not close, and the results are not published, while they
/// differ, unless the team records (and the log publishes) why.
/// </summary>
public abstract class BudgetAccountingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static readonly Idea[] Ideas = [new("Playground", 60_000m), new("Library corner", 30_000m), new("Bike racks", 10_000m)];

    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task One_facilitator_alone_cannot_make_voting_codes_to_vote_with_and_the_log_counts_every_step()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 8, Ideas);
        var hashes = await CodeHashesAsync(budgetId);

        // The attack of finding 3: "Reissue code" for five people who have not voted, then voting with the new codes.
        // The old one-step handler is gone: no code is shown, none changes.
        for (var i = 1; i <= 5; i++)
        {
            var reissue = await PollingStationAsync(cast.FacilitatorClient, budgetId, "Reissue", new() { ["Reference"] = $"R{i}" });
            Assert.Equal(HttpStatusCode.NotFound, reissue.StatusCode);
            Assert.Null((await FormClient.ParseAsync(reissue)).QuerySelector(".receipt code"));
        }
        Assert.Equal(hashes, await CodeHashesAsync(budgetId));

        // Asking needs a reason.
        var bare = await PollingStationAsync(cast.FacilitatorClient, budgetId, "RequestReissue", new() { ["Reference"] = "R1", ["Reason"] = "  " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bare.StatusCode);
        Assert.Contains("Give the reason for a new voting code", await Problems(bare), StringComparison.Ordinal);
        var essay = await PollingStationAsync(cast.FacilitatorClient, budgetId, "RequestReissue", new() { ["Reference"] = "R1", ["Reason"] = new string('x', 501) });
        Assert.Contains("The reason can have at most 500 characters.", await Problems(essay), StringComparison.Ordinal);

        // The facilitator asks for five new codes and confirms each alone: refused, no code made.
        for (var i = 1; i <= 5; i++)
        {
            var asked = await PollingStationAsync(cast.FacilitatorClient, budgetId, "RequestReissue", new() { ["Reference"] = $"R{i}", ["Reason"] = $"Person {i} lost the letter." });
            Assert.True(asked.StatusCode == HttpStatusCode.Redirect, await Problems(asked));
        }
        var twice = await PollingStationAsync(cast.FacilitatorClient, budgetId, "RequestReissue", new() { ["Reference"] = "R1", ["Reason"] = "Lost it again." });
        Assert.Contains("already waits for a second member of the team", await Problems(twice), StringComparison.Ordinal);
        for (var number = 1; number <= 5; number++)
        {
            var self = await PollingStationAsync(cast.FacilitatorClient, budgetId, "ConfirmReissue", new() { ["number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
            Assert.Contains($"You asked for request {number} yourself: a different member of the team must confirm it.", await Problems(self), StringComparison.Ordinal);
            Assert.Null((await FormClient.ParseAsync(self)).QuerySelector(".receipt code"));
        }
        Assert.Equal(hashes, await CodeHashesAsync(budgetId));
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<BudgetVoter>().CountAsync(v => v.BudgetId == budgetId)));

        // The team sees what waits; the facilitator is offered no confirmation of their own requests.
        var page = await cast.FacilitatorClient.GetOkPageAsync($"/budgets/{budgetId}/census");
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=ConfirmReissue']"));
        Assert.Contains("5 requests for a new code wait for a second member of the team.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Person 3 lost the letter.", page.Body.TextContent, StringComparison.Ordinal);

        // The owner confirms one (the code is shown to them, once) and rejects another.
        var code = await ConfirmReissueAsync(cast.OwnerClient, budgetId, 1);
        var rejected = await PollingStationAsync(cast.OwnerClient, budgetId, "RejectReissue", new() { ["number"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Contains("was already confirmed or rejected", await Problems(await PollingStationAsync(cast.OwnerClient, budgetId, "ConfirmReissue", new() { ["number"] = "1" })), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1])).StatusCode);
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, code, [1]));
        Assert.Equal(HttpStatusCode.Forbidden, (await CastAsync(cast.AnonymousClient, budgetId, VotingCodes.NewVotingCode(), [1])).StatusCode);

        var counts = (await cast.OwnerClient.GetOkPageAsync($"/budgets/{budgetId}/census")).Body!.TextContent;
        Assert.Contains("8 voting codes were issued with the census.", counts, StringComparison.Ordinal);
        Assert.Contains("1 new code was given since, each confirmed by a second member of the team.", counts, StringComparison.Ordinal);
        Assert.Contains("3 requests for a new code wait", counts, StringComparison.Ordinal);
        Assert.Contains("1 person has voted online", counts, StringComparison.Ordinal);
        Assert.Contains("0 people have voted on paper.", counts, StringComparison.Ordinal);
        Assert.Contains("7 people have not voted yet.", counts, StringComparison.Ordinal);

        // The public log counts every step by the request's number; it never names the voter nor holds the reason.
        var log = await LogAsync(cast.ProcessId, "budget.code-");
        Assert.Equal(
            ["budget.code-reissue-requested", "budget.code-reissue-requested", "budget.code-reissue-requested", "budget.code-reissue-requested", "budget.code-reissue-requested", "budget.code-reissued", "budget.code-reissue-rejected"],
            log.Select(e => e.Action));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], log.Where(e => e.Action == "budget.code-reissue-requested").Select(e => Number(e, "request")));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], log.Where(e => e.Action == "budget.code-reissue-requested").Select(e => Number(e, "pending")));
        var reissued = log.Single(e => e.Action == "budget.code-reissued");
        Assert.Equal((1L, 1L), (Number(reissued, "request"), Number(reissued, "reissued")));
        Assert.Equal("Owner Olga", reissued.ActorName);
        Assert.All(log, e => Assert.DoesNotContain("R1", e.Data, StringComparison.Ordinal));
        Assert.All(log, e => Assert.DoesNotContain("Person", e.Data, StringComparison.Ordinal));
        Assert.All(log, e => Assert.DoesNotContain("letter", e.Data, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invented_paper_ballots_counted_by_two_staff_block_publishing_until_the_team_explains_them()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 8, Ideas);
        for (var i = 1; i <= 8; i++)
        {
            await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes[$"R{i}"], [1 + i % 3]));
        }
        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        // Two staff accounts count three paper ballots with invented serials: ballots 8 → 11, voters marked still 8.
        foreach (var serial in new[] { "X-901", "X-902", "X-903" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await EnterPaperAsync(cast.FacilitatorClient, budgetId, serial)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await EnterPaperAsync(cast.OwnerClient, budgetId, serial)).StatusCode);
        }
        Assert.Equal(11, await App.WithDbAsync(db => db.Set<BudgetBallot>().CountAsync(b => b.BudgetId == budgetId)));

        var refused = await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", [], handler: "Publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("The results cannot be published: the ballots and the marked register differ (internet ballots: 8, people marked as voting online: 8; paper ballots counted: 3, people marked as voting on paper: 0).", await Problems(refused), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Set<BudgetResult>().AnyAsync(r => r.BudgetId == budgetId)));

        // The phases page shows the numbers per channel, and takes the team's explanation.
        var phases = await cast.OwnerClient.GetOkPageAsync($"/budgets/{budgetId}/phases");
        var rows = phases.QuerySelectorAll("#reconciliation ~ .table-scroll tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["Internet|8|8|0", "Paper (both entries agree)|3|0|+3"], rows);
        var unexplained = await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", new() { ["Reason"] = "" }, handler: "AcceptReconciliation");
        Assert.Contains("Explain the difference", await Problems(unexplained), StringComparison.Ordinal);
        var stale = await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", new() { ["Reason"] = "Three ballots.", ["paperDifference"] = "2" }, handler: "AcceptReconciliation");
        Assert.Contains("The numbers changed since the page was shown", await Problems(stale), StringComparison.Ordinal);
        Assert.Empty(await LogAsync(cast.ProcessId, "budget.reconciliation-"));

        var explained = await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", new() { ["Reason"] = "Three ballots of the care home were handed out without marking the residents." }, handler: "AcceptReconciliation");
        Assert.True(explained.StatusCode == HttpStatusCode.Redirect, await Problems(explained));
        var decision = Assert.Single(await LogAsync(cast.ProcessId, "budget.reconciliation-"));
        Assert.Equal("Owner Olga", decision.ActorName);
        Assert.Equal((8L, 8L, 3L, 0L), (Number(decision, "internetBallots"), Number(decision, "internetVoters"), Number(decision, "paperBallots"), Number(decision, "paperVoters")));
        Assert.Contains("care home", decision.Data, StringComparison.Ordinal);

        // A decision explains the differences it saw, not a new one.
        Assert.Equal(HttpStatusCode.Redirect, (await EnterPaperAsync(cast.FacilitatorClient, budgetId, "X-904")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterPaperAsync(cast.OwnerClient, budgetId, "X-904")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", [], handler: "Publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/budgets/{budgetId}/phases", new() { ["Reason"] = "A fourth one turned up in the same box." }, handler: "AcceptReconciliation")).StatusCode);
        await PublishAsync(cast.OwnerClient, budgetId);
        Assert.Equal(4, (await ResultsAsync(cast.AnonymousClient, budgetId)).PaperBallots);
    }

    [Fact]
    public async Task Paper_ballots_of_people_marked_at_the_polling_station_are_reconciled_without_a_decision()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 5, Ideas);
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1]));
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R2"], [2]));
        Assert.Equal(HttpStatusCode.Redirect, (await PollingStationAsync(cast.FacilitatorClient, budgetId, "Mark", new() { ["Reference"] = "R3" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PollingStationAsync(cast.FacilitatorClient, budgetId, "Mark", new() { ["Reference"] = "R4" })).StatusCode);
        Assert.Equal(
            [(VoterChannel.Online, 2), (VoterChannel.Paper, 2)],
            await App.WithDbAsync(async db => (await db.Set<BudgetVoter>().Where(v => v.BudgetId == budgetId).Select(v => v.Channel).ToListAsync())
                .GroupBy(c => c).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList()));
        var counts = (await cast.OwnerClient.GetOkPageAsync($"/budgets/{budgetId}/census")).Body!.TextContent;
        Assert.Contains("2 people have voted online", counts, StringComparison.Ordinal);
        Assert.Contains("2 people have voted on paper.", counts, StringComparison.Ordinal);
        Assert.Contains("1 person has not voted yet.", counts, StringComparison.Ordinal);

        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        foreach (var serial in new[] { "P-1", "P-2" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await EnterPaperAsync(cast.FacilitatorClient, budgetId, serial)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await EnterPaperAsync(cast.OwnerClient, budgetId, serial)).StatusCode);
        }
        Assert.Contains("The ballots agree with the marked register.", (await cast.OwnerClient.GetOkPageAsync($"/budgets/{budgetId}/phases")).Body!.TextContent, StringComparison.Ordinal);
        await PublishAsync(cast.OwnerClient, budgetId);
        var results = await ResultsAsync(cast.AnonymousClient, budgetId);
        Assert.Equal((4, 2), (results.Ballots, results.PaperBallots));
    }

    [Fact]
    public async Task Voting_does_not_close_while_internet_ballots_outnumber_the_people_marked_online()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 3, Ideas);
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1]));
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R2"], [2]));
        // A ballot written behind the platform's back (straight into the database): nobody is marked for it.
        await App.WithDbAsync(async db =>
        {
            db.Add(new BudgetBallot { Id = RandomIds.Next(), BudgetId = budgetId, Projects = "3", Answers = "" });
            await db.SaveChangesAsync();
        });

        Assert.Equal("Voting cannot close: there are 3 internet ballots but 2 people marked as having voted online. Find the cause of the difference, or record the team's decision explaining it below.",
            await AdvanceAsync(cast.OwnerClient, budgetId));
        Assert.Equal(BudgetPhase.Voting, await App.WithDbAsync(db => db.Set<Budget>().Where(b => b.Id == budgetId).Select(b => b.Phase).SingleAsync()));
        Assert.Empty(await LogAsync(cast.ProcessId, "budget.voting-closed"));

        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", new() { ["Reason"] = "A test ballot the supplier wrote during the load test; it is reported to the council." }, handler: "AcceptReconciliation")).StatusCode);
        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        // Publishing is then refused only if the differences are no longer the ones explained: here they are.
        await PublishAsync(cast.OwnerClient, budgetId);
    }

    [Fact]
    public async Task The_demo_city_s_counted_budget_is_reconciled_and_accounts_for_its_codes()
    {
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Features.Demo.DemoSeeder>().SeedAsync();
        }
        var budgetId = await App.WithDbAsync(db => db.Set<Budget>().Where(b => b.IsDemo && b.Eligibility == Eligibility.Census).Select(b => b.Id).SingleAsync());
        using (var scope = App.Services.CreateScope())
        {
            var numbers = await scope.ServiceProvider.GetRequiredService<Reconciliation>().ForAsync(budgetId);
            Assert.Equal((236L, 236L, 12L, 12L), (numbers.Internet.Ballots, numbers.Internet.Voters, numbers.Paper.Ballots, numbers.Paper.Voters));
            Assert.True(numbers.Balanced);
            var census = await scope.ServiceProvider.GetRequiredService<Census>().SummaryAsync(budgetId);
            Assert.Equal(new CensusSummary(400, 400, 1, 0, 236, 12), census);
        }
    }

    private Task<List<string>> CodeHashesAsync(int budgetId) =>
        App.WithDbAsync(db => db.Set<CensusEntry>().Where(e => e.BudgetId == budgetId).OrderBy(e => e.Reference).Select(e => e.CodeHash).ToListAsync());

    private Task<List<ProcessLogEntry>> LogAsync(int processId, string actionPrefix) =>
        App.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == processId && e.Action.StartsWith(actionPrefix)).OrderBy(e => e.Sequence).ToListAsync());

    private static long Number(ProcessLogEntry entry, string property) =>
        JsonDocument.Parse(entry.Data).RootElement.GetProperty(property).GetInt64();

    private static Task<HttpResponseMessage> EnterPaperAsync(FormClient client, int budgetId, string serial) =>
        client.SubmitAsync($"/budgets/{budgetId}/paper", new() { ["Serial"] = serial, ["Selected[0]"] = "1" });
}

public sealed class BudgetAccountingOnSqlite(BudgetingSqliteApp app) : BudgetAccountingTests<BudgetingSqliteApp>(app);

public sealed class BudgetAccountingOnPostgres(BudgetingPostgresApp app) : BudgetAccountingTests<BudgetingPostgresApp>(app);
