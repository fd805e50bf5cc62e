using System.Net;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Moderation;

/// <summary>
/// Proposals as moderated content, the threshold of automatic hiding per process, and the organisation's queue with
/// its bulk actions: residents report a proposal (once each), the team hides it with a public reason shown in its
/// place, authors edit (marked, the old text kept for the moderators) and withdraw their own.
/// </summary>
public abstract class ProposalModerationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task A_reported_proposal_counts_each_person_once_and_hidden_keeps_its_title_with_the_reason_in_place()
    {
        var (cast, proposalId) = await ProposedAsync();
        var reporter = await App.SignedInClientAsync(await App.CreateUserAsync("Rita Reporter"));
        var (action, fields) = await reporter.ReadFormAsync($"/proposals/{proposalId}", handler: "ReportProposal");
        fields["reportReason"] = nameof(ReportReason.Spam);
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.PostAsync(action, fields)).StatusCode);
        fields["reportSubmissionId"] = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.PostAsync(action, fields)).StatusCode);
        Assert.Equal(1, await ReportsAsync(proposalId));
        // Its author cannot report it.
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(cast.ParticipantClient, $"/proposals/{proposalId}?handler=ReportProposal", new() { ["reportReason"] = "Spam", ["reportSubmissionId"] = Guid.NewGuid().ToString() })).StatusCode);

        var queue = await cast.FacilitatorClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation");
        Assert.Contains("Proposal No. 1: A park in the east", queue.QuerySelector("#waiting ~ .moderation-item")!.TextContent, StringComparison.Ordinal);

        var (hideAction, hideFields) = await cast.FacilitatorClient.ReadFormAsync($"/proposals/{proposalId}", handler: "Hide");
        Assert.Equal(ProposalContents.Kind, hideFields["kind"]);
        hideFields["reason"] = "It advertises a shop.";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.PostAsync(hideAction, hideFields)).StatusCode);

        var page = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}");
        Assert.Contains("A park in the east", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hidden by the moderators: It advertises a shop.", page.QuerySelector("#proposal-moderated")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Please build", page.Body!.TextContent, StringComparison.Ordinal);
        var log = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation/log");
        Assert.Contains("Hidden by the moderators: It advertises a shop.", Assert.Single(log.QuerySelectorAll(".moderation-log li")).TextContent, StringComparison.Ordinal);
        // Hidden, its author can no longer edit it.
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(cast.ParticipantClient, $"/proposals/{proposalId}?handler=EditProposal", new() { ["editedTitle"] = "Changed", ["editedDescription"] = "Changed." })).StatusCode);
    }

    [Fact]
    public async Task Its_author_edits_a_proposal_marked_edited_with_the_old_text_kept_for_the_moderators_and_withdraws_it()
    {
        var (cast, proposalId) = await ProposedAsync();
        var edit = await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["editedTitle"] = "A park in the east end", ["editedDescription"] = "Trees and benches." }, handler: "EditProposal");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var page = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}");
        Assert.Contains("A park in the east end", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("edited", page.QuerySelector("#description")!.TextContent, StringComparison.Ordinal);
        var kept = await App.WithDbAsync(db => db.Set<ReplacedText>().Where(r => r.Kind == ProposalContents.Kind && r.ItemId == proposalId).ToListAsync());
        Assert.Contains("Please build A park in the east.", Assert.Single(kept).Text, StringComparison.Ordinal);
        // An empty title is a form error, nothing saved.
        var empty = await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["editedTitle"] = " ", ["editedDescription"] = "x" }, handler: "EditProposal");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);

        // Someone reports it; the queue shows the text it replaced.
        Assert.Equal(HttpStatusCode.Redirect, (await Post(cast.OtherStaffClient, $"/proposals/{proposalId}?handler=ReportProposal", new() { ["reportReason"] = "OffTopic", ["reportSubmissionId"] = Guid.NewGuid().ToString() })).StatusCode);
        var queue = await cast.OwnerClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation");
        Assert.Contains("Please build A park in the east.", queue.QuerySelector(".replaced-texts")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", [], handler: "WithdrawProposal")).StatusCode);
        var withdrawn = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}");
        Assert.NotNull(withdrawn.QuerySelector("#withdrawn"));
        Assert.NotNull(await App.WithDbAsync(db => db.Set<Proposal>().Where(p => p.Id == proposalId).Select(p => p.WithdrawnAt).SingleAsync()));
        // Withdrawn, it is supported no more.
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(cast.OtherStaffClient, $"/proposals/{proposalId}?handler=Support", [])).StatusCode);
        var actions = await App.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Log.ProcessLogEntry>().Where(e => e.ProcessId == cast.ProcessId).Select(e => e.Action).ToListAsync());
        Assert.Contains("proposal.edited", actions);
        Assert.Contains("proposal.withdrawn", actions);
    }

    [Fact]
    public void A_proposal_hidden_or_withdrawn_when_voting_opens_stays_off_the_ballot()
    {
        // The rule lives in the entity: the handler that opens voting asks moderation what is hidden at that moment.
        Assert.True(BallotAfter(hidden: false, withdraw: false));
        Assert.False(BallotAfter(hidden: true, withdraw: false));
        Assert.False(BallotAfter(hidden: false, withdraw: true));
    }

    [Fact]
    public async Task The_team_sets_its_own_threshold_and_one_report_then_hides()
    {
        var (cast, proposalId) = await ProposedAsync();
        var settings = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["hideAfterReports"] = "1" }, handler: "Settings");
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        var wrong = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["hideAfterReports"] = "-4" }, handler: "Settings");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(cast.OtherStaffClient, $"/proposals/{proposalId}?handler=ReportProposal", new() { ["reportReason"] = "Spam", ["reportSubmissionId"] = Guid.NewGuid().ToString() })).StatusCode);
        var moderation = await App.WithDbAsync(db => db.Set<ModerationCase>().SingleAsync(c => c.Kind == ProposalContents.Kind && c.ItemId == proposalId));
        Assert.Equal(ModerationState.AwaitingReview, moderation.State);
        Assert.Contains("Hidden after reports from several people", (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector("#proposal-moderated")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_queue_hides_several_items_with_one_reason_and_refuses_an_item_of_a_foreign_process()
    {
        var (cast, proposalId) = await ProposedAsync();
        var comment = await CommentAsync(cast, proposalId);
        var (foreign, foreignProposal) = await ProposedAsync();
        var foreignComment = await CommentAsync(foreign, foreignProposal);

        Assert.Contains("Moderation", (await cast.OwnerClient.GetOkPageAsync($"/organisations/{cast.OrganisationId}")).QuerySelector($"a[href='/organisations/{cast.OrganisationId}/moderation']")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await cast.ParticipantClient.GetPageAsync($"/organisations/{cast.OrganisationId}")).Document.QuerySelector($"a[href='/organisations/{cast.OrganisationId}/moderation']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.GetPageAsync($"/organisations/{cast.OrganisationId}/moderation")).Response.StatusCode);

        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", await Scenarios.AntiforgeryTokenAsync(cast.FacilitatorClient)),
            new("selected", Keys.Of(cast.ProcessId, ProposalContents.Kind, proposalId)),
            new("selected", Keys.Of(cast.ProcessId, Cocreo.Web.Features.Debate.DebateComments.Kind, comment)),
            new("selected", Keys.Of(foreign.ProcessId, Cocreo.Web.Features.Debate.DebateComments.Kind, foreignComment)),
            new("bulk", "hide"),
            new("reason", "Written by a bot."),
        };
        var response = await cast.FacilitatorClient.Http.PostAsync($"/organisations/{cast.OrganisationId}/moderation?handler=Bulk", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var states = await App.WithDbAsync(db => db.Set<ModerationCase>().Where(c => c.ProcessId == cast.ProcessId || c.ProcessId == foreign.ProcessId).Select(c => new { c.Kind, c.ItemId, c.State, c.HiddenReason }).ToListAsync());
        Assert.Equal(2, states.Count);
        Assert.All(states, s => Assert.Equal((ModerationState.Hidden, "Written by a bot."), (s.State, s.HiddenReason)));
        Assert.DoesNotContain(states, s => s.ItemId == foreignComment && s.Kind == Cocreo.Web.Features.Debate.DebateComments.Kind);
        var after = await cast.FacilitatorClient.GetOkPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("1 item was refused", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, after.QuerySelectorAll("#hidden ~ .moderation-item").Length);

        // Keep them again, filtered to one kind.
        var filtered = await cast.FacilitatorClient.GetOkPageAsync($"/organisations/{cast.OrganisationId}/moderation?kind={Uri.EscapeDataString(ProposalContents.Kind)}");
        Assert.Single(filtered.QuerySelectorAll("input[name=selected]"));
        var missing = await cast.FacilitatorClient.Http.PostAsync($"/organisations/{cast.OrganisationId}/moderation?handler=Bulk", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", await Scenarios.AntiforgeryTokenAsync(cast.FacilitatorClient)), new("selected", Keys.Of(cast.ProcessId, ProposalContents.Kind, proposalId)), new("bulk", "hide")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
    }

    [Fact]
    public async Task With_pre_moderation_new_content_waits_seen_by_its_author_and_the_moderators_until_kept()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["preModeration"] = "true" }, handler: "Settings")).StatusCode);

        var proposalId = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A quiet garden", 20_000m));
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.GetPageAsync($"/proposals/{proposalId}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.OtherStaffClient.GetPageAsync($"/proposals/{proposalId}")).Response.StatusCode);
        Assert.DoesNotContain("A quiet garden", (await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}/proposals")).Body!.TextContent, StringComparison.Ordinal);
        var own = await cast.ParticipantClient.GetOkPageAsync($"/proposals/{proposalId}");
        Assert.Contains("Waiting for moderation", own.QuerySelector("#proposal-moderated")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Please build A quiet garden.", own.Body!.TextContent, StringComparison.Ordinal);

        var queue = await cast.FacilitatorClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation");
        Assert.Contains("pre-moderation", queue.QuerySelector("#waiting ~ .moderation-item")!.TextContent, StringComparison.Ordinal);
        var keep = await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["kind"] = ProposalContents.Kind, ["item"] = $"{proposalId}" }, handler: "Keep");
        Assert.Equal(HttpStatusCode.Redirect, keep.StatusCode);
        var published = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}");
        Assert.Contains("Please build A quiet garden.", published.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(published.QuerySelector("#proposal-moderated"));

        // A comment waits the same way.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = "First!" }, handler: "Comment")).StatusCode);
        Assert.Empty((await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelectorAll("article.comment"));
        var mine = Assert.Single((await cast.ParticipantClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelectorAll("article.comment"));
        Assert.Contains("Waiting for moderation", mine.TextContent, StringComparison.Ordinal);
        Assert.Contains("First!", mine.TextContent, StringComparison.Ordinal);
        var actions = await App.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Log.ProcessLogEntry>().Where(e => e.ProcessId == cast.ProcessId).Select(e => e.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == "content.held"));
        Assert.Contains("content.published", actions);
    }

    private static bool BallotAfter(bool hidden, bool withdraw)
    {
        var settings = new BudgetSettings("B", "", "", 100_000m, "EUR", [], CountingRule.Greedy, EqualSharesCompletionChoice.Add1, false, TieBreak.CostThenVotes,
            BallotForm.Approval, 1, 1, 10, 5, 1, Eligibility.VerifiedAccount, true, null);
        var budget = Budget.Create(1, settings, DateTime.UtcNow);
        var proposal = Proposal.Submit(budget, new ProposalContent("A bench", "Somewhere to sit.", "", "", 500m), "author", DateTime.UtcNow);
        proposal.Review(budget, feasible: true, "It can be done.", 500m, DateTime.UtcNow);
        if (withdraw)
        {
            Assert.True(proposal.Withdraw(budget, DateTime.UtcNow));
            Assert.False(proposal.Withdraw(budget, DateTime.UtcNow));
        }
        proposal.PutOnBallot(hidden);
        return proposal.OnBallot;
    }

    private async Task<(ProcessCast Cast, int ProposalId)> ProposedAsync()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        return (cast, await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A park in the east", 40_000m)));
    }

    private static async Task<int> CommentAsync(ProcessCast cast, int proposalId)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = "Buy my bikes!" }, handler: "Comment")).StatusCode);
        var document = await cast.ParticipantClient.GetOkPageAsync($"/proposals/{proposalId}");
        return int.Parse(document.QuerySelectorAll("article.comment").Last().Id!["comment-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<int> ReportsAsync(int proposalId) =>
        App.WithDbAsync(db => db.Set<ModerationReport>().CountAsync(r => db.Set<ModerationCase>().Any(c => c.Id == r.ModerationCaseId && c.Kind == ProposalContents.Kind && c.ItemId == proposalId)));

    private static async Task<HttpResponseMessage> Post(FormClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
        return await client.PostAsync(url, fields);
    }
}

public sealed class ProposalModerationOnSqlite(BudgetingSqliteApp app) : ProposalModerationTests<BudgetingSqliteApp>(app);

public sealed class ProposalModerationOnPostgres(BudgetingPostgresApp app) : ProposalModerationTests<BudgetingPostgresApp>(app);
