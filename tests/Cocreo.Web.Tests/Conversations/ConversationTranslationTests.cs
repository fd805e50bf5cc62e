using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Conversations.ConversationSteps;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// A conversation's staff translation, on each database: a Slovenian reader sees the translated question, context and
/// questions about the participants (marked <c>lang="sl"</c>) on the take-part page, the map, the report, the list and
/// the API; an English reader the original; a field the translation leaves empty falls back to the original with its
/// own language; statements stay as written, marked with the conversation's language; bad translations are refused
/// with the field and leave nothing behind; the export is unaffected.
/// </summary>
public abstract class ConversationTranslationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private const string Question = "What should the old town's streets be like?";

    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private async Task<(ProcessCast Cast, int Id)> StartAsync()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ConversationSteps.StartAsync(cast.OwnerClient, cast.ProcessId);
        var response = await cast.OwnerClient.PostAsync($"/conversations/{id}/manage", new()
        {
            ["Input.Question"] = Question,
            ["Input.Context"] = "The city drafts its plan next year.",
            ["Input.Access"] = "Link",
            ["Input.ParticipantsMayAdd"] = "true",
            ["Input.Moderation"] = "Post",
            ["Input.StatementLimit"] = "280",
            ["Input.Questions"] = "Age group\nUnder 40 | 45\n40 or older | 55",
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (cast, id);
    }

    private static async Task<HttpResponseMessage> PutAsync(FormClient client, string url, object body, bool withToken = true)
    {
        var token = await Scenarios.AntiforgeryTokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (withToken)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_Slovenian_reader_sees_the_translation_and_an_English_reader_the_original()
    {
        var (cast, id) = await StartAsync();
        var conversation = await App.WithDbAsync(db => db.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("en", conversation.Language);

        // The team's page: the question and the first answer translated; the context and the second answer left empty.
        var saved = await cast.FacilitatorClient.SubmitAsync($"/conversations/{id}/translations?language=sl", new()
        {
            ["Input.Question"] = "Kakšne naj bodo ulice starega mestnega jedra?",
            ["Input.Context"] = "",
            ["Input.Questions[0].Text"] = "Starostna skupina",
            ["Input.Questions[0].Options[0]"] = "Pod 40 let",
            ["Input.Questions[0].Options[1]"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("conversation.translated", await LogActionsAsync(App, cast.ProcessId));
        var form = await cast.FacilitatorClient.GetOkPageAsync($"/conversations/{id}/translations?language=sl");
        Assert.Equal("Starostna skupina", form.QuerySelector("[name='Input.Questions[0].Text']")!.GetAttribute("value"));

        var slovenian = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}?culture=sl");
        var h1 = slovenian.QuerySelector("h1")!;
        Assert.Equal(("Kakšne naj bodo ulice starega mestnega jedra?", "sl"), (h1.TextContent, h1.GetAttribute("lang")));
        // The context is empty in the translation: the original, marked English.
        var context = slovenian.QuerySelector(".conversation-context .prose")!;
        Assert.Contains("The city drafts its plan next year.", context.TextContent, StringComparison.Ordinal);
        Assert.Equal("en", context.GetAttribute("lang"));
        // Statements stay as written, marked with the conversation's language.
        var statement = slovenian.QuerySelector("#statement-text")!;
        Assert.Contains(statement.TextContent.Trim(), Seeds);
        Assert.Equal("en", statement.GetAttribute("lang"));

        var english = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}?culture=en");
        Assert.Equal((Question, "en"), (english.QuerySelector("h1")!.TextContent, english.QuerySelector("h1")!.GetAttribute("lang")));

        // The questions about the participant: the translated words where given, else the original with its language.
        var questions = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}?questions=true&culture=sl");
        var legend = questions.QuerySelector("fieldset.choices legend")!;
        Assert.Equal(("Starostna skupina", "sl"), (legend.TextContent, legend.GetAttribute("lang")));
        var options = questions.QuerySelectorAll("fieldset.choices label span[lang]").Select(s => (s.TextContent, s.GetAttribute("lang"))).ToList();
        Assert.Equal([("Pod 40 let", "sl"), ("40 or older", "en")], options);

        // The API sets the context; the map, the report, the list and the API show the words in the reader's language.
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(cast.OwnerClient, $"/api/v1/conversations/{id}/translations/sl", new
        {
            question = "Kakšne naj bodo ulice starega mestnega jedra?",
            context = "Mesto pripravlja načrt prihodnje leto.",
            questions = new[] { new { text = "Starostna skupina", options = new[] { "Pod 40 let", "40 let ali več" } } },
        })).StatusCode);
        var withContext = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}?culture=sl");
        Assert.Equal("sl", withContext.QuerySelector(".conversation-context .prose")!.GetAttribute("lang"));
        var map = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}/map?culture=sl");
        Assert.Equal(("Kakšne naj bodo ulice starega mestnega jedra?", "sl"), (map.QuerySelector(".lead")!.TextContent, map.QuerySelector(".lead")!.GetAttribute("lang")));
        var report = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}/report?culture=sl");
        Assert.Equal("sl", report.QuerySelector(".lead")!.GetAttribute("lang"));
        Assert.Equal("Kakšne naj bodo ulice starega mestnega jedra?", report.QuerySelector(".lead")!.TextContent);
        var list = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/conversations?culture=sl");
        var link = list.QuerySelector($".card a[href='/conversations/{id}']")!;
        Assert.Equal(("Kakšne naj bodo ulice starega mestnega jedra?", "sl"), (link.TextContent, link.GetAttribute("lang")));
        var englishList = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/conversations?culture=en");
        Assert.Equal(Question, englishList.QuerySelector($".card a[href='/conversations/{id}']")!.TextContent);

        var document = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}?culture=sl");
        Assert.Equal("Kakšne naj bodo ulice starega mestnega jedra?", document.GetProperty("question").GetString());
        Assert.Equal("sl", document.GetProperty("language").GetString());
        Assert.Equal("en", document.GetProperty("originalLanguage").GetString());
        Assert.Equal(["Pod 40 let", "40 let ali več"], document.GetProperty("questions")[0].GetProperty("options").EnumerateArray().Select(o => o.GetString()).ToArray());
        var original = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}?culture=en");
        Assert.Equal(Question, original.GetProperty("question").GetString());
        Assert.Equal("en", original.GetProperty("language").GetString());

        // The open-data export is unaffected: the statements as written, no translated words.
        var zip = await cast.AnonymousClient.Http.GetByteArrayAsync($"/conversations/{id}/export.zip?culture=sl");
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            Assert.DoesNotContain("Kakšne", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_translations_are_refused_with_the_field_and_nothing_is_saved()
    {
        var (cast, id) = await StartAsync();
        var owner = cast.OwnerClient;
        var url = $"/api/v1/conversations/{id}/translations/";
        var log = await LogActionsAsync(App, cast.ProcessId);

        async Task RefusedAsync(HttpResponseMessage response, string field)
        {
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{field}: {problem}");
            Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        }

        await RefusedAsync(await PutAsync(owner, url + "xx", new { question = "Vprašanje?" }), "language");
        await RefusedAsync(await PutAsync(owner, url + "en", new { question = "Question?" }), "language");
        await RefusedAsync(await PutAsync(owner, url + "sl", new { question = "" }), "question");
        await RefusedAsync(await PutAsync(owner, url + "sl", new { question = new string('x', 301) }), "question");
        await RefusedAsync(await PutAsync(owner, url + "sl", new { question = "Vprašanje?", questions = new[] { new { text = "A", options = new[] { "1" } }, new { text = "B", options = new[] { "2" } } } }), "questions");
        await RefusedAsync(await PutAsync(owner, url + "sl", new { question = "Vprašanje?", questions = new[] { new { text = "A", options = new[] { "1", "2", "3" } } } }), "questions");
        await RefusedAsync(await PutAsync(owner, url + "sl", new { question = "Vprašanje?", questions = new[] { new { text = "A", options = new[] { new string('x', 101) } } } }), "questions");
        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(owner, url + "sl", new { question = "Vprašanje?" }, withToken: false)).StatusCode);

        // The page refuses the conversation's own language with a form error (422), and an empty question.
        var same = await owner.SubmitAsync($"/conversations/{id}/translations?language=en", new() { ["Input.Question"] = "Question?" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        var empty = await owner.SubmitAsync($"/conversations/{id}/translations?language=sl", new() { ["Input.Question"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("error-summary", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(log, await LogActionsAsync(App, cast.ProcessId));
        Assert.False(await App.WithDbAsync(db => db.Set<ConversationTranslation>().AnyAsync(t => t.ConversationId == id)));
    }
}

public sealed class ConversationTranslationOnSqlite(ConversationTranslationOnSqlite.TestApp app) : ConversationTranslationTests<ConversationTranslationOnSqlite.TestApp>(app)
{
    public sealed class TestApp : SqliteApp;
}

public sealed class ConversationTranslationOnPostgres(ConversationTranslationOnPostgres.TestApp app) : ConversationTranslationTests<ConversationTranslationOnPostgres.TestApp>(app)
{
    public sealed class TestApp : PostgresApp;
}
