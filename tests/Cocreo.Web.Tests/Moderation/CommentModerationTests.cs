using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Moderation;

/// <summary>
/// Moderation of budget comments, as residents and the process's team use it: residents report a comment with a
/// reason (once each), several reports hide it until the team looks, the team hides with a public reason or keeps
/// it, authors edit and delete their own; the public log records each step without the text or the reporter.
/// </summary>
public abstract class CommentModerationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private const string Rude = "People from the east side are all lazy.";

    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task A_resident_reports_a_comment_once_and_the_team_sees_why_but_not_who()
    {
        var (cast, proposalId, commentId) = await CommentedAsync();
        var reporter = await App.CreateUserAsync("Rita Reporter");
        var reporterClient = await App.SignedInClientAsync(reporter);

        var (action, fields) = await reporterClient.ReadFormAsync($"/proposals/{proposalId}", handler: "ReportComment");
        Assert.Equal(commentId.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["commentId"]);
        fields["reportReason"] = nameof(ReportReason.Offensive);
        fields["reportDetails"] = "It mocks my neighbours.";
        // A double click, then the same report sent again from a fresh page: one report.
        Assert.Equal(HttpStatusCode.Redirect, (await reporterClient.PostAsync(action, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reporterClient.PostAsync(action, fields)).StatusCode);
        fields["reportSubmissionId"] = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await reporterClient.PostAsync(action, fields)).StatusCode);
        Assert.Equal(1, await ReportsAsync(commentId));

        var reporterPage = await reporterClient.GetOkPageAsync($"/proposals/{proposalId}");
        Assert.Contains("You reported it", reporterPage.QuerySelector($"#comment-{commentId}")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(reporterPage.QuerySelectorAll("form[action*=ReportComment]"));
        // Still shown to everyone: one report hides nothing.
        Assert.Contains(Rude, (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector($"#comment-{commentId}")!.TextContent, StringComparison.Ordinal);

        var queue = await cast.FacilitatorClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation");
        var item = queue.QuerySelector("#waiting ~ .moderation-item")!;
        Assert.Contains("1 report", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Offensive", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("It mocks my neighbours.", item.TextContent, StringComparison.Ordinal);
        Assert.Contains(Rude, item.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(reporter.DisplayName, queue.Body!.TextContent, StringComparison.Ordinal);
        // The process page tells the team that something waits.
        Assert.Contains("1 item waits", (await cast.FacilitatorClient.GetOkPageAsync($"/processes/{cast.ProcessId}")).Body!.TextContent, StringComparison.Ordinal);

        var log = await LogAsync(cast);
        var reported = Assert.Single(log.Entries, e => e.GetProperty("action").GetString() == "content.reported");
        Assert.Equal(JsonValueKind.Null, reported.GetProperty("actorName").ValueKind);
        Assert.DoesNotContain(reporter.DisplayName, log.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("neighbours", log.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("lazy", log.Raw, StringComparison.Ordinal);

        // Its author cannot report it, nor can someone signed out.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostReportAsync(cast.ParticipantClient, proposalId, commentId)).StatusCode);
        Assert.Contains("/account/sign-in", (await PostReportAsync(cast.AnonymousClient, proposalId, commentId)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await ReportsAsync(commentId));
    }

    [Fact]
    public async Task A_report_needs_a_reason_and_something_else_needs_words_and_the_form_keeps_them()
    {
        var (cast, proposalId, commentId) = await CommentedAsync();
        var none = await cast.OtherStaffClient.SubmitAsync($"/proposals/{proposalId}", new() { ["reportDetails"] = "Hm." }, handler: "ReportComment");
        var page = await FormClient.ParseAsync(none);
        Assert.Contains("Choose what is wrong with it.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Hm.", page.QuerySelector($"#comment-{commentId} textarea[name=reportDetails]")!.TextContent);
        var other = await FormClient.ParseAsync(await cast.OtherStaffClient.SubmitAsync($"/proposals/{proposalId}", new() { ["reportReason"] = "Other" }, handler: "ReportComment"));
        Assert.Contains("Say what is wrong with it.", other.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ReportsAsync(commentId));
    }

    [Fact]
    public async Task Three_reports_from_different_people_hide_a_comment_until_the_team_keeps_it()
    {
        var (cast, proposalId, commentId) = await CommentedAsync();
        var third = await App.SignedInClientAsync(await App.CreateUserAsync("Tara Third"));
        foreach (var (client, n) in new[] { (cast.OtherStaffClient, 1), (cast.AdminClient, 2), (third, 3) })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostReportAsync(client, proposalId, commentId, ReportReason.Spam)).StatusCode);
            var shown = (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector($"#comment-{commentId}")!.TextContent;
            Assert.Equal(n < 3, shown.Contains(Rude, StringComparison.Ordinal));
        }
        var hidden = (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector($"#comment-{commentId}")!;
        Assert.Contains("Hidden after reports from several people, until the moderators look at it.", hidden.TextContent, StringComparison.Ordinal);
        // Hidden, it can be reported no more.
        var fourth = await App.SignedInClientAsync(await App.CreateUserAsync("Fran Fourth"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostReportAsync(fourth, proposalId, commentId)).StatusCode);

        var queue = await cast.OwnerClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation");
        Assert.Contains("Hidden until you decide", queue.QuerySelector(".moderation-item")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 reports", queue.QuerySelector(".moderation-item")!.TextContent, StringComparison.Ordinal);
        var keep = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", [], handler: "Keep");
        Assert.Equal(HttpStatusCode.Redirect, keep.StatusCode);

        Assert.Contains(Rude, (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector($"#comment-{commentId}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing waits.", (await cast.OwnerClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation")).Body!.TextContent, StringComparison.Ordinal);
        var log = await LogAsync(cast);
        var actions = log.Entries.Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(3, actions.Count(a => a == "content.reported"));
        var auto = Assert.Single(log.Entries, e => e.GetProperty("action").GetString() == "content.hidden-by-reports");
        Assert.Equal("system", auto.GetProperty("actorRole").GetString());
        Assert.Contains("content.shown", actions);
    }

    [Fact]
    public async Task Reports_sent_at_the_same_moment_count_once_per_person_and_hide_the_comment_once()
    {
        var (cast, proposalId, commentId) = await CommentedAsync();
        var people = new List<FormClient>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await App.SignedInClientAsync(await App.CreateUserAsync($"Racer {i}")));
        }
        // Each of four people reports twice at once; the third report hides it, so a later one is refused.
        var responses = await Task.WhenAll(people.SelectMany(p => new[] { PostReportAsync(p, proposalId, commentId), PostReportAsync(p, proposalId, commentId) }));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{(int)r.StatusCode}"));

        Assert.Equal(3, await ReportsAsync(commentId));
        var moderation = await App.WithDbAsync(db => db.Set<ModerationCase>().SingleAsync(c => c.Kind == Cocreo.Web.Features.Debate.DebateComments.Kind && c.ItemId == commentId));
        Assert.Equal((ModerationState.AwaitingReview, 3), (moderation.State, moderation.OpenReports));
        var actions = (await LogAsync(cast)).Entries.Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(3, actions.Count(a => a == "content.reported"));
        Assert.Equal(1, actions.Count(a => a == "content.hidden-by-reports"));
    }

    [Fact]
    public async Task The_team_hides_a_comment_with_a_reason_shown_in_its_place_and_shows_it_again()
    {
        var (cast, proposalId, commentId) = await CommentedAsync();
        // Residents and other organisations' staff do not moderate; the queue is not theirs either.
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.Http.GetAsync($"/processes/{cast.ProcessId}/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.OtherStaffClient.Http.GetAsync($"/processes/{cast.ProcessId}/moderation")).StatusCode);
        Assert.Empty((await cast.ParticipantClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelectorAll("form[action*='handler=Hide']"));

        var (action, fields) = await cast.FacilitatorClient.ReadFormAsync($"/proposals/{proposalId}", handler: "Hide");
        CommentForm(fields, proposalId, commentId);   // the page holds the proposal's own hide form first
        fields["reason"] = "It insults the people of a whole district.";
        var hide = await cast.FacilitatorClient.PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.Equal($"/proposals/{proposalId}#comment-{commentId}", hide.Headers.Location!.OriginalString);

        var comment = (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector($"#comment-{commentId}")!;
        Assert.Contains("Hidden by the moderators: It insults the people of a whole district.", comment.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Rude, comment.TextContent, StringComparison.Ordinal);
        // Its author can no longer change it unseen, but can still delete it.
        Assert.Empty((await cast.ParticipantClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelectorAll("form[action*=EditComment]"));
        var edit = await PostAsync(cast.ParticipantClient, $"/proposals/{proposalId}?handler=EditComment", new() { ["commentId"] = $"{commentId}", ["editedText"] = "Nicer now." });
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Contains("The moderators hid this comment: it can no longer be edited.", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var log = await LogAsync(cast);
        var hidden = Assert.Single(log.Entries, e => e.GetProperty("action").GetString() == "content.hidden");
        Assert.Equal(cast.Facilitator.DisplayName, hidden.GetProperty("actorName").GetString());
        Assert.Contains("whole district", hidden.GetProperty("data").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("lazy", log.Raw, StringComparison.Ordinal);

        var queue = await cast.OwnerClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation");
        Assert.Contains(Rude, queue.QuerySelector("#hidden ~ .moderation-item")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", [], handler: "Keep")).StatusCode);
        Assert.Contains(Rude, (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector($"#comment-{commentId}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("content.shown", (await LogAsync(cast)).Entries.Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_hiding_without_a_reason_is_refused_and_changes_nothing()
    {
        var (cast, proposalId, commentId) = await CommentedAsync();
        var (action, fields) = await cast.OwnerClient.ReadFormAsync($"/proposals/{proposalId}", handler: "Hide");
        CommentForm(fields, proposalId, commentId);   // the page holds the proposal's own hide form first
        fields["reason"] = "  ";
        var response = await cast.OwnerClient.PostAsync(action, fields);
        Assert.Contains("Give the reason for hiding", (await FormClient.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Rude, (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector($"#comment-{commentId}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<ModerationCase>().CountAsync(c => c.Kind == Cocreo.Web.Features.Debate.DebateComments.Kind && c.ItemId == commentId)));
    }

    [Fact]
    public async Task An_author_edits_and_deletes_a_comment_and_the_moderators_keep_the_earlier_texts()
    {
        var (cast, proposalId, commentId) = await CommentedAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostReportAsync(cast.OtherStaffClient, proposalId, commentId)).StatusCode);

        // Nobody but the author edits or deletes it, not even the team.
        foreach (var client in new[] { cast.OtherStaffClient, cast.OwnerClient })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"/proposals/{proposalId}?handler=EditComment", new() { ["commentId"] = $"{commentId}", ["editedText"] = "Taken over." })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"/proposals/{proposalId}?handler=DeleteComment", new() { ["commentId"] = $"{commentId}" })).StatusCode);
        }

        var edit = await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["editedText"] = "Sorry: the east side **deserves** a park too." }, handler: "EditComment");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var comment = (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector($"#comment-{commentId}")!;
        Assert.Equal("deserves", comment.QuerySelector(".prose strong")!.TextContent);
        Assert.Contains("edited", comment.QuerySelector(".edited")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Rude, comment.TextContent, StringComparison.Ordinal);

        var tooLong = await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["editedText"] = new string('a', BudgetLimits.Comment + 1) }, handler: "EditComment");
        Assert.Contains($"A comment can have at most {BudgetLimits.Comment} characters.", (await FormClient.ParseAsync(tooLong)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var delete = await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", [], handler: "DeleteComment");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        // Deleting it again (Back and resend) changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.ParticipantClient, $"/proposals/{proposalId}?handler=DeleteComment", new() { ["commentId"] = $"{commentId}" })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.OtherStaffClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = "A reply that stays." }, handler: "Comment")).StatusCode);
        var after = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}");
        // The comments after a deleted one stay, each in its own place.
        Assert.Equal(2, after.QuerySelectorAll("article.comment").Length);
        Assert.Empty(after.QuerySelectorAll("article.comment article"));
        Assert.Contains("A reply that stays.", after.QuerySelectorAll("article.comment")[1].TextContent, StringComparison.Ordinal);
        var deleted = after.QuerySelector($"#comment-{commentId}")!;
        Assert.Contains("Deleted by its author.", deleted.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("deserves", deleted.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.Participant.DisplayName, deleted.TextContent, StringComparison.Ordinal);
        Assert.Equal("", await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().Where(c => c.Id == commentId).Select(c => c.Body).SingleAsync()));

        // The moderators still read what was reported, and what replaced it.
        var queue = (await cast.OwnerClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation")).QuerySelector(".moderation-item")!;
        Assert.Contains("Deleted by its author", queue.TextContent, StringComparison.Ordinal);
        var earlier = queue.QuerySelectorAll(".replaced-texts blockquote").Select(b => b.TextContent).ToList();
        Assert.Equal([Rude, "Sorry: the east side **deserves** a park too."], earlier);
        Assert.DoesNotContain(Rude, (await cast.OtherStaffClient.GetOkPageAsync($"/proposals/{proposalId}")).Body!.TextContent, StringComparison.Ordinal);

        var log = await LogAsync(cast);
        var actions = log.Entries.Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(1, actions.Count(a => a == "proposal.comment-edited"));
        Assert.Equal(1, actions.Count(a => a == "proposal.comment-deleted"));
        Assert.DoesNotContain("deserves", log.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.Participant.DisplayName, log.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_ends_when_voting_opens_but_an_author_can_still_delete()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (budgetId, proposals, _) = await OpenVotingAsync(cast, BudgetFields(), 0, new Idea("A pocket park", 40_000m));
        var proposalId = proposals[0];
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = "Vote for it!" }, handler: "Comment")).StatusCode);
        var commentId = await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().Where(c => c.TargetKind == "proposal" && c.TargetId == proposalId).Select(c => c.Id).SingleAsync());

        Assert.Empty((await cast.ParticipantClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelectorAll("form[action*=EditComment]"));
        var edit = await PostAsync(cast.ParticipantClient, $"/proposals/{proposalId}?handler=EditComment", new() { ["commentId"] = $"{commentId}", ["editedText"] = "Changed during the vote." });
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Contains("Comments can be edited while proposals are collected and reviewed", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", [], handler: "DeleteComment")).StatusCode);
        Assert.True(await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().AnyAsync(c => c.Id == commentId && c.DeletedAt != null)));
        Assert.True(budgetId > 0);
    }

    /// <summary>A process with a budget, a proposal of the other staff member and a rude comment of the participant on it.</summary>
    [Fact]
    public async Task Everyone_sees_in_the_moderation_log_what_is_hidden_when_and_why_but_not_the_words_nor_who()
    {
        var (cast, proposalId, commentId) = await CommentedAsync();
        Assert.DoesNotContain("Moderation log", (await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}")).Body!.TextContent, StringComparison.Ordinal);

        var (action, fields) = await cast.FacilitatorClient.ReadFormAsync($"/proposals/{proposalId}", handler: "Hide");
        CommentForm(fields, proposalId, commentId);   // the page holds the proposal's own hide form first
        fields["reason"] = "It insults the people of a whole district.";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.PostAsync(action, fields)).StatusCode);

        var process = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}");
        Assert.Contains("Moderation log (1 hidden item)", process.Body!.TextContent, StringComparison.Ordinal);
        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation/log");
        var entry = Assert.Single(page.QuerySelectorAll(".moderation-log li"));
        Assert.Contains("Hidden by the moderators: It insults the people of a whole district.", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains($"#comment-{commentId}", entry.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        var text = page.Body!.TextContent;
        Assert.DoesNotContain(Rude, text, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.Participant.DisplayName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.Facilitator.DisplayName, text, StringComparison.Ordinal);
    }

    private async Task<(ProcessCast Cast, int ProposalId, int CommentId)> CommentedAsync()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.OtherStaffClient, budgetId, new Idea("A park in the east", 40_000m));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = Rude }, handler: "Comment")).StatusCode);
        var commentId = await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().Where(c => c.TargetKind == "proposal" && c.TargetId == proposalId).Select(c => c.Id).SingleAsync());
        return (cast, proposalId, commentId);
    }

    /// <summary>Points a hide form read from the proposal's page at the comment.</summary>
    private static void CommentForm(Dictionary<string, string> fields, int proposalId, int commentId)
    {
        fields["kind"] = Cocreo.Web.Features.Debate.DebateComments.Kind;
        fields["item"] = commentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["returnUrl"] = $"/proposals/{proposalId}#comment-{commentId}";
    }

    private Task<int> ReportsAsync(int commentId) =>
        App.WithDbAsync(db => db.Set<ModerationReport>().CountAsync(r => db.Set<ModerationCase>().Any(c => c.Id == r.ModerationCaseId && c.Kind == Cocreo.Web.Features.Debate.DebateComments.Kind && c.ItemId == commentId)));

    private static async Task<HttpResponseMessage> PostReportAsync(FormClient client, int proposalId, int commentId, ReportReason reason = ReportReason.Offensive) =>
        await PostAsync(client, $"/proposals/{proposalId}?handler=ReportComment", new()
        {
            ["commentId"] = $"{commentId}",
            ["reportReason"] = reason.ToString(),
            ["reportSubmissionId"] = Guid.NewGuid().ToString(),
        });

    private static async Task<HttpResponseMessage> PostAsync(FormClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
        return await client.PostAsync(url, fields);
    }

    private static async Task<(List<JsonElement> Entries, string Raw)> LogAsync(ProcessCast cast)
    {
        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        return (log.GetProperty("entries").EnumerateArray().ToList(), log.GetRawText());
    }
}

public sealed class CommentModerationOnSqlite(BudgetingSqliteApp app) : CommentModerationTests<BudgetingSqliteApp>(app);

public sealed class CommentModerationOnPostgres(BudgetingPostgresApp app) : CommentModerationTests<BudgetingPostgresApp>(app);
