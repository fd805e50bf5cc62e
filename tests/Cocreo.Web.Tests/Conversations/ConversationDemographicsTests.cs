using System.Net;
using System.Security.Claims;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Conversations.ConversationSteps;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// Demographic questions and "important" marks in conversations, on each database: the settings' rules (shares add
/// up to 100, at least two answers), asking once after the first votes, answering, skipping and answering again,
/// the answers as personal data (download, deletion, never logged), the k-anonymity threshold of the per-group
/// breakdown, importance counted once per participant, and the API.
/// </summary>
public abstract class ConversationDemographicsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private const string AgeAndHome = "Age group\n16–34 | 28\n35–64 | 50\n65 or older | 22\n\nWhere do you live?\nIn the old town\nElsewhere";

    private static readonly string[] FiveSeeds =
    [
        "The old town should be car-free on weekends.",
        "Shops need parking close by to survive.",
        "The main square needs more shade trees.",
        "Night buses should run on Fridays.",
        "More public toilets are needed in the centre.",
    ];

    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private async Task<(ProcessCast Cast, int Id)> StartWithQuestionsAsync(bool askImportance = true)
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId, seeds: FiveSeeds);
        var response = await SaveSettingsAsync(cast.OwnerClient, id, AgeAndHome, askImportance);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (cast, id);
    }

    private static async Task<HttpResponseMessage> SaveSettingsAsync(FormClient team, int id, string questions, bool askImportance = true)
    {
        return await team.PostAsync($"/conversations/{id}/manage", new()
        {
            ["Input.Question"] = "What should the old town's streets be like?",
            ["Input.Context"] = "The city drafts its plan next year.",
            ["Input.Access"] = "Link",
            ["Input.ParticipantsMayAdd"] = "true",
            ["Input.Moderation"] = "Post",
            ["Input.StatementLimit"] = "280",
            ["Input.Questions"] = questions,
            ["Input.AskImportance"] = askImportance ? "true" : "false",
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(team),
        });
    }

    private Task<List<ConversationQuestion>> QuestionsAsync(int id) =>
        App.WithDbAsync(db => db.Set<ConversationQuestion>().AsNoTracking().Where(q => q.ConversationId == id).OrderBy(q => q.Position).ToListAsync());

    private Task<List<ConversationAnswer>> AnswersAsync(int id) =>
        App.WithDbAsync(db => db.Set<ConversationAnswer>().AsNoTracking().Where(a => a.ConversationId == id).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task The_team_sets_questions_with_population_shares_and_bad_ones_are_refused_with_the_reason()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        async Task RefusedAsync(string questions, string reason)
        {
            var response = await SaveSettingsAsync(cast.OwnerClient, id, questions);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = await FormClient.ParseAsync(response);
            Assert.Contains(reason, page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(questions, page.QuerySelector("textarea[name='Input.Questions']")!.TextContent.Replace("\r", "", StringComparison.Ordinal));
        }
        await RefusedAsync("Age group\n16–34 | 30\n35–64 | 50\n65 or older | 10", "must be given for every answer and add up to 100 %");
        await RefusedAsync("Age group\n16–34 | 30\n35–64 | 70\n65 or older", "must be given for every answer and add up to 100 %");
        await RefusedAsync("Age group\n16–34", "needs at least two answers");
        await RefusedAsync("Age group\n16–34 | many\n35 or older", "Line 2: write an answer");
        await RefusedAsync("Age group\n | 50\n35 or older | 50", "Line 2: write an answer");
        Assert.Empty(await QuestionsAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await SaveSettingsAsync(cast.OwnerClient, id, AgeAndHome)).StatusCode);
        var questions = await QuestionsAsync(id);
        Assert.Equal(["Age group", "Where do you live?"], questions.Select(q => q.Text));
        Assert.Equal([28m, 50m, 22m], questions[0].PopulationShares.Select(s => s!.Value));
        Assert.All(questions[1].PopulationShares, s => Assert.Null(s));
        var conversation = await App.WithDbAsync(db => db.Set<Conversation>().SingleAsync(c => c.Id == id));
        Assert.True(conversation.AskImportance);
        // The form shows them as typed.
        var manage = await cast.OwnerClient.GetOkPageAsync($"/conversations/{id}/manage");
        Assert.Contains("16–34 | 28", manage.QuerySelector("textarea[name='Input.Questions']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("conversation.changed", await LogActionsAsync(App, cast.ProcessId));
    }

    [Fact]
    public async Task Participants_are_asked_once_after_their_first_votes_and_may_answer_skip_or_answer_again()
    {
        var (cast, id) = await StartWithQuestionsAsync();
        var logBefore = await LogActionsAsync(App, cast.ProcessId);
        var visitor = App.NewClient();
        for (var i = 0; i < TakePartModel.AskAfterVotes; i++)
        {
            var page = await visitor.GetOkPageAsync($"/conversations/{id}");
            Assert.Null(page.QuerySelector("#about-you-heading"));
            Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(visitor, id)).Response.StatusCode);
        }
        var asked = await visitor.GetOkPageAsync($"/conversations/{id}");
        Assert.NotNull(asked.QuerySelector("#about-you-heading"));
        Assert.Equal(4, asked.QuerySelectorAll("input[name='answers[0]']").Length);
        Assert.NotNull(asked.QuerySelector("input[name='answers[1]'][value=''][checked]"));
        var (action, fields) = await visitor.ReadFormAsync($"/conversations/{id}", handler: "Answer");
        fields["answers[0]"] = "2";
        fields["answers[1]"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.PostAsync(action, fields)).StatusCode);
        var answers = await AnswersAsync(id);
        Assert.Equal([2, null], answers.Select(a => a.Option));
        // Not asked again; the next statement is shown.
        var after = await visitor.GetOkPageAsync($"/conversations/{id}");
        Assert.Null(after.QuerySelector("#about-you-heading"));
        Assert.NotNull(after.QuerySelector("#statement-text"));

        // Answering again replaces the answers (one per question).
        var again = await visitor.GetOkPageAsync($"/conversations/{id}?questions=true");
        Assert.NotNull(again.QuerySelector("input[name='answers[0]'][value='2'][checked]"));
        (action, fields) = await visitor.ReadFormAsync($"/conversations/{id}?questions=true", handler: "Answer");
        fields["answers[0]"] = "0";
        fields["answers[1]"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.PostAsync(action, fields)).StatusCode);
        Assert.Equal([0, 1], (await AnswersAsync(id)).Select(a => a.Option));

        // Another skips: stored as "prefer not to say", and not asked again.
        var skipper = App.NewClient();
        for (var i = 0; i < TakePartModel.AskAfterVotes; i++)
        {
            await VoteShownAsync(skipper, id);
        }
        (action, fields) = await skipper.ReadFormAsync($"/conversations/{id}", handler: "Answer");
        fields["answers[0]"] = "1";
        fields["skip"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await skipper.PostAsync(action, fields)).StatusCode);
        Assert.Equal(4, (await AnswersAsync(id)).Count);
        Assert.Equal(2, (await AnswersAsync(id)).Count(a => a.Option is null));
        Assert.Null((await skipper.GetOkPageAsync($"/conversations/{id}")).QuerySelector("#about-you-heading"));

        // An answer that is not offered is refused; nothing changes.
        (action, fields) = await visitor.ReadFormAsync($"/conversations/{id}?questions=true", handler: "Answer");
        fields["answers[0]"] = "7";
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await visitor.PostAsync(action, fields)).StatusCode);
        Assert.Equal([0, 1], (await AnswersAsync(id)).Take(2).Select(a => a.Option));

        // Answers are never logged.
        Assert.Equal(logBefore, await LogActionsAsync(App, cast.ProcessId));
        // Once answered, the questions can no longer change.
        var locked = await SaveSettingsAsync(cast.OwnerClient, id, "Age group\nYoung\nOld");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Contains("the questions can no longer change", (await FormClient.ParseAsync(locked)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await QuestionsAsync(id)).Count);
        // The other settings still change when the questions stay as they are.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSettingsAsync(cast.OwnerClient, id, AgeAndHome, askImportance: false)).StatusCode);
    }

    [Fact]
    public async Task Answers_and_important_marks_are_in_the_persons_download_and_answers_are_deleted_with_the_account()
    {
        var (cast, id) = await StartWithQuestionsAsync();
        var (statement, _) = await VoteShownAsync(cast.ParticipantClient, id);
        var (action, fields) = await cast.ParticipantClient.ReadFormAsync($"/conversations/{id}", handler: "Vote");
        fields["choice"] = "Disagree";
        fields["important"] = "true";
        await cast.ParticipantClient.PostAsync(action, fields);
        (action, fields) = await cast.ParticipantClient.ReadFormAsync($"/conversations/{id}?questions=true", handler: "Answer");
        fields["answers[0]"] = "1";
        fields["answers[1]"] = "0";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.PostAsync(action, fields)).StatusCode);

        using (var scope = App.Services.CreateScope())
        {
            var part = scope.ServiceProvider.GetServices<IPersonalData>().OfType<ConversationPersonalData>().Single();
            var json = System.Text.Json.JsonSerializer.Serialize(await part.ExportAsync(cast.Participant.Id, CancellationToken.None), new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.Contains("\"question\":\"Age group\"", json, StringComparison.Ordinal);
            Assert.Contains("35–64", json, StringComparison.Ordinal);
            Assert.Contains("In the old town", json, StringComparison.Ordinal);
            Assert.Contains("\"important\":true", json, StringComparison.Ordinal);
            await part.ForgetAsync(cast.Participant.Id, DateTime.UtcNow, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Cocreo.Web.Data.CocreoDbContext>().SaveChangesAsync();
        }
        Assert.Empty(await AnswersAsync(id));
        // The votes stay (the map keeps them), tied to nobody.
        Assert.Equal(2, (await VotesAsync(App, id)).Count);
        Assert.Contains(await VotesAsync(App, id), v => v.StatementId != statement && v.Important);
    }

    [Fact]
    public async Task Importance_is_kept_only_where_asked_and_counted_once_per_participant()
    {
        var (cast, id) = await StartWithQuestionsAsync();
        var statement = (await StatementsAsync(App, id))[0].Id;
        var key = ParticipantKeys.New();
        // Eight requests of one participant at once, each marking it important: it counts once.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => VoteAsync(
            new CastVote.Command(id, key, statement, i % 2 == 0 ? ConversationChoice.Agree : ConversationChoice.Disagree, Important: true))));
        await VoteAsync(new CastVote.Command(id, ParticipantKeys.New(), statement, ConversationChoice.Pass, Important: true));
        await VoteAsync(new CastVote.Command(id, ParticipantKeys.New(), statement, ConversationChoice.Agree));
        using (var scope = App.Services.CreateScope())
        {
            var counts = await scope.ServiceProvider.GetRequiredService<Representativeness>().ImportantAsync(id, CancellationToken.None);
            Assert.Equal(2, counts[statement]);
        }
        // Changing only the mark is a change; the same again is not.
        var outcome = await VoteAsync(new CastVote.Command(id, key, statement, (await VotesAsync(App, id))[0].Choice, Important: false));
        Assert.True(outcome.Changed);
        Assert.Equal(1, (await VotesAsync(App, id)).Count(v => v.Important));

        // The report and the map show the counts.
        var report = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}/report");
        Assert.Contains("1 person", report.QuerySelector("#important-table")!.TextContent, StringComparison.Ordinal);
        var map = System.Text.Json.JsonDocument.Parse(await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/conversations/{id}/map")).RootElement;
        Assert.Equal(1, map.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("statementId").GetInt32() == statement).GetProperty("important").GetInt32());

        // Where the conversation does not ask, a mark sent anyway is not kept.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSettingsAsync(cast.OwnerClient, id, AgeAndHome, askImportance: false)).StatusCode);
        await VoteAsync(new CastVote.Command(id, ParticipantKeys.New(), statement, ConversationChoice.Agree, Important: true));
        Assert.Equal(1, (await VotesAsync(App, id)).Count(v => v.Important));
        var page = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}");
        Assert.Null(page.QuerySelector("input[name='important']"));
    }

    [Fact]
    public async Task The_group_breakdown_is_shown_only_when_every_cell_has_at_least_k_people()
    {
        var (_, id) = await StartWithQuestionsAsync();
        var questions = await QuestionsAsync(id);
        // Groups 0 and 1 of 12 people each; age answers: group 0 → 6 × "16–34", 6 × "35–64"; group 1 → 5, 5 and 2 × "65 or older".
        var ids = await App.WithDbAsync(async db =>
        {
            var participants = Enumerable.Range(0, 24).Select(_ => ConversationParticipant.WithKey(id, ParticipantKeys.Hash(id, ParticipantKeys.New()), DateTime.UtcNow)).ToList();
            db.AddRange(participants);
            await db.SaveChangesAsync();
            int[] ages = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2];
            for (var i = 0; i < 24; i++)
            {
                db.Add(ConversationAnswer.Given(id, participants[i].Id, questions[0].Id, ages[i], DateTime.UtcNow));
                db.Add(ConversationAnswer.Given(id, participants[i].Id, questions[1].Id, i % 2, DateTime.UtcNow));
            }
            await db.SaveChangesAsync();
            return participants.Select(p => p.Id).ToList();
        });
        MapSummary Map(int groupOfLast) => MapSummary.Empty(DateTime.UtcNow) with
        {
            Groups = [new GroupSummary(0, "A", 12, 0, 0, []), new GroupSummary(1, "B", 12, 1, 1, [])],
            Participants = ids.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => new PlacementSummary(0, 0, x.i < 12 ? 0 : groupOfLast, true)),
        };
        using var scope = App.Services.CreateScope();
        var representativeness = scope.ServiceProvider.GetRequiredService<Representativeness>();
        var split = await representativeness.ForAsync(id, Map(1), CancellationToken.None);
        // Age: "65 or older" has 0 in group A and 2 in group B: below k, so no breakdown; home: 6 and 6 per group, shown.
        Assert.Null(split[0].Groups);
        Assert.NotNull(split[1].Groups);
        Assert.Equal([6, 6], split[1].Groups![0].Participants);
        Assert.Equal(24, split[0].Answered);
        Assert.Equal([11, 11, 2], split[0].Answers.Select(a => a.Participants));
        // 2 of 24 (8.3 %) against 22 % of the population: under-represented.
        Assert.True(split[0].Answers[2].Representation < Representativeness.UnderRepresented);
        Assert.Equal(22m, split[0].Answers[2].PopulationShare);
        Assert.Equal(Representativeness.K, 5);

        // The report says why the breakdown is hidden.
        var report = await App.NewClient().GetOkPageAsync($"/conversations/{id}/report");
        Assert.NotNull(report.QuerySelector("#representativeness"));
        Assert.Contains("Age group", report.QuerySelector("#representativeness")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_shows_the_questions_and_takes_answers_and_important_marks()
    {
        var (_, id) = await StartWithQuestionsAsync();
        var visitor = App.NewClient();
        var conversation = System.Text.Json.JsonDocument.Parse(await visitor.Http.GetStringAsync($"/api/v1/conversations/{id}")).RootElement;
        Assert.True(conversation.GetProperty("askImportance").GetBoolean());
        Assert.Equal(2, conversation.GetProperty("questions").GetArrayLength());
        Assert.Equal(28m, conversation.GetProperty("questions")[0].GetProperty("populationShares")[0].GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, conversation.GetProperty("yourAnswers").ValueKind);
        var token = await Scenarios.AntiforgeryTokenAsync(visitor);
        async Task<HttpResponseMessage> PostAsync(string path, string json)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{id}/{path}") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-CSRF-TOKEN", token);
            return await visitor.Http.SendAsync(request);
        }
        var statement = (await StatementsAsync(App, id))[1].Id;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("votes", $"{{\"statementId\":{statement},\"choice\":\"Agree\",\"important\":true}}")).StatusCode);
        Assert.True((await VotesAsync(App, id)).Single().Important);
        var bad = await PostAsync("answers", "{\"answers\":[3,null]}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("Choose one of the answers offered", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync("answers", "{\"answers\":[0,0,0]}")).StatusCode);
        Assert.Empty(await AnswersAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("answers", "{\"answers\":[2,null]}")).StatusCode);
        Assert.Equal([2, null], (await AnswersAsync(id)).Select(a => a.Option));
        conversation = System.Text.Json.JsonDocument.Parse(await visitor.Http.GetStringAsync($"/api/v1/conversations/{id}")).RootElement;
        Assert.Equal(2, conversation.GetProperty("yourAnswers")[0].GetInt32());
        var map = System.Text.Json.JsonDocument.Parse(await visitor.Http.GetStringAsync($"/api/v1/conversations/{id}/map")).RootElement;
        var age = map.GetProperty("representativeness")[0];
        Assert.Equal("Age group", age.GetProperty("question").GetString());
        Assert.Equal(1, age.GetProperty("answers")[2].GetProperty("participants").GetInt32());
        // The open-data export has no answers: Polis' format has no place for them.
        var zip = await visitor.Http.GetByteArrayAsync($"/conversations/{id}/export.zip");
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var text = await reader.ReadToEndAsync();
            Assert.DoesNotContain("65 or older", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Age group", text, StringComparison.Ordinal);
        }
    }

    private async Task<CastVote.Outcome> VoteAsync(CastVote.Command command)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CastVote.Handler>().CastAsync(command, new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None);
    }

    private async Task<TResult> RunAsync<THandler, TCommand, TResult>(TCommand command) where THandler : IChange<TCommand, ConversationTarget, TResult>
    {
        using var scope = App.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<ChangeRunner>();
        return await runner.RunAsync(scope.ServiceProvider.GetRequiredService<THandler>(), command, new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None);
    }
}

public sealed class ConversationDemographicsOnSqlite(ConversationDemographicsOnSqlite.TestApp app) : ConversationDemographicsTests<ConversationDemographicsOnSqlite.TestApp>(app)
{
    public sealed class TestApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Conversations:MapRefresh"] = "00:00:00" };
    }
}

public sealed class ConversationDemographicsOnPostgres(ConversationDemographicsOnPostgres.TestApp app) : ConversationDemographicsTests<ConversationDemographicsOnPostgres.TestApp>(app)
{
    public sealed class TestApp : PostgresApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Conversations:MapRefresh"] = "00:00:00" };
    }
}
