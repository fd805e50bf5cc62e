using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Features.ParticipatoryTexts;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Cocreo.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Proposals.ProposalScenario;

namespace Cocreo.Web.Tests.ParticipatoryTexts;

/// <summary>
/// Who hears of debate on a text, on SQLite and PostgreSQL: a top-level comment on a section tells the text's followers
/// (who asked, and the process's team while they follow the process), never its writer; a reply tells only the author
/// it answers; an amendment of a section tells the team, and a comment on it the amendment's author and the team.
/// </summary>
public abstract class TextNotificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private async Task<int> CommentAsync(FormClient client, string kind, int id, string body, int? parentId = null)
    {
        var posted = await ApiAsync(client, HttpMethod.Post, $"/api/v1/debates/{kind}/{id}/comments", new { body, parentId, submissionId = Guid.NewGuid() });
        Assert.True(posted.StatusCode == HttpStatusCode.Created, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private Task<List<Notification>> ToldAsync(int processId, string @event) =>
        App.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.ProcessId == processId && n.Event == @event).ToListAsync());

    [Fact]
    public async Task A_comment_on_a_section_tells_the_text_s_followers_and_the_team_but_not_its_writer()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (id, section) = await TextScenario.NewTextAsync(App, cast.ProcessId);
        // Someone outside the process follows the text; the facilitator stops following the process.
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.OtherStaffClient, HttpMethod.Put, $"/api/v1/follows/text/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.FacilitatorClient, HttpMethod.Delete, $"/api/v1/follows/process/{cast.ProcessId}")).StatusCode);
        var follow = await (await cast.OwnerClient.Http.GetAsync($"/api/v1/follows/text/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(follow.GetProperty("following").GetBoolean());
        Assert.Contains("/notifications?handler=Unfollow", (await cast.OwnerClient.GetOkPageAsync(TextLinks.Of(id))).QuerySelector("form.follow-form")!.GetAttribute("action"), StringComparison.Ordinal);

        var comment = await CommentAsync(cast.ParticipantClient, TextSectionDebateTargets.DebateKind, section, "Two metres is too narrow by the market.");
        var reply = await CommentAsync(cast.OwnerClient, TextSectionDebateTargets.DebateKind, section, "We will measure it.", comment);
        await NotificationScenario.FanOutAsync(App);

        var told = await ToldAsync(cast.ProcessId, "text-section.commented");
        Assert.Equal(new[] { cast.Owner.Id, cast.OtherStaff.Id }.Order(), told.Select(n => n.UserId).Order());
        Assert.All(told, n => Assert.Equal($"{TextLinks.Section(id, section)}#comment-{comment}", n.Link));
        Assert.All(told, n => Assert.EndsWith("1. Walking first", n.Subject, StringComparison.Ordinal));
        // The reply tells the author it answers, and nobody else.
        var replied = Assert.Single(await ToldAsync(cast.ProcessId, "comment.replied"));
        Assert.Equal(cast.Participant.Id, replied.UserId);
        Assert.Contains($"#comment-{reply}", replied.Link, StringComparison.Ordinal);
        // Words in both languages.
        var page = await cast.OwnerClient.GetOkPageAsync("/notifications");
        Assert.Contains("A new comment on the section", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amendment_of_a_section_tells_the_team_and_a_comment_on_it_tells_its_author_and_the_team()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (_, section) = await TextScenario.NewTextAsync(App, cast.ProcessId);
        var proposed = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/amendable/{TextSectionDebateTargets.DebateKind}/{section}/amendments", new
        {
            baseVersion = 1,
            title = "Walking first",
            body = "Pavements are at least three metres wide.\n\nCrossings are level with the pavement.",
            explanation = "Prams and wheelchairs.",
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var amendment = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var comment = await CommentAsync(cast.FacilitatorClient, AmendmentDebateTargets.DebateKind, amendment, "Three metres does not fit the old town.");
        await CommentAsync(cast.ParticipantClient, AmendmentDebateTargets.DebateKind, amendment, "Then two and a half?", comment);
        await NotificationScenario.FanOutAsync(App);

        Assert.Equal(new[] { cast.Owner.Id, cast.Facilitator.Id }.Order(), (await ToldAsync(cast.ProcessId, "amendment.proposed")).Select(n => n.UserId).Order());
        var told = await ToldAsync(cast.ProcessId, "amendment.commented");
        Assert.Equal(new[] { cast.Owner.Id, cast.Participant.Id }.Order(), told.Select(n => n.UserId).Order());
        Assert.All(told, n => Assert.Equal($"{AmendmentLinks.Of(amendment)}#comment-{comment}", n.Link));
        Assert.Equal(cast.Facilitator.Id, Assert.Single(await ToldAsync(cast.ProcessId, "comment.replied")).UserId);
    }
}

public sealed class TextNotificationsOnSqlite(BudgetingSqliteApp app) : TextNotificationTests<BudgetingSqliteApp>(app);

public sealed class TextNotificationsOnPostgres(BudgetingPostgresApp app) : TextNotificationTests<BudgetingPostgresApp>(app);
