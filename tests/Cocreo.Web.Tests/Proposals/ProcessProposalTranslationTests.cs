using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using static Cocreo.Web.Tests.Proposals.ProposalScenario;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>
/// Translations of a process's proposals: the same translation rows as budget projects, written by the proposal's
/// authors (logged by role) or the process's team (logged by name), shown by the reader's language with a note of who
/// translated it; bad input is refused with the field and changes nothing; strangers are refused.
/// </summary>
public abstract class ProcessProposalTranslationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task The_author_translates_on_the_page_and_a_Slovenian_reader_reads_the_translation_with_a_note()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Benches by the river");
        var url = $"/processes/{cast.ProcessId}/proposals/{id}";

        var form = await cast.ParticipantClient.GetOkPageAsync(url + "/translations?language=sl");
        Assert.NotNull(form.Body!.QuerySelector("textarea[name='Input.Body']"));
        var saved = await PostAsync(cast.ParticipantClient, url + "/translations", new()
        {
            ["language"] = "sl", ["Input.Title"] = "Klopi ob reki", ["Input.Body"] = "Prosimo za **klopi**.", ["Input.Location"] = "Glavna ulica",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var logged = Assert.Single(await LogAsync(App, cast.ProcessId, "proposal.translated"));
        Assert.Null(logged.ActorName);
        Assert.Contains("\"by\":\"author\"", logged.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("Klopi", logged.Data, StringComparison.Ordinal);

        var sl = await cast.AnonymousClient.GetOkPageAsync(url + "?culture=sl");
        var heading = sl.Body!.QuerySelector("h1")!;
        Assert.Equal("Klopi ob reki", heading.TextContent.Trim());
        Assert.Equal("sl", heading.GetAttribute("lang"));
        Assert.Contains("klopi", sl.Body.QuerySelector(".prose[lang='sl']")!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Glavna ulica", sl.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("prevod: avtor predloga", sl.Body.QuerySelector("#written-in")!.TextContent, StringComparison.Ordinal);

        var en = await cast.AnonymousClient.GetOkPageAsync(url + "?culture=en");
        Assert.Equal("Benches by the river", en.Body!.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("en", en.Body.QuerySelector("h1")!.GetAttribute("lang"));
        // A visitor sees no link to translate; the author does.
        Assert.Null(en.Body.QuerySelector($"a[href='{url}/translations']"));
        Assert.NotNull((await cast.ParticipantClient.GetOkPageAsync(url)).Body!.QuerySelector($"a[href='{url}/translations']"));
    }

    [Fact]
    public async Task The_team_translates_through_the_API_and_a_repeat_changes_nothing()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A library corner");
        var api = $"/api/v1/process-proposals/{id}/translations/sl";
        var words = new { title = "Knjižnični kotiček", body = "Za vse.", location = "" };

        var first = await ApiAsync(cast.FacilitatorClient, HttpMethod.Put, api, words);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        var again = await ApiAsync(cast.FacilitatorClient, HttpMethod.Put, api, words);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());

        var logged = Assert.Single(await LogAsync(App, cast.ProcessId, "proposal.translated"));
        Assert.NotNull(logged.ActorName);
        Assert.Contains("\"by\":\"team\"", logged.Data, StringComparison.Ordinal);
        var translation = Assert.Single((await ProposalAsync(App, id)).Translations);
        Assert.Equal(("sl", "Knjižnični kotiček", ProposalTranslator.Team), (translation.Language, translation.Title, translation.TranslatedBy));

        var sl = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals/{id}?culture=sl");
        Assert.Contains("prevod: ekipa procesa", sl.Body!.QuerySelector("#written-in")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_words_and_strangers_are_refused_and_nothing_is_written()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Shade on the playground");
        var page = $"/processes/{cast.ProcessId}/proposals/{id}/translations";

        var empty = await PostAsync(cast.ParticipantClient, page, new() { ["language"] = "sl", ["Input.Title"] = " ", ["Input.Body"] = "Senca." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Enter a title.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var same = await ApiAsync(cast.ParticipantClient, HttpMethod.Put, $"/api/v1/process-proposals/{id}/translations/en", new { title = "Shade", body = "Shade." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        Assert.Contains("Choose a language other than", await same.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await ApiAsync(cast.ParticipantClient, HttpMethod.Put, $"/api/v1/process-proposals/{id}/translations/xx", new { title = "Shade", body = "Shade." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var tooLong = await ApiAsync(cast.ParticipantClient, HttpMethod.Put, $"/api/v1/process-proposals/{id}/translations/sl", new { title = new string('a', 201), body = "Senca." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);

        // Someone who neither wrote it nor runs the process: refused with the reason; not signed in: 401 / sign in.
        var stranger = await PostAsync(cast.OtherStaffClient, page, new() { ["language"] = "sl", ["Input.Title"] = "Moje", ["Input.Body"] = "Moje." });
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAsync(cast.AnonymousClient, HttpMethod.Put, $"/api/v1/process-proposals/{id}/translations/sl", new { title = "A", body = "B" })).StatusCode);

        Assert.Empty((await ProposalAsync(App, id)).Translations);
        Assert.Empty(await LogAsync(App, cast.ProcessId, "proposal.translated"));
    }
}

public sealed class ProcessProposalTranslationsOnSqlite(BudgetingSqliteApp app) : ProcessProposalTranslationTests<BudgetingSqliteApp>(app);

public sealed class ProcessProposalTranslationsOnPostgres(BudgetingPostgresApp app) : ProcessProposalTranslationTests<BudgetingPostgresApp>(app);
