using System.Net;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>Double submits, parallel submits and replays never count twice: the database's unique key decides.</summary>
public abstract class VotingRaceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    /// <summary>What staff at a polling station do after looking a person up: Mark (voted on paper) or RequestReissue (ask for a new code).</summary>
    private static Task<HttpResponseMessage> PollingStationAsync(FormClient staff, int budgetId, string handler, string reference) =>
        BudgetingScenario.PollingStationAsync(staff, budgetId, handler, new() { ["Reference"] = reference, ["Reason"] = "Lost the letter." });

    private static readonly Idea[] Ideas = [new("Playground", 60_000m), new("Library corner", 30_000m), new("Bike racks", 10_000m)];

    [Fact]
    public async Task A_suspended_organisation_s_open_budget_takes_no_ballot()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 2, Ideas);
        var suspend = await cast.AdminClient.PostAsync("/admin/organisations?handler=Suspend", new()
        {
            ["organisationId"] = cast.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = "Impersonates another municipality.",
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.AdminClient),
        });
        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);
        // The ballot path caches a process's facts for a few seconds (BallotPapers.Lifetime); as if they had expired:
        App.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>().Remove("ballot-process:" + cast.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var response = await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == budgetId)));
    }

    [Fact]
    public async Task Fifty_parallel_submissions_with_one_voting_code_give_one_ballot()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 3, Ideas);
        var clients = Enumerable.Range(0, 50).Select(_ => App.NewClient()).ToList();
        var responses = await Task.WhenAll(clients.Select((client, i) => CastAsync(client, budgetId, codes["R1"], [1 + i % 3])));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == budgetId)));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<BudgetVoter>().CountAsync(v => v.BudgetId == budgetId)));
    }

    [Fact]
    public async Task Fifty_parallel_submissions_of_one_signed_in_voter_give_one_ballot()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, _) = await OpenVotingAsync(cast, BudgetFields(), 0, Ideas);
        var (action, fields) = await cast.ParticipantClient.ReadFormAsync($"/budgets/{budgetId}/vote");
        fields["Selected[0]"] = "2";
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cast.ParticipantClient.PostAsync(action, fields)));
        // One copy casts the ballot; a copy that arrives after it was recorded gets its answer again (the same form:
        // one submission id), one that arrives while it is being cast is refused as a second ballot.
        var redirects = responses.Where(r => r.StatusCode == HttpStatusCode.Redirect).ToList();
        Assert.NotEmpty(redirects);
        Assert.Single(redirects.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == budgetId)));
    }

    [Fact]
    public async Task A_voting_code_casts_one_ballot_and_a_replayed_request_is_refused()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 2, Ideas);
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1, 2]));
        var replay = await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1, 2]);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        // A replay is what a voter sends when the first answer never arrived (a dropped connection, a server that
        // crashed after storing the ballot): they are told the ballot is recorded and counts, not only "already voted".
        var told = await replay.Content.ReadAsStringAsync();
        Assert.Contains("A ballot of yours is already recorded in this budget, and it counts, even if you did not see a receipt", told, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await CastAsync(cast.AnonymousClient, budgetId, "ABCD-EFGH-JKMN-PQRS", [1])).StatusCode);

        // No new code for someone who already voted; a new code (asked for by one, confirmed by another) makes the old one stop working.
        var census = await FormClient.ParseAsync(await PollingStationAsync(cast.OwnerClient, budgetId, "RequestReissue", "R1"));
        Assert.Null(census.QuerySelector(".receipt code"));
        Assert.Contains("has already voted", census.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PollingStationAsync(cast.OwnerClient, budgetId, "RequestReissue", "R2")).StatusCode);
        var code2 = await ConfirmReissueAsync(cast.FacilitatorClient, budgetId, 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await CastAsync(cast.AnonymousClient, budgetId, codes["R2"], [3])).StatusCode);
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, code2, [3]));
        Assert.Equal(2, await App.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == budgetId)));
    }

    [Fact]
    public async Task Someone_marked_as_voting_on_paper_cannot_vote_online()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 2, Ideas);
        var mark = await PollingStationAsync(cast.FacilitatorClient, budgetId, "Mark", "R1");
        Assert.Equal(HttpStatusCode.Redirect, mark.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1])).StatusCode);
        // Marking them again is refused, as a problem on the page (not in the banner that says what was done).
        var again = await PollingStationAsync(cast.FacilitatorClient, budgetId, "Mark", "R1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var page = await FormClient.ParseAsync(again);
        Assert.Contains("has already voted", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[role=status]"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == budgetId)));
    }
}

public sealed class VotingRaceOnSqlite(BudgetingSqliteApp app) : VotingRaceTests<BudgetingSqliteApp>(app);

public sealed class VotingRaceOnPostgres(BudgetingPostgresApp app) : VotingRaceTests<BudgetingPostgresApp>(app);

/// <summary>An app that lets one address send three ballots a minute.</summary>
public sealed class LowBallotLimitApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Budgeting:BallotsPerMinutePerAddress"] = "3" };
}

public sealed class BallotRateLimitTests(LowBallotLimitApp app) : IClassFixture<LowBallotLimitApp>
{
    [Fact]
    public async Task One_address_sending_too_many_ballots_is_told_to_wait()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 5, [new Idea("Playground", 60_000m)]);
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            statuses.Add((await CastAsync(cast.AnonymousClient, budgetId, codes[$"R{i}"], [1])).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
