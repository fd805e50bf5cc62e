using System.Net;
using System.Text.Json;
using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Text;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Amendments.AmendmentScenario;
using static Cocreo.Web.Tests.Proposals.ProposalScenario;

namespace Cocreo.Web.Tests.Amendments;

/// <summary>
/// Amendments to proposals of a process, over HTTP on SQLite and PostgreSQL: an accepted amendment gives exactly its
/// text as a new version; a stale base is refused and kept, and rebasing works; a support counts once under a
/// parallel double submit; rejecting needs a reason; a rejected amendment becomes a linked proposal; versions compare.
/// </summary>
public abstract class AmendmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task An_accepted_amendment_gives_exactly_its_text_as_a_new_version()
    {
        var (cast, proposalId) = await ProposalAsync(App);
        var body = "Open the library until **nine**\r\non weekdays.\n\nAnd keep the reading room warm.  ";
        var (proposed, amendmentId) = await ProposeAsync(cast.FacilitatorClient, proposalId, 1, "Evening opening until nine", body);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);

        // Only the proposal's author decides.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(cast.OwnerClient, amendmentId, "accept")).StatusCode);
        var accepted = await PostAsync(cast.ParticipantClient, amendmentId, "accept");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var amendment = await AmendmentAsync(App, amendmentId);
        var proposal = await ProposalAsync(App, proposalId);
        Assert.Equal(AmendmentStatus.Accepted, amendment.Status);
        Assert.Equal(2, amendment.ResultVersion);
        Assert.Equal(amendment.Title, proposal.Title);
        Assert.Equal(amendment.Body, proposal.Description);
        Assert.Equal(body.Trim(), proposal.Description);

        // Accepting again changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(cast.ParticipantClient, amendmentId, "accept")).StatusCode);
        var versions = await App.WithDbAsync(db => db.Set<TextVersion>().Where(v => v.TargetKind == Kind && v.TargetId == proposalId).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("Evening opening", versions[0].Title);
        Assert.Equal(amendmentId, versions[1].AmendmentId);

        // The compare of the two versions round-trips.
        var compare = await cast.AnonymousClient.Http.GetAsync($"/api/v1/versions/{Kind}/{proposalId}/compare?from=1&to=2");
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        using var json = JsonDocument.Parse(await compare.Content.ReadAsStringAsync());
        var runs = json.RootElement.GetProperty("body").EnumerateArray()
            .Select(r => new DiffRun(Enum.Parse<DiffKind>(r.GetProperty("kind").ToString()), r.GetProperty("text").GetString()!)).ToList();
        Assert.Equal(TextDiff.Normalize(versions[0].Body), TextDiff.OldText(runs));
        Assert.Equal(TextDiff.Normalize(proposal.Description), TextDiff.NewText(runs));
        Assert.Equal(HttpStatusCode.OK, (await cast.AnonymousClient.GetPageAsync($"/versions/{Kind}/{proposalId}?from=1&to=2")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await cast.AnonymousClient.Http.GetAsync($"/api/v1/versions/{Kind}/{proposalId}/compare?from=1&to=7")).StatusCode);

        // The log says what happened with ids and numbers, never the text.
        var entries = await App.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == cast.ProcessId && e.Action.StartsWith("amendment.") || e.ProcessId == cast.ProcessId && e.Action == "proposal.versioned").ToListAsync());
        Assert.Contains(entries, e => e.Action == "amendment.proposed");
        Assert.Contains(entries, e => e.Action == "amendment.accepted");
        Assert.Contains(entries, e => e.Action == "proposal.versioned");
        Assert.All(entries, e => Assert.DoesNotContain("nine", e.Data ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_budget_project_is_amended_like_a_proposal_until_the_team_reviews_it()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await BudgetingScenario.CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var projectId = await BudgetingScenario.ProposeAsync(cast.ParticipantClient, budgetId, new Idea("Shade trees", 12_000));
        const string project = Cocreo.Web.Features.Debate.DebateKinds.Proposal;
        async Task<(HttpResponseMessage Response, int Id)> ProposeOnProjectAsync(FormClient client, int baseVersion, string title, string body)
        {
            var response = await ApiAsync(client, HttpMethod.Post, $"/api/v1/amendable/{project}/{projectId}/amendments", new { baseVersion, title, body, explanation = "Because.", submissionId = Guid.NewGuid() });
            var id = response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32() : 0;
            return (response, id);
        }

        // Its author edits it instead; anonymous people sign in first.
        Assert.Equal(HttpStatusCode.Forbidden, (await ProposeOnProjectAsync(cast.ParticipantClient, 1, "Shade trees", "Mine.")).Response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Created, (await ProposeOnProjectAsync(cast.AnonymousClient, 1, "Shade trees", "Anyone's.")).Response.StatusCode);
        var (proposed, amendmentId) = await ProposeOnProjectAsync(cast.FacilitatorClient, 1, "Shade trees on Main street", "Please plant twelve lime trees along Main street.");
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        Assert.Contains($"Amendment {amendmentId}", (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{projectId}")).QuerySelector("section.amendments")?.TextContent ?? "", StringComparison.Ordinal);

        // Only its author decides; accepting gives exactly the amendment's text as version 2.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(cast.OwnerClient, amendmentId, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(cast.ParticipantClient, amendmentId, "accept")).StatusCode);
        var accepted = await App.WithDbAsync(db => db.Set<Proposal>().AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Equal(("Shade trees on Main street", "Please plant twelve lime trees along Main street."), (accepted.Title, accepted.Description));
        Assert.Equal([1, 2], await App.WithDbAsync(db => db.Set<TextVersion>().Where(v => v.TargetKind == project && v.TargetId == projectId).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync()));

        // The author's own edit is a version too: an amendment written before it must be brought up to date first.
        var (_, stale) = await ProposeOnProjectAsync(cast.OwnerClient, 2, accepted.Title, accepted.Description + " With benches.");
        var edited = await cast.ParticipantClient.SubmitAsync($"/proposals/{projectId}", new() { ["editedTitle"] = accepted.Title, ["editedDescription"] = "Please plant twelve lime trees along Main street, watered for two summers." }, handler: "EditProposal");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.ParticipantClient, stale, "accept")).StatusCode);
        Assert.EndsWith("two summers.", (await App.WithDbAsync(db => db.Set<Proposal>().AsNoTracking().SingleAsync(p => p.Id == projectId))).Description, StringComparison.Ordinal);

        // Once the team has reviewed it, the text no longer changes: no new amendment, none accepted.
        var (_, late) = await ProposeOnProjectAsync(cast.AdminClient, 3, accepted.Title, "Plant oaks instead.");
        await BudgetingScenario.ReviewAsync(cast.OwnerClient, projectId, feasible: true, 12_000);
        var refused = await ProposeOnProjectAsync(cast.FacilitatorClient, 3, accepted.Title, "Plant birches.");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
        Assert.Contains("reviewed this project", await refused.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(cast.ParticipantClient, late, "accept")).StatusCode);
        Assert.EndsWith("two summers.", (await App.WithDbAsync(db => db.Set<Proposal>().AsNoTracking().SingleAsync(p => p.Id == projectId))).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_amendment_is_refused_and_kept_and_rebasing_brings_it_onto_the_new_version()
    {
        var (cast, proposalId) = await ProposalAsync(App);
        var original = await ProposalAsync(App, proposalId);
        var first = (await ProposeAsync(cast.FacilitatorClient, proposalId, 1, original.Title, original.Description + "\n\nOpen on Sundays too.")).Id;
        var second = (await ProposeAsync(cast.OwnerClient, proposalId, 1, "Evening and weekend opening", original.Description)).Id;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(cast.ParticipantClient, first, "accept")).StatusCode);

        // The second was written on version 1: refused at accept time, kept open.
        var refused = await PostAsync(cast.ParticipantClient, second, "accept");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("rebases it", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AmendmentStatus.Open, (await AmendmentAsync(App, second)).Status);
        Assert.Equal("Evening opening", (await ProposalAsync(App, proposalId)).Title);

        // Sent from a form opened on version 1: kept on version 1, answered 409 with the current version.
        var (late, lateId) = await ProposeAsync(cast.AdminClient, proposalId, 1, original.Title, "Something else entirely.");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(1, (await AmendmentAsync(App, lateId)).BaseVersion);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ProposeAsync(cast.AdminClient, proposalId, 9, "X", "Y")).Response.StatusCode);
        var page = await cast.AdminClient.GetPageAsync($"/amendments/{lateId}");
        Assert.Contains("Open on Sundays too.", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);

        // Only its author rebases; the change re-applied onto version 2 keeps both changes, then it can be accepted.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(cast.FacilitatorClient, second, "rebase")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(cast.OwnerClient, second, "rebase")).StatusCode);
        var rebased = await AmendmentAsync(App, second);
        Assert.Equal(2, rebased.BaseVersion);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(cast.ParticipantClient, second, "accept")).StatusCode);
        var proposal = await ProposalAsync(App, proposalId);
        Assert.Equal("Evening and weekend opening", proposal.Title);
        Assert.EndsWith("Open on Sundays too.", proposal.Description, StringComparison.Ordinal);

        // A rebase whose change touches the same words is refused; the author then writes it on the new text.
        var (_, clash) = await ProposeAsync(cast.FacilitatorClient, proposalId, 3, proposal.Title, proposal.Description.Replace("Sundays", "Saturdays", StringComparison.Ordinal));
        var edit = await ProposeAsync(cast.AdminClient, proposalId, 3, proposal.Title, proposal.Description.Replace("Sundays", "holidays", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(cast.ParticipantClient, edit.Id, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.FacilitatorClient, clash, "rebase")).StatusCode);
        var ownText = (await ProposalAsync(App, proposalId)).Description + " And Saturdays.";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(cast.FacilitatorClient, clash, "rebase", new { title = proposal.Title, body = ownText })).StatusCode);
        Assert.Equal(4, (await AmendmentAsync(App, clash)).BaseVersion);
        Assert.Equal(ownText, (await AmendmentAsync(App, clash)).Body);
    }

    [Fact]
    public async Task The_form_starts_from_the_current_text_refuses_bad_input_and_keeps_a_stale_amendment()
    {
        var (cast, proposalId) = await ProposalAsync(App);
        var url = $"/amendments/new/{Kind}/{proposalId}";
        var form = await cast.FacilitatorClient.GetOkPageAsync(url);
        Assert.Equal("1", form.QuerySelector("input[name='Input.BaseVersion']")!.GetAttribute("value"));
        Assert.Equal("Evening opening", form.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        // Bad input: the form again with the problem, nothing saved.
        var empty = await PostAsync(cast.FacilitatorClient, url, new() { ["Input.BaseVersion"] = "1", ["Input.Title"] = "Evening opening", ["Input.Body"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var same = await PostAsync(cast.FacilitatorClient, url, new() { ["Input.BaseVersion"] = "1", ["Input.Title"] = "Evening opening", ["Input.Body"] = (await ProposalAsync(App, proposalId)).Description });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        Assert.Contains("does not change the text", await same.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Amendment>().CountAsync(a => a.TargetId == proposalId)));

        // The author edits meanwhile; the form opened on version 1 is sent: kept, and its page says what to do.
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.ParticipantClient, HttpMethod.Put, $"/api/v1/process-proposals/{proposalId}", new { title = "Evening opening", body = "Open until nine." })).StatusCode);
        var stale = await PostAsync(cast.FacilitatorClient, url, new() { ["Input.BaseVersion"] = "1", ["Input.Title"] = "Evening opening", ["Input.Body"] = "Open until ten." });
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        var id = Scenarios.IdFrom(stale, "/amendments/");
        var page = await cast.FacilitatorClient.GetOkPageAsync($"/amendments/{id}");
        Assert.NotNull(page.QuerySelector("#rebase-heading"));
        Assert.Contains("nine", string.Concat(page.QuerySelector("#rebase-heading")!.ParentElement!.QuerySelectorAll(".text-diff ins").Select(e => e.TextContent)), StringComparison.Ordinal);
        Assert.Equal("[added: ", page.QuerySelector(".text-diff ins .visually-hidden")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=Accept']"));
        // The page's rebase with the author's own text.
        var rebased = await PostAsync(cast.FacilitatorClient, $"/amendments/{id}?handler=Rebase", new() { ["rebasedTitle"] = "Evening opening", ["rebasedBody"] = "Open until ten." });
        Assert.Equal(HttpStatusCode.Redirect, rebased.StatusCode);
        Assert.Equal(2, (await AmendmentAsync(App, id)).BaseVersion);
    }

    [Fact]
    public async Task A_support_counts_once_even_for_a_double_submit_sent_at_once()
    {
        var (cast, proposalId) = await ProposalAsync(App);
        var amendmentId = await NewAmendmentAsync(App, proposalId, cast.Facilitator.Id);
        var answers = await Task.WhenAll(PostAsync(cast.OwnerClient, amendmentId, "supports"), PostAsync(cast.OwnerClient, amendmentId, "supports"));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AmendmentSupport>().CountAsync(s => s.AmendmentId == amendmentId)));
        Assert.Single(await LogAsync(App, cast.ProcessId, "amendment.supported"));
        // Its author does not support it.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(cast.FacilitatorClient, amendmentId, "supports")).StatusCode);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_a_rejected_amendment_becomes_a_linked_proposal()
    {
        var (cast, proposalId) = await ProposalAsync(App);
        var amendmentId = await NewAmendmentAsync(App, proposalId, cast.Facilitator.Id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.ParticipantClient, amendmentId, "reject", new { reason = " " })).StatusCode);
        Assert.Equal(AmendmentStatus.Open, (await AmendmentAsync(App, amendmentId)).Status);
        // Promoting an open one is refused.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.FacilitatorClient, amendmentId, "promote")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(cast.ParticipantClient, amendmentId, "reject", new { reason = "The staff cannot cover Sundays." })).StatusCode);
        var rejected = await AmendmentAsync(App, amendmentId);
        Assert.Equal("The staff cannot cover Sundays.", rejected.Reason);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(cast.OwnerClient, amendmentId, "promote")).StatusCode);
        var promoted = await PostAsync(cast.FacilitatorClient, amendmentId, "promote");
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var newId = (await AmendmentAsync(App, amendmentId)).PromotedProposalId!.Value;
        var made = await ProposalAsync(App, newId);
        Assert.Equal(rejected.Body, made.Description);
        Assert.Equal(cast.Facilitator.Id, made.AuthorUserId);
        Assert.Single(await LogAsync(App, cast.ProcessId, "amendment.promoted"));
        // Linked both ways; promoting again changes nothing.
        var page = await cast.AnonymousClient.GetPageAsync($"/processes/{cast.ProcessId}/proposals/{newId}");
        Assert.Contains($"/amendments/{amendmentId}", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(cast.FacilitatorClient, amendmentId, "promote")).StatusCode);
        Assert.Equal(2, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == cast.ProcessId)));
    }

    [Fact]
    public async Task Withdrawn_proposals_take_no_amendments_and_author_edits_are_versions()
    {
        var (cast, proposalId) = await ProposalAsync(App);
        // The proposal's writer edits instead of amending.
        Assert.Equal(HttpStatusCode.Forbidden, (await ProposeAsync(cast.ParticipantClient, proposalId, 1, "Mine", "Mine.")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.ParticipantClient, HttpMethod.Put, $"/api/v1/process-proposals/{proposalId}", new { title = "Evening opening", body = "Longer hours." })).StatusCode);
        var versions = await App.WithDbAsync(db => db.Set<TextVersion>().Where(v => v.TargetKind == Kind && v.TargetId == proposalId).OrderBy(v => v.Number).Select(v => v.Body).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal("Longer hours.", versions[1]);
        Assert.Single(await LogAsync(App, cast.ProcessId, "proposal.versioned"));
        // Double submit of the same form: one amendment.
        var submission = Guid.NewGuid();
        await ProposeAsync(cast.OwnerClient, proposalId, 2, "Evening opening", "Longer hours, also in summer.", submission);
        await ProposeAsync(cast.OwnerClient, proposalId, 2, "Evening opening", "Longer hours, also in summer.", submission);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Amendment>().CountAsync(a => a.TargetId == proposalId)));

        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/process-proposals/{proposalId}/withdrawal")).StatusCode);
        var refused = await ProposeAsync(cast.FacilitatorClient, proposalId, 2, "Evening opening", "Other.");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
        Assert.Contains("withdrew this proposal", await refused.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public abstract class AmendmentPagingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task The_amendments_list_pages_by_twenty_each_amendment_once_newest_first_on_the_page_and_the_API()
    {
        app.RequireAvailable();
        var (cast, proposalId) = await ProposalAsync(app);
        var ids = new List<int>();
        for (var i = 0; i < 45; i++)
        {
            ids.Add(await NewAmendmentAsync(app, proposalId, cast.Facilitator.Id));
        }
        var newestFirst = await app.WithDbAsync(db => db.Set<Amendment>().Where(a => a.TargetKind == Kind && a.TargetId == proposalId)
            .OrderByDescending(a => a.ProposedAt).ThenByDescending(a => a.Id).Select(a => a.Id).ToListAsync());

        var seen = new List<int>();
        var sizes = new List<int>();
        string? next = $"/api/v1/amendable/{Kind}/{proposalId}/amendments";
        while (next is not null)
        {
            var response = await cast.AnonymousClient.Http.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var page = json.RootElement.GetProperty("amendments").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToList();
            sizes.Add(page.Count);
            seen.AddRange(page);
            next = json.RootElement.GetProperty("next").ValueKind == JsonValueKind.Null ? null : json.RootElement.GetProperty("next").GetString();
            if (seen.Count == 20)
            {
                // Someone proposes meanwhile: it is on the first page, not a second time further on.
                await NewAmendmentAsync(app, proposalId, cast.Facilitator.Id);
            }
        }
        Assert.Equal([20, 20, 5], sizes);
        Assert.Equal(newestFirst, seen);
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await cast.AnonymousClient.Http.GetAsync($"/api/v1/amendable/{Kind}/{proposalId}/amendments?after=not-a-cursor")).StatusCode);

        // The proposal's page shows the first twenty and links to the older ones.
        var link = $"/processes/{cast.ProcessId}/proposals/{proposalId}";
        var first = await cast.AnonymousClient.GetOkPageAsync(link);
        Assert.Equal(20, first.QuerySelectorAll(".amendment-list > li").Length);
        var older = first.QuerySelector(".amendments a[rel=next]")!.GetAttribute("href")!;
        var second = await cast.AnonymousClient.GetOkPageAsync(older);
        var shownIds = second.QuerySelectorAll(".amendment-list article h3 a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(20, shownIds.Count);
        Assert.Empty(shownIds.Intersect(first.QuerySelectorAll(".amendment-list article h3 a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture))));
        // A tampered link shows the first page rather than failing the proposal's page.
        Assert.Equal(20, (await cast.AnonymousClient.GetOkPageAsync(link + "?amendments=zzz")).QuerySelectorAll(".amendment-list > li").Length);
    }
}

public sealed class AmendmentPagingOnSqlite(BudgetingSqliteApp app) : AmendmentPagingTests<BudgetingSqliteApp>(app);

public sealed class AmendmentPagingOnPostgres(BudgetingPostgresApp app) : AmendmentPagingTests<BudgetingPostgresApp>(app);

public abstract class AmendmentNotificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task The_proposal_s_author_hears_of_an_amendment_and_the_amendment_s_author_of_the_decision()
    {
        app.RequireAvailable();
        var (cast, proposalId) = await ProposalAsync(app);
        var (_, amendmentId) = await ProposeAsync(cast.FacilitatorClient, proposalId, 1, "Evening opening", "Open later, please.");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(cast.ParticipantClient, amendmentId, "reject", new { reason = "Not this year." })).StatusCode);
        await Cocreo.Web.Tests.Notifications.NotificationScenario.FanOutAsync(app);
        var notes = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Notifications.Notification>().Where(n => n.ProcessId == cast.ProcessId && n.Event.StartsWith("amendment.")).ToListAsync());
        var told = Assert.Single(notes, n => n.Event == "amendment.proposed");
        Assert.Equal(cast.Participant.Id, told.UserId);
        Assert.Equal($"/amendments/{amendmentId}", told.Link);
        var decided = Assert.Single(notes, n => n.Event == "amendment.rejected");
        Assert.Equal(cast.Facilitator.Id, decided.UserId);
        Assert.Equal("Not this year.", decided.Detail);
    }

    [Fact]
    public async Task A_comment_on_an_amendment_tells_its_author_and_the_proposal_s_authors_never_the_commenter()
    {
        app.RequireAvailable();
        var (cast, proposalId) = await ProposalAsync(app);
        var (_, amendmentId) = await ProposeAsync(cast.FacilitatorClient, proposalId, 1, "Evening opening", "Open later, please.");
        async Task<int> CommentAsync(Cocreo.Web.Testing.FormClient client, string body)
        {
            var posted = await Cocreo.Web.Tests.Proposals.ProposalScenario.ApiAsync(client, HttpMethod.Post, $"/api/v1/debates/{AmendmentDebateTargets.DebateKind}/{amendmentId}/comments", new { body, submissionId = Guid.NewGuid() });
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            using var json = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("id").GetInt32();
        }
        var byOther = await CommentAsync(cast.OtherStaffClient, "Why not on Sundays?");
        var byAuthor = await CommentAsync(cast.ParticipantClient, "Until nine is enough.");
        await Cocreo.Web.Tests.Notifications.NotificationScenario.FanOutAsync(app);
        var notes = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Notifications.Notification>().Where(n => n.ProcessId == cast.ProcessId && n.Event == "amendment.commented").ToListAsync());
        Assert.Equal(new[] { cast.Facilitator.Id, cast.Participant.Id }.Order(), notes.Where(n => n.Link.EndsWith($"#comment-{byOther}", StringComparison.Ordinal)).Select(n => n.UserId).Order());
        Assert.Equal([cast.Facilitator.Id], notes.Where(n => n.Link.EndsWith($"#comment-{byAuthor}", StringComparison.Ordinal)).Select(n => n.UserId));
    }
}

public sealed class AmendmentNotificationsOnSqlite(BudgetingSqliteApp app) : AmendmentNotificationTests<BudgetingSqliteApp>(app);

public sealed class AmendmentNotificationsOnPostgres(BudgetingPostgresApp app) : AmendmentNotificationTests<BudgetingPostgresApp>(app);

public sealed class AmendmentsOnSqlite(BudgetingSqliteApp app) : AmendmentTests<BudgetingSqliteApp>(app);

public sealed class AmendmentsOnPostgres(BudgetingPostgresApp app) : AmendmentTests<BudgetingPostgresApp>(app);
