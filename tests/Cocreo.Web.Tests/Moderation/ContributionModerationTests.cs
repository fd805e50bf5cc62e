using System.Net;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.JourneyMapping.Journeys;

namespace Cocreo.Web.Tests.Moderation;

/// <summary>
/// Co-Renew contributions on the shared moderation: residents report them from the ideas page, they wait in the
/// process's queue, the team hides them there with a public reason (the contribution's own flag follows, so they
/// leave the ideas) and the public moderation log lists them; a hide from the map's own page lands in the same case.
/// </summary>
public abstract class ContributionModerationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task A_reported_contribution_is_hidden_from_the_process_queue_and_leaves_the_ideas_with_its_reason_in_the_log()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await CreateAsync(cast.OwnerClient, cast.ProcessId);
        var map = await MapAsync(App, id);
        var visitor = App.NewClient();
        var token = await StartAsync(visitor, map.JoinCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TellAsync(visitor, token, map.ActiveStages.First().Id, 1, idea: "Fire the clerk Janez Novak.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(visitor, token)).StatusCode);
        var contribution = await App.WithDbAsync(db => db.Set<JourneyContribution>().Where(c => c.JourneyMapId == id).Select(c => c.Id).SingleAsync());

        // Reported twice by the same person: counted once.
        var (action, fields) = await cast.ParticipantClient.ReadFormAsync($"/journeys/{id}/ideas", handler: "ReportContribution");
        fields["reportReason"] = nameof(ReportReason.Offensive);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.PostAsync(action, fields)).StatusCode);
        fields["reportSubmissionId"] = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.PostAsync(action, fields)).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<ModerationReport>().CountAsync(r => db.Set<ModerationCase>().Any(c => c.Id == r.ModerationCaseId && c.Kind == JourneyContributions.Kind && c.ItemId == contribution))));

        var queue = await cast.FacilitatorClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation");
        var item = queue.QuerySelector("#waiting ~ .moderation-item")!;
        Assert.Contains("Fire the clerk Janez Novak.", item.TextContent, StringComparison.Ordinal);
        var hide = await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["kind"] = JourneyContributions.Kind, ["item"] = $"{contribution}", ["reason"] = "It names a member of staff." }, handler: "Hide");
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);

        var ideas = await App.NewClient().GetOkPageAsync($"/journeys/{id}/ideas");
        Assert.DoesNotContain("Janez Novak", ideas.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("It names a member of staff.", ideas.Body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await App.WithDbAsync(db => db.Set<JourneyContribution>().Where(c => c.Id == contribution).Select(c => c.HiddenAt).SingleAsync()));
        var log = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation/log");
        Assert.Contains("Hidden by the moderators: It names a member of staff.", Assert.Single(log.QuerySelectorAll(".moderation-log li")).TextContent, StringComparison.Ordinal);

        // Shown again from the shared queue: back among the ideas.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["kind"] = JourneyContributions.Kind, ["item"] = $"{contribution}" }, handler: "Keep")).StatusCode);
        Assert.Contains("Janez Novak", (await App.NewClient().GetOkPageAsync($"/journeys/{id}/ideas")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_pre_moderation_a_sent_contribution_waits_out_of_the_ideas_until_a_moderator_publishes_it()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await CreateAsync(cast.OwnerClient, cast.ProcessId);
        var map = await MapAsync(App, id);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["preModeration"] = "true" }, handler: "Settings")).StatusCode);
        var visitor = App.NewClient();
        var token = await StartAsync(visitor, map.JoinCode);
        await TellAsync(visitor, token, map.ActiveStages.First().Id, 2, idea: "Open on Saturdays.");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(visitor, token)).StatusCode);
        var contribution = await App.WithDbAsync(db => db.Set<JourneyContribution>().Where(c => c.JourneyMapId == id).Select(c => c.Id).SingleAsync());

        Assert.DoesNotContain("Open on Saturdays.", (await App.NewClient().GetOkPageAsync($"/journeys/{id}/ideas")).Body!.TextContent, StringComparison.Ordinal);
        // The waiting notice in the ideas' hidden list is in the reader's language (stored in English, shown localised).
        var slovenian = (await App.NewClient().GetOkPageAsync($"/journeys/{id}/ideas?culture=sl")).Body!.TextContent;
        Assert.Contains("Čaka na moderiranje", slovenian, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for moderation", slovenian, StringComparison.Ordinal);
        Assert.Equal(ModerationState.AwaitingApproval, await App.WithDbAsync(db => db.Set<ModerationCase>().Where(c => c.Kind == JourneyContributions.Kind && c.ItemId == contribution).Select(c => c.State).SingleAsync()));
        Assert.Contains("Open on Saturdays.", (await cast.FacilitatorClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation")).QuerySelector("#waiting ~ .moderation-item")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["kind"] = JourneyContributions.Kind, ["item"] = $"{contribution}" }, handler: "Keep")).StatusCode);
        Assert.Contains("Open on Saturdays.", (await App.NewClient().GetOkPageAsync($"/journeys/{id}/ideas")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("content.published", await LogActionsAsync(App, cast.ProcessId));
    }

    [Fact]
    public async Task With_pre_moderation_an_assisted_entry_waits_unless_its_enterer_may_moderate()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await CreateAsync(cast.OwnerClient, cast.ProcessId);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["preModeration"] = "true" }, handler: "Settings")).StatusCode);
        // Desk staff of the organisation enter journeys told on paper, but do not moderate the process.
        var desk = await App.CreateUserAsync("Desk Dana");
        await App.WithDbAsync(async db =>
        {
            var organisation = await db.Set<Cocreo.Web.Features.Organisations.Organisation>().Include(o => o.Members).SingleAsync(o => o.Id == cast.OrganisationId);
            organisation.AddMember(desk.Id, Cocreo.Web.Features.Organisations.OrganisationRole.Staff, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var deskClient = await App.SignedInClientAsync(desk);

        async Task<int> EnterAsync(FormClient client, string idea)
        {
            var response = await client.SubmitAsync($"/journeys/{id}/assisted", new() { ["Input.Gathering"] = "Paper", ["Input.Stages[0].Rating"] = "2", ["Input.Stages[0].Idea"] = idea });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return await App.WithDbAsync(db => db.Set<JourneyContribution>().Where(c => c.JourneyMapId == id && c.Experiences.Any(e => e.Idea == idea)).Select(c => c.Id).SingleAsync());
        }

        var held = await EnterAsync(deskClient, "Longer opening hours.");
        var published = await EnterAsync(cast.FacilitatorClient, "A ramp at the entrance.");

        var ideas = (await App.NewClient().GetOkPageAsync($"/journeys/{id}/ideas")).Body!.TextContent;
        Assert.DoesNotContain("Longer opening hours.", ideas, StringComparison.Ordinal);
        Assert.Contains("A ramp at the entrance.", ideas, StringComparison.Ordinal);
        Assert.Equal(ModerationState.AwaitingApproval, await App.WithDbAsync(db => db.Set<ModerationCase>().Where(c => c.Kind == JourneyContributions.Kind && c.ItemId == held).Select(c => c.State).SingleAsync()));
        Assert.False(await App.WithDbAsync(db => db.Set<ModerationCase>().AnyAsync(c => c.Kind == JourneyContributions.Kind && c.ItemId == published)));
        Assert.Contains("Longer opening hours.", (await cast.FacilitatorClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation")).QuerySelector("#waiting ~ .moderation-item")!.TextContent, StringComparison.Ordinal);

        // A moderator publishes it from the queue.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["kind"] = JourneyContributions.Kind, ["item"] = $"{held}" }, handler: "Keep")).StatusCode);
        Assert.Contains("Longer opening hours.", (await App.NewClient().GetOkPageAsync($"/journeys/{id}/ideas")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hide_from_the_maps_own_page_is_a_shared_moderation_case()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await CreateAsync(cast.OwnerClient, cast.ProcessId);
        var map = await MapAsync(App, id);
        var visitor = App.NewClient();
        var token = await StartAsync(visitor, map.JoinCode);
        await TellAsync(visitor, token, map.ActiveStages.First().Id, 2, idea: "Open on Saturdays.");
        await SubmitAsync(visitor, token);
        var contribution = await App.WithDbAsync(db => db.Set<JourneyContribution>().Where(c => c.JourneyMapId == id).Select(c => c.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.OwnerClient, $"/journeys/{id}/contributions?handler=Hide", new Dictionary<string, string> { ["contributionId"] = Id(contribution), ["reason"] = "Written twice." })).StatusCode);
        var moderation = await App.WithDbAsync(db => db.Set<ModerationCase>().SingleAsync(c => c.Kind == JourneyContributions.Kind && c.ItemId == contribution));
        Assert.Equal((ModerationState.Hidden, "Written twice.", cast.ProcessId), (moderation.State, moderation.HiddenReason, moderation.ProcessId));
        Assert.Contains("Written twice.", (await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/moderation/log")).Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.OwnerClient, $"/journeys/{id}/contributions?handler=Show", new Dictionary<string, string> { ["contributionId"] = Id(contribution) })).StatusCode);
        Assert.Equal(ModerationState.Visible, await App.WithDbAsync(db => db.Set<ModerationCase>().Where(c => c.Kind == JourneyContributions.Kind && c.ItemId == contribution).Select(c => c.State).SingleAsync()));
    }
}

public sealed class ContributionModerationOnSqlite(SqliteApp app) : ContributionModerationTests<SqliteApp>(app);

public sealed class ContributionModerationOnPostgres(PostgresApp app) : ContributionModerationTests<PostgresApp>(app);
