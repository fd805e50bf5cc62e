using System.Net;
using System.Net.Http.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Conversations.ConversationSteps;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// Conversations across the platform, on each database: a statement becomes a budget proposal (once, by the team,
/// linked both ways, logged), someone who took part by link and then signs in stays one participant, and a private
/// process's conversation (map, report, API, open-data export) is hidden from outsiders.
/// </summary>
public abstract class ConversationAcrossTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private async Task<(ProcessCast Cast, int ConversationId, int BudgetId, List<ConversationStatement> Statements)> SetUpAsync()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var conversation = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var budget = await BudgetingScenario.CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        return (cast, conversation, budget, await StatementsAsync(App, conversation));
    }

    private static Dictionary<string, string> Fields(int budgetId, string title = "Shade trees for the main square") => new()
    {
        ["Input.Destination"] = $"budget:{budgetId}",
        ["Input.Title"] = title,
        ["Input.Description"] = "Plant twenty trees on the main square.",
        ["Input.Location"] = "Main square",
        ["Input.Category"] = "Green spaces",
        ["Input.EstimatedCost"] = "25000",
    };

    private static async Task<HttpResponseMessage> SettingsAsync(FormClient team, int id, string access = "Link", string moderation = "Post") =>
        await team.PostAsync($"/conversations/{id}/manage", new()
        {
            ["Input.Question"] = "What should the old town's streets be like?",
            ["Input.Access"] = access,
            ["Input.ParticipantsMayAdd"] = "true",
            ["Input.Moderation"] = moderation,
            ["Input.StatementLimit"] = "280",
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(team),
        });

    private static async Task<HttpResponseMessage> PostProposalAsync(FormClient client, int conversationId, int statementId, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
        return await client.PostAsync($"/conversations/{conversationId}/statements/{statementId}/proposal", fields);
    }

    [Fact]
    public async Task The_team_makes_a_statement_a_proposal_of_the_process_linked_both_ways()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var statement = (await StatementsAsync(App, id))[1];
        // Not offered before the team turns the process's proposals on.
        var before = await cast.OwnerClient.GetOkPageAsync($"/conversations/{id}/statements/{statement.Id}/proposal");
        Assert.Null(before.QuerySelector($"[value='proposals:{cast.ProcessId}']"));
        await Tests.Proposals.ProposalScenario.ConfigureAsync(cast.OwnerClient, cast.ProcessId, 0);
        var form = await cast.OwnerClient.GetOkPageAsync($"/conversations/{id}/statements/{statement.Id}/proposal");
        Assert.NotNull(form.QuerySelector($"[value='proposals:{cast.ProcessId}']"));

        // A category the process does not have is refused, nothing made.
        var wrong = await PostProposalAsync(cast.OwnerClient, id, statement.Id, new()
        {
            ["Input.Destination"] = $"proposals:{cast.ProcessId}", ["Input.Title"] = "Benches", ["Input.Description"] = "Benches in the shade.", ["Input.Category"] = "Green spaces",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == cast.ProcessId)));

        var response = await PostProposalAsync(cast.OwnerClient, id, statement.Id, new()
        {
            ["Input.Destination"] = $"proposals:{cast.ProcessId}", ["Input.Title"] = "Benches in the shade", ["Input.Description"] = "Put benches under the trees.", ["Input.Category"] = "Parks",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var proposal = await App.WithDbAsync(db => db.Set<Proposal>().AsNoTracking().SingleAsync(p => p.ProcessId == cast.ProcessId));
        Assert.Null(proposal.BudgetId);
        Assert.Equal(("Benches in the shade", "Parks", cast.Owner.Id), (proposal.Title, proposal.Category, proposal.AuthorUserId));
        Assert.Equal($"/processes/{cast.ProcessId}/proposals/{proposal.Id}", response.Headers.Location!.OriginalString);
        Assert.Contains("statement.proposed", await LogActionsAsync(App, cast.ProcessId));
        Assert.Contains("proposal.put-forward", await LogActionsAsync(App, cast.ProcessId));

        var map = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}/map");
        Assert.NotNull(map.QuerySelector($"#proposal-from-{statement.Id} a[href='/processes/{cast.ProcessId}/proposals/{proposal.Id}']"));
        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals/{proposal.Id}");
        Assert.NotNull(page.QuerySelector($".proposal-origin a[href='/conversations/{id}/map#proposal-from-{statement.Id}']"));
    }

    [Fact]
    public async Task The_team_makes_a_statement_a_budget_proposal_once_linked_both_ways_and_logged()
    {
        var (cast, id, budget, statements) = await SetUpAsync();
        var statement = statements[2];
        var form = await cast.OwnerClient.GetOkPageAsync($"/conversations/{id}/statements/{statement.Id}/proposal");
        Assert.Equal(statement.Text, form.QuerySelector("#Input_Title")?.GetAttribute("value"));

        var response = await cast.OwnerClient.SubmitAsync($"/conversations/{id}/statements/{statement.Id}/proposal", Fields(budget));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var proposal = await App.WithDbAsync(db => db.Set<Proposal>().AsNoTracking().SingleAsync(p => p.BudgetId == budget));
        Assert.Equal($"/proposals/{proposal.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Shade trees for the main square", proposal.Title);
        Assert.Equal(cast.Owner.Id, proposal.AuthorUserId);

        // The log names the conversation, the statement and the proposal; the proposal itself is logged as the budget logs it.
        var entry = await App.WithDbAsync(db => db.Set<ProcessLogEntry>().AsNoTracking().SingleAsync(e => e.ProcessId == cast.ProcessId && e.Action == "statement.proposed"));
        Assert.Contains($"\"conversation\":{id}", entry.Data, StringComparison.Ordinal);
        Assert.Contains($"\"statement\":{statement.Id}", entry.Data, StringComparison.Ordinal);
        Assert.Contains($"\"proposal\":{proposal.Id}", entry.Data, StringComparison.Ordinal);
        Assert.Equal(cast.Owner.DisplayName, entry.ActorName);
        Assert.Contains("proposal.submitted", await LogActionsAsync(App, cast.ProcessId));

        // Both directions: the map names the proposal, the proposal names the statement.
        var map = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}/map");
        Assert.NotNull(map.QuerySelector($"#proposal-from-{statement.Id} a[href='/proposals/{proposal.Id}']"));
        Assert.Null(map.QuerySelector($"a[href='/conversations/{id}/statements/{statement.Id}/proposal']"));
        var page = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposal.Id}");
        Assert.NotNull(page.QuerySelector($".proposal-origin a[href='/conversations/{id}/map#proposal-from-{statement.Id}']"));
        // The question and the statement each carry the language they are written in.
        var conversation = await App.WithDbAsync(db => db.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(conversation.Question, page.QuerySelector($".proposal-origin span[lang='{conversation.Language}']")?.TextContent);
        Assert.Equal(conversation.Language, page.QuerySelector(".proposal-origin a")?.GetAttribute("lang"));

        // Once: a second request points at the first proposal and makes none.
        var again = await PostProposalAsync(cast.FacilitatorClient, id, statement.Id, Fields(budget, "Another title"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/proposals/{proposal.Id}", again.Headers.Location!.OriginalString);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.BudgetId == budget)));
        var api = await ApiAsync(cast.OwnerClient, id, statement.Id, budget);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var document = await api.Content.ReadFromJsonAsync<ProposalMadeDocument>();
        Assert.False(document!.Made);
        Assert.Equal(proposal.Id, document.ProposalId);
    }

    [Fact]
    public async Task A_rejected_or_pending_statement_and_a_budget_not_collecting_proposals_are_refused_with_a_message()
    {
        var (cast, id, budget, statements) = await SetUpAsync();
        var reject = await cast.OwnerClient.SubmitAsync($"/conversations/{id}/manage", new() { ["statementId"] = $"{statements[0].Id}", ["reason"] = "Off topic." }, handler: "Reject");
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        var rejected = await PostProposalAsync(cast.OwnerClient, id, statements[0].Id, Fields(budget));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        Assert.Contains("Only a statement open for voting (accepted) can become a proposal", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var visitor = App.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(visitor, id)).Response.StatusCode);
        var settings = await SettingsAsync(cast.OwnerClient, id, moderation: "Pre");
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(visitor, id, "Fountains should work all summer long.")).StatusCode);
        var pending = (await StatementsAsync(App, id)).Single(s => s.Status == StatementStatus.Pending);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostProposalAsync(cast.OwnerClient, id, pending.Id, Fields(budget))).StatusCode);

        await BudgetingScenario.AdvanceAsync(cast.OwnerClient, budget);
        var closed = await PostProposalAsync(cast.OwnerClient, id, statements[1].Id, Fields(budget));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closed.StatusCode);
        Assert.Contains("This budget is not collecting proposals now", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var apiClosed = await ApiAsync(cast.OwnerClient, id, statements[1].Id, budget);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, apiClosed.StatusCode);
        // The page says so instead of offering a form.
        var form = await cast.OwnerClient.GetOkPageAsync($"/conversations/{id}/statements/{statements[1].Id}/proposal");
        Assert.Contains("No budget of this process collects proposals now.", form.Body!.TextContent, StringComparison.Ordinal);

        // A budget of another process is not a place for this conversation's statements.
        var other = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId);
        var otherBudget = await BudgetingScenario.CreateBudgetAsync(cast.OwnerClient, other);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostProposalAsync(cast.OwnerClient, id, statements[1].Id, Fields(otherBudget))).StatusCode);

        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.BudgetId == budget || p.BudgetId == otherBudget)));
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<StatementProposal>().CountAsync(l => l.ConversationId == id)));
        Assert.DoesNotContain("statement.proposed", await LogActionsAsync(App, cast.ProcessId));
    }

    [Fact]
    public async Task The_api_makes_a_proposal_and_answers_with_its_link()
    {
        var (cast, id, budget, statements) = await SetUpAsync();
        var response = await ApiAsync(cast.FacilitatorClient, id, statements[1].Id, budget);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<ProposalMadeDocument>();
        Assert.True(document!.Made);
        Assert.Equal($"/proposals/{document.ProposalId}", response.Headers.Location!.OriginalString);
        var bad = await ApiAsync(cast.FacilitatorClient, id, statements[2].Id, budget, cost: 10_000_000m);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiAsync(cast.ParticipantClient, id, statements[2].Id, budget)).StatusCode);
    }

    private static async Task<HttpResponseMessage> ApiAsync(FormClient client, int id, int statementId, int budgetId, decimal cost = 25_000m)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{id}/statements/{statementId}/proposal")
        {
            Content = JsonContent.Create(new { kind = "budget", destinationId = budgetId, title = "Trees", description = "Plant trees.", category = "Green spaces", estimatedCost = cost }),
        };
        request.Headers.Add("X-CSRF-TOKEN", await Scenarios.AntiforgeryTokenAsync(client));
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task Someone_who_took_part_by_link_and_signs_in_stays_one_participant_now_tied_to_the_account()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var person = await App.CreateUserAsync("Linked Lina");
        var browser = App.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(browser, id)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(browser, id, "Disagree")).Response.StatusCode);
        var signIn = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = person.Email!, ["Input.Password"] = CocreoApp.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The page goes on where the browser left off, and the next vote makes the key's participant the account's.
        var page = await browser.GetOkPageAsync($"/conversations/{id}");
        Assert.Contains("2", page.QuerySelector(".progress, [data-progress], progress")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(browser, id)).Response.StatusCode);
        var participants = await App.WithDbAsync(db => db.Set<ConversationParticipant>().AsNoTracking().Where(p => p.ConversationId == id).ToListAsync());
        var one = Assert.Single(participants);
        Assert.Equal(person.Id, one.UserId);
        Assert.Null(one.KeyHash);
        Assert.Equal(3, (await VotesAsync(App, id)).Count(v => v.ParticipantId == one.Id));
        // Nobody's identity is in the log.
        var log = await App.WithDbAsync(db => db.Set<ProcessLogEntry>().AsNoTracking().Where(e => e.ProcessId == cast.ProcessId).Select(e => e.Data + e.ActorName).ToListAsync());
        Assert.DoesNotContain(log, d => d.Contains(person.Id, StringComparison.Ordinal) || d.Contains("Linked Lina", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_that_took_part_already_keeps_its_participant_and_the_key_votes_stay_as_they_are()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        // Pia voted with her account on another device.
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(cast.ParticipantClient, id)).Response.StatusCode);
        var browser = App.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(browser, id, "Disagree")).Response.StatusCode);
        var signIn = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = cast.Participant.Email!, ["Input.Password"] = CocreoApp.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(browser, id)).Response.StatusCode);

        var participants = await App.WithDbAsync(db => db.Set<ConversationParticipant>().AsNoTracking().Where(p => p.ConversationId == id).ToListAsync());
        Assert.Equal(2, participants.Count);
        var account = participants.Single(p => p.UserId == cast.Participant.Id);
        var key = participants.Single(p => p.UserId is null);
        Assert.NotNull(key.KeyHash);
        var votes = await VotesAsync(App, id);
        Assert.Equal(2, votes.Count(v => v.ParticipantId == account.Id));
        Assert.Equal(ConversationChoice.Disagree, Assert.Single(votes, v => v.ParticipantId == key.Id).Choice);
    }

    [Fact]
    public async Task In_a_conversation_for_signed_in_people_a_key_is_never_attached()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var browser = App.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(browser, id)).Response.StatusCode);
        var settings = await SettingsAsync(cast.OwnerClient, id, access: "SignedIn");
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        var person = await App.CreateUserAsync("Signed Sam");
        var signIn = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = person.Email!, ["Input.Password"] = CocreoApp.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(browser, id)).Response.StatusCode);
        var participants = await App.WithDbAsync(db => db.Set<ConversationParticipant>().AsNoTracking().Where(p => p.ConversationId == id).ToListAsync());
        Assert.Equal(2, participants.Count);
        Assert.Single(participants, p => p.UserId is null && p.KeyHash is not null);
    }

    [Fact]
    public async Task A_private_process_conversation_its_map_report_api_and_export_are_hidden_from_outsiders()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(cast.ParticipantClient, id)).Response.StatusCode);
        await App.WithDbAsync(async db =>
        {
            var process = await db.Set<Cocreo.Web.Features.Processes.Process>().SingleAsync(p => p.Id == cast.ProcessId);
            process.ChangeVisibility(Cocreo.Web.Features.Processes.ProcessVisibility.Private);
            await db.SaveChangesAsync();
        });
        string[] urls = [$"/conversations/{id}", $"/conversations/{id}/map", $"/conversations/{id}/report", $"/conversations/{id}/export.zip",
            $"/api/v1/conversations/{id}", $"/api/v1/conversations/{id}/map", $"/api/v1/conversations/{id}/next"];
        foreach (var url in urls)
        {
            Assert.True(HttpStatusCode.NotFound == (await cast.AnonymousClient.Http.GetAsync(url)).StatusCode, $"anonymous {url}");
            Assert.True(HttpStatusCode.NotFound == (await cast.OtherStaffClient.Http.GetAsync(url)).StatusCode, $"other organisation's staff {url}");
            foreach (var (who, client) in new[] { ("owner", cast.OwnerClient), ("member", cast.ParticipantClient), ("admin", cast.AdminClient) })
            {
                var response = await client.Http.GetAsync(url);
                Assert.True(response.IsSuccessStatusCode, $"{who} {url}: {(int)response.StatusCode}");
            }
        }
        var export = await cast.OwnerClient.Http.GetAsync($"/conversations/{id}/export.zip");
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class ConversationAcrossOnSqlite(ConversationAcrossOnSqlite.TestApp app) : ConversationAcrossTests<ConversationAcrossOnSqlite.TestApp>(app)
{
    public sealed class TestApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Conversations:MapRefresh"] = "00:00:00" };
    }
}

public sealed class ConversationAcrossOnPostgres(ConversationAcrossOnPostgres.TestApp app) : ConversationAcrossTests<ConversationAcrossOnPostgres.TestApp>(app)
{
    public sealed class TestApp : PostgresApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Conversations:MapRefresh"] = "00:00:00" };
    }
}
