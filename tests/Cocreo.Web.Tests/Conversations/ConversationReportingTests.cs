using System.Net;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Conversations.ConversationSteps;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// People report a statement from the conversation page to the shared moderation (once per person; hidden after the
/// process's threshold, and then out of voting); the printable report page shows the conversation's numbers and
/// stays hidden from outsiders of a private process.
/// </summary>
public abstract class ConversationReportingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private Task<int> ReportsAsync(int statementId) => App.WithDbAsync(db =>
        db.Set<ModerationCase>().Where(c => c.Kind == ConversationStatements.Kind && c.ItemId == statementId).SelectMany(c => c.Reports).CountAsync());

    private static async Task<HttpResponseMessage> ReportShownAsync(FormClient client, int conversationId, int statementId, bool fresh = true)
    {
        var (action, fields) = await client.ReadFormAsync($"/conversations/{conversationId}", handler: "Report");
        Assert.Equal(statementId.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["statementId"]);
        fields["reportReason"] = nameof(ReportReason.Offensive);
        var first = await client.PostAsync(action, fields);
        if (fresh)
        {
            return first;
        }
        // The same report sent again with a new submission: still one report.
        fields["reportSubmissionId"] = Guid.NewGuid().ToString();
        return await client.PostAsync(action, fields);
    }

    [Fact]
    public async Task A_statement_is_reported_once_per_person_and_hidden_after_the_threshold()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId, seeds: ["Cyclists should pay a road tax."]);
        var statement = (await StatementsAsync(App, id)).Single().Id;

        // Without an account there is no report form.
        var anonymous = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}");
        Assert.Empty(anonymous.QuerySelectorAll("form[action*=Report]"));

        Assert.Equal(HttpStatusCode.Redirect, (await ReportShownAsync(cast.ParticipantClient, id, statement)).StatusCode);
        // A repeat (a fresh submission; the page shows no form any more) counts once.
        var again = await cast.ParticipantClient.PostAsync($"/conversations/{id}?handler=Report", new()
        {
            ["statementId"] = $"{statement}",
            ["reportReason"] = "Spam",
            ["reportSubmissionId"] = Guid.NewGuid().ToString(),
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.ParticipantClient),
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await ReportsAsync(statement));
        var page = await cast.ParticipantClient.GetOkPageAsync($"/conversations/{id}");
        Assert.Contains("You reported it", page.QuerySelector("#statement")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form[action*=Report]"));

        // A report without a reason is refused with the reason, and nothing is stored.
        var refused = await cast.OtherStaffClient.SubmitAsync($"/conversations/{id}", new() { ["statementId"] = $"{statement}" }, handler: "Report");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(1, await ReportsAsync(statement));

        Assert.Equal(HttpStatusCode.Redirect, (await ReportShownAsync(cast.OtherStaffClient, id, statement)).StatusCode);
        Assert.Equal(StatementStatus.Accepted, (await StatementsAsync(App, id)).Single().Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ReportShownAsync(cast.AdminClient, id, statement)).StatusCode);
        Assert.Equal(3, await ReportsAsync(statement));

        // The process's threshold (3) reached: hidden until the moderators look, and out of voting.
        Assert.Equal(StatementStatus.Rejected, (await StatementsAsync(App, id)).Single().Status);
        var visitor = await App.NewClient().GetOkPageAsync($"/conversations/{id}");
        Assert.DoesNotContain("Cyclists should pay a road tax.", visitor.QuerySelector("#take-part")!.TextContent, StringComparison.Ordinal);
        var log = await LogActionsAsync(App, cast.ProcessId);
        Assert.Equal(3, log.Count(a => a == "content.reported"));
        Assert.Single(log, a => a == "content.hidden-by-reports");
    }

    [Fact]
    public async Task A_statement_of_another_conversation_cannot_be_reported_through_this_one()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var other = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var statement = (await StatementsAsync(App, other)).First().Id;
        var response = await cast.ParticipantClient.SubmitAsync($"/conversations/{id}", new() { ["statementId"] = $"{statement}", ["reportReason"] = "Spam" }, handler: "Report");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await ReportsAsync(statement));
    }

    [Fact]
    public async Task The_printable_report_shows_the_numbers_and_is_hidden_from_outsiders_of_a_private_process()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var first = App.NewClient();
        var second = App.NewClient();
        foreach (var client in new[] { first, second })
        {
            for (var i = 0; i < Seeds.Length; i++)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await VoteShownAsync(client, id, i == 0 ? "Agree" : "Disagree")).Response.StatusCode);
            }
        }
        var statement = (await StatementsAsync(App, id)).Last().Id;
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/conversations/{id}/manage", new() { ["statementId"] = $"{statement}", ["reason"] = "Off topic." }, handler: "Reject")).StatusCode);

        var report = await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}/report");
        var text = report.Body!.TextContent;
        Assert.Contains("Conversation report", report.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("What should the old town's streets be like?", text, StringComparison.Ordinal);
        Assert.Contains("2 participants", report.QuerySelector("#participation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("6 votes", report.QuerySelector("#participation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("6", report.QuerySelector(".votes-per-day tbody td")!.TextContent);
        Assert.Contains("2 statements accepted", report.QuerySelector("#moderation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 statement rejected", report.QuerySelector("#moderation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(report.QuerySelector("#note-heading"));
        Assert.Contains(Seeds[0], report.QuerySelector("#bridging-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // Linked from the take-part page and the manage page.
        Assert.NotNull((await cast.AnonymousClient.GetOkPageAsync($"/conversations/{id}")).QuerySelector($"a[href='/conversations/{id}/report']"));
        Assert.NotNull((await cast.OwnerClient.GetOkPageAsync($"/conversations/{id}/manage")).QuerySelector($"a[href='/conversations/{id}/report']"));

        // In Slovenian, with the plural forms.
        var sl = await cast.AnonymousClient.Http.GetAsync($"/conversations/{id}/report?culture=sl");
        Assert.Equal(HttpStatusCode.OK, sl.StatusCode);

        var edit = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/edit", new() { ["Input.Visibility"] = "Private" });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.OtherStaffClient.Http.GetAsync($"/conversations/{id}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.NewClient().Http.GetAsync($"/conversations/{id}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cast.OwnerClient.Http.GetAsync($"/conversations/{id}/report")).StatusCode);
    }
}

public sealed class ConversationReportingOnSqlite(ConversationReportingOnSqlite.TestApp app) : ConversationReportingTests<ConversationReportingOnSqlite.TestApp>(app)
{
    public sealed class TestApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Conversations:MapRefresh"] = "00:00:00" };
    }
}

public sealed class ConversationReportingOnPostgres(ConversationReportingOnPostgres.TestApp app) : ConversationReportingTests<ConversationReportingOnPostgres.TestApp>(app)
{
    public sealed class TestApp : PostgresApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Conversations:MapRefresh"] = "00:00:00" };
    }
}
