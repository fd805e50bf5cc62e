using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// Every state-changing endpoint of conversations, tried by every kind of person over HTTP on a link conversation:
/// the answer (allowed, 403, sign in) and the effect (in the database or the process's log; a refused attempt
/// changed nothing). Each attempt works on something of its own (a new statement to pin, reject or accept).
/// </summary>
public sealed class ConversationEndpointAuthorizationTests(ConversationEndpointAuthorizationTests.TableApp app) : IClassFixture<ConversationEndpointAuthorizationTests.TableApp>, IAllowDenyTable
{
    public sealed class TableApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Conversations:StatementsPerWindow"] = "1000",
        };
    }

    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] Everyone = [Changed, Changed, Changed, Changed, Changed, Changed];

    /// <summary>One attempt: where to post and what (an API call sends JSON with the antiforgery header).</summary>
    private sealed record Attempt(string Url, Dictionary<string, string> Fields, string? Json = null, string Method = "POST");

    private sealed record Row(Endpoint Endpoint, Func<ConversationCast, int, Task<Attempt>> Attempt, Func<ConversationCast, Task<string>> State, string[] Expected);

    private static Task<Attempt> Post(string url, Dictionary<string, string> fields) => Task.FromResult(new Attempt(url, fields));

    private static Task<string> Log(ConversationCast cast) => cast.LogAsync();

    private static Task<string> Votes(ConversationCast cast) => cast.CountAsync(db => db.Set<ConversationVote>().CountAsync(v => v.ConversationId == cast.ConversationId));

    private static Task<string> Answers(ConversationCast cast) => cast.CountAsync(db => db.Set<ConversationAnswer>().CountAsync(a => a.ConversationId == cast.ConversationId));
    private static Task<string> Proposals(ConversationCast cast) => cast.CountAsync(db => db.Set<StatementProposal>().CountAsync(l => l.ConversationId == cast.ConversationId));

    private static Task<string> Statements(ConversationCast cast) => cast.CountAsync(db => db.Set<ConversationStatement>().CountAsync(s => s.ConversationId == cast.ConversationId));

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["conversation/start"] = new(new("POST", "/processes/{processId:int}/conversations"),
            (cast, i) => Post($"/processes/{cast.People.ProcessId}/conversations", new() { ["Input.Question"] = $"Question {i}?", ["Input.Access"] = "Link", ["Input.Moderation"] = "Post", ["Input.StatementLimit"] = "280" }),
            cast => cast.CountAsync(db => db.Set<Conversation>().CountAsync(c => c.ProcessId == cast.People.ProcessId)),
            Team),
        ["conversation/settings"] = new(new("POST", "/conversations/{id:int}/manage"),
            (cast, i) => Post(cast.Path("manage"), new() { ["Input.Question"] = $"Changed question {i}?", ["Input.Access"] = "Link", ["Input.ParticipantsMayAdd"] = "true", ["Input.Moderation"] = "Post", ["Input.StatementLimit"] = "280" }),
            Log, Team),
        ["conversation/seed"] = new(new("POST", "/conversations/{id:int}/manage", "Seed"),
            (cast, i) => Post(cast.Path("manage?handler=Seed"), new() { ["text"] = $"Seed number {i} from {Roles[i]} about benches." }), Statements, Team),
        ["conversation/pin"] = new(new("POST", "/conversations/{id:int}/manage", "Pin"),
            async (cast, i) => new(cast.Path("manage?handler=Pin"), new() { ["statementId"] = $"{await cast.StatementAsync($"Pin me {i} please, about trees.")}", ["pinned"] = "true" }), Log, Team),
        ["conversation/close"] = new(new("POST", "/conversations/{id:int}/manage", "Close"),
            async (cast, _) =>
            {
                await cast.ReopenAsync();
                return new(cast.Path("manage?handler=Close"), new() { ["close"] = "true" });
            }, Log, Team),
        ["statement/reject"] = new(new("POST", "/conversations/{id:int}/manage", "Reject"),
            async (cast, i) => new(cast.Path("manage?handler=Reject"), new() { ["statementId"] = $"{await cast.StatementAsync($"Reject me {i}, a rude one about cars.")}", ["reason"] = "Rude." }), Log, Team),
        ["statement/merge"] = new(new("POST", "/conversations/{id:int}/manage", "Merge"),
            async (cast, i) => new(cast.Path("manage?handler=Merge"), new()
            {
                ["statementId"] = $"{await cast.StatementAsync($"Merge me {i}, a repeat about kiosks.")}",
                ["intoId"] = $"{await cast.StatementAsync($"Keep me {i}, the original about kiosks and stalls.")}",
            }), Log, Team),
        ["statement/accept"] = new(new("POST", "/conversations/{id:int}/manage", "Accept"),
            async (cast, i) => new(cast.Path("manage?handler=Accept"), new() { ["statementId"] = $"{await cast.StatementAsync($"Accept me {i}, waiting about buses.", held: true)}" }), Log, Team),
        ["take-part/vote"] = new(new("POST", "/conversations/{id:int}", "Vote"),
            async (cast, i) => new(cast.Path("?handler=Vote"), new() { ["statementId"] = $"{await cast.StatementAsync($"Vote on me {i}, about squares.")}", ["choice"] = "Agree" }), Votes, Everyone),
        ["take-part/add"] = new(new("POST", "/conversations/{id:int}", "Add"),
            (cast, i) => Post(cast.Path("?handler=Add"), new() { ["Text"] = $"A statement by {Roles[i]} number {i} on fountains." }), Statements, Everyone),
        // Anyone signed in reports a statement to the shared moderation (each attempt on a team statement of its own).
        ["take-part/report"] = new(new("POST", "/conversations/{id:int}", "Report"),
            async (cast, i) => new(cast.Path("?handler=Report"), new()
            {
                ["statementId"] = $"{await cast.StatementAsync($"Report me {i}, a statement about benches.")}",
                ["reportReason"] = "Spam",
                ["reportSubmissionId"] = Guid.NewGuid().ToString(),
            }), Log, [SignIn, Changed, Changed, Changed, Changed, Changed]),
        // Everyone who may take part answers the questions about themselves (each a participant of their own).
        ["take-part/answer"] = new(new("POST", "/conversations/{id:int}", "Answer"),
            async (cast, i) =>
            {
                await cast.QuestionsAsync();
                return new(cast.Path("?handler=Answer"), new() { ["answers[0]"] = $"{i % 2}", ["answers[1]"] = "" });
            }, Answers, Everyone),
        ["api/answers"] = new(new("POST", "/api/v1/conversations/{id:int}/answers"),
            async (cast, i) =>
            {
                await cast.QuestionsAsync();
                return new($"/api/v1/conversations/{cast.ConversationId}/answers", [], $"{{\"answers\":[{i % 2},null]}}");
            }, Answers, Everyone),
        // The team makes a statement into a proposal of a budget of the process that collects proposals.
        ["statement/proposal"] = new(new("POST", "/conversations/{id:int}/statements/{statementId:int}/proposal"),
            async (cast, i) => new(cast.Path($"statements/{await cast.StatementAsync($"Propose me {i}, about trees.")}/proposal"), new()
            {
                ["Input.Destination"] = $"budget:{await cast.BudgetAsync()}",
                ["Input.Title"] = $"Trees {i}",
                ["Input.Description"] = "Plant trees.",
                ["Input.Category"] = "Green spaces",
                ["Input.EstimatedCost"] = "1000",
            }), Proposals, Team),
        ["api/proposal"] = new(new("POST", "/api/v1/conversations/{id:int}/statements/{statementId:int}/proposal"),
            async (cast, i) => new($"/api/v1/conversations/{cast.ConversationId}/statements/{await cast.StatementAsync($"API propose me {i}, about trees.")}/proposal", [],
                $"{{\"kind\":\"budget\",\"destinationId\":{await cast.BudgetAsync()},\"title\":\"Trees {i}\",\"description\":\"Plant trees.\",\"category\":\"Green spaces\",\"estimatedCost\":1000}}"),
            Proposals, ["401", Forbidden, Changed, Changed, Forbidden, Changed]),
        // The team translates the conversation (page and API share the use case); every attempt is logged.
        ["conversation/translate"] = new(new("POST", "/conversations/{id:int}/translations"),
            (cast, i) => Post(cast.Path("translations?language=sl"), new() { ["language"] = "sl", ["Input.Question"] = $"Kakšne naj bodo ulice {i}?", ["Input.Context"] = "Mesto pripravlja načrt." }),
            Log, Team),
        ["api/translate"] = new(new("PUT", "/api/v1/conversations/{id:int}/translations/{language}"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/conversations/{cast.ConversationId}/translations/sl", [], $"{{\"question\":\"Kakšne naj bodo ulice {i}?\"}}", "PUT")),
            Log, ["401", Forbidden, Changed, Changed, Forbidden, Changed]),
        ["api/vote"] = new(new("POST", "/api/v1/conversations/{id:int}/votes"),
            async (cast, i) => new($"/api/v1/conversations/{cast.ConversationId}/votes", [], $"{{\"statementId\":{await cast.StatementAsync($"API vote {i} about parks.")},\"choice\":\"Disagree\"}}"), Votes, Everyone),
        ["api/statement"] = new(new("POST", "/api/v1/conversations/{id:int}/statements"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/conversations/{cast.ConversationId}/statements", [], $"{{\"text\":\"API statement {i} by {Roles[i]} on lights.\"}}")), Statements, Everyone),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await ConversationCast.CreateAsync(app);
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Attempt(cast, i);
            var before = await row.State(cast);
            var token = await Scenarios.AntiforgeryTokenAsync(clients[i]);
            HttpResponseMessage response;
            if (attempt.Json is { } json)
            {
                using var request = new HttpRequestMessage(new HttpMethod(attempt.Method), attempt.Url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add("X-CSRF-TOKEN", token);
                response = await clients[i].Http.SendAsync(request);
            }
            else
            {
                attempt.Fields["__RequestVerificationToken"] = token;
                response = await clients[i].PostAsync(attempt.Url, attempt.Fields);
            }
            var after = await row.State(cast);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task An_api_change_without_the_antiforgery_header_is_refused()
    {
        var cast = await ConversationCast.CreateAsync(app);
        var statement = await cast.StatementAsync("No token about roofs.");
        var response = await cast.People.AnonymousClient.Http.PostAsync($"/api/v1/conversations/{cast.ConversationId}/votes",
            new StringContent($"{{\"statementId\":{statement},\"choice\":\"Agree\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("0", await Votes(cast));
    }
}

/// <summary>A link conversation with the people around its process.</summary>
internal sealed record ConversationCast(CocreoApp App, ProcessCast People, int ConversationId)
{
    public static async Task<ConversationCast> CreateAsync(CocreoApp app)
    {
        var people = await Scenarios.ProcessWithCastAsync(app);
        var id = await ConversationSteps.StartAsync(people.OwnerClient, people.ProcessId);
        return new ConversationCast(app, people, id);
    }

    public string Path(string rest) => rest.StartsWith('?') ? $"/conversations/{ConversationId}{rest}" : $"/conversations/{ConversationId}/{rest}";

    public Task<string> CountAsync(Func<Cocreo.Web.Data.CocreoDbContext, Task<int>> count) =>
        App.WithDbAsync(async db => (await count(db)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<string> LogAsync() => App.WithDbAsync(async db =>
        string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == People.ProcessId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));

    /// <summary>A new statement by the team (open for voting), or one waiting for moderation.</summary>
    public Task<int> StatementAsync(string text, bool held = false) => App.WithDbAsync(async db =>
    {
        var conversation = await db.Set<Conversation>().SingleAsync(c => c.Id == ConversationId);
        var participant = ConversationParticipant.WithKey(ConversationId, ParticipantKeys.Hash(ConversationId, ParticipantKeys.New()), DateTime.UtcNow);
        db.Add(participant);
        await db.SaveChangesAsync();
        var statement = held
            ? ConversationStatement.ByParticipant(conversation, participant.Id, text, held: true, DateTime.UtcNow)
            : ConversationStatement.ByTheTeam(conversation, text, seed: true, DateTime.UtcNow);
        db.Add(statement);
        await db.SaveChangesAsync();
        if (held)
        {
            db.Add(Cocreo.Web.Features.Moderation.ModerationCase.Held(ConversationStatements.Kind, statement.Id, People.ProcessId, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        return statement.Id;
    });

    /// <summary>Gives the conversation two demographic questions, once.</summary>
    public Task QuestionsAsync() => App.WithDbAsync(async db =>
    {
        if (!await db.Set<ConversationQuestion>().AnyAsync(q => q.ConversationId == ConversationId))
        {
            db.Add(ConversationQuestion.For(ConversationId, 0, new QuestionDraft("Age group", ["Under 40", "40 or older"], [45m, 55m])));
            db.Add(ConversationQuestion.For(ConversationId, 1, new QuestionDraft("District", ["North", "South"], [null, null])));
            await db.SaveChangesAsync();
        }
    });
    private int? budget;

    /// <summary>A budget of the process collecting proposals (made once per cast by its owner).</summary>
    public async Task<int> BudgetAsync() => budget ??= await Budgeting.BudgetingScenario.CreateBudgetAsync(People.OwnerClient, People.ProcessId);

    public Task ReopenAsync() => App.WithDbAsync(async db =>
    {
        var conversation = await db.Set<Conversation>().SingleAsync(c => c.Id == ConversationId);
        conversation.Reopen();
        await db.SaveChangesAsync();
    });
}
