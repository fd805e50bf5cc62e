using System.Net;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Notifications;

/// <summary>The app with digests built two people at a time, so a handful of people makes several batches.</summary>
public class NotificationSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => NotificationScenario.Settings;
}

public class NotificationPostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => NotificationScenario.Settings;
}

public static class NotificationScenario
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>(BudgetingScenario.TestSettings)
    {
        ["Notifications:DigestBatchSize"] = "2",
    };

    public static async Task<int> FanOutAsync(CocreoApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationFanOut>().RunAsync(CancellationToken.None);
    }

    public static Task<List<Notification>> NotificationsAsync(CocreoApp app, string userId) =>
        app.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == userId).OrderBy(n => n.Sequence).ToListAsync());

    public static async Task<HttpResponseMessage> PostAsync(FormClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
        return await client.PostAsync(url, fields);
    }
}

/// <summary>
/// Notifications as people meet them: following and unfollowing, what the fan-out makes of each kind of log entry and
/// for whom (never for someone who may no longer see a private process), the list and its unread count, the e-mail
/// choice, digests in batches (also with two instances at once), and the one-click unsubscribe link.
/// </summary>
public abstract class NotificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task People_follow_and_stop_following_a_budget_a_proposal_and_a_process()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("Benches by the river", 5_000m));
        var outsider = cast.OtherStaffClient;

        Assert.Contains("Follow", (await outsider.GetOkPageAsync($"/budgets/{budgetId}")).QuerySelector(".follow-form button")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await outsider.SubmitAsync($"/budgets/{budgetId}", [], handler: "Follow")).StatusCode);
        Assert.Contains("Following", (await outsider.GetOkPageAsync($"/budgets/{budgetId}")).QuerySelector(".follow-form button")!.TextContent, StringComparison.Ordinal);
        // A double click changes nothing more.
        Assert.Equal(HttpStatusCode.Redirect, (await NotificationScenario.PostAsync(outsider, "/notifications?handler=Follow", new() { ["kind"] = "Budget", ["id"] = $"{budgetId}" })).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Follow>().CountAsync(f => f.UserId == cast.OtherStaff.Id && f.Following)));

        // Its author follows the proposal without asking, and the process as its member; both can stop.
        Assert.Contains("Following", (await cast.ParticipantClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector(".follow-form button")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/processes/{cast.ProcessId}", [], handler: "Unfollow")).StatusCode);
        Assert.Contains("Follow", (await cast.ParticipantClient.GetOkPageAsync($"/processes/{cast.ProcessId}")).QuerySelector(".follow-form button")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await outsider.SubmitAsync($"/budgets/{budgetId}", [], handler: "Unfollow")).StatusCode);

        await AnnounceAsync(cast, "Nobody follows this");
        await NotificationScenario.FanOutAsync(App);
        Assert.DoesNotContain(await NotificationScenario.NotificationsAsync(App, cast.Participant.Id), n => n.Event == "announcement.published");
        Assert.Contains(await NotificationScenario.NotificationsAsync(App, cast.Owner.Id), n => n.Event == "announcement.published");

        // Nobody signed out follows, and an unknown subject is not found.
        Assert.Empty((await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}")).QuerySelectorAll(".follow-form"));
        Assert.Equal(HttpStatusCode.NotFound, (await NotificationScenario.PostAsync(outsider, "/notifications?handler=Follow", new() { ["kind"] = "Proposal", ["id"] = "987654" })).StatusCode);
    }

    [Fact]
    public async Task Each_kind_of_event_reaches_the_followers_of_its_subject()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var outsider = cast.OtherStaffClient;
        Assert.Equal(HttpStatusCode.Redirect, (await outsider.SubmitAsync($"/budgets/{budgetId}", [], handler: "Follow")).StatusCode);
        var proposalId = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("Benches by the river", 5_000m));
        var duplicateId = await ProposeAsync(cast.AdminClient, budgetId, new Idea("River benches", 5_000m));
        await NotificationScenario.FanOutAsync(App);

        await ReviewAsync(cast.FacilitatorClient, proposalId, feasible: true, 6_000m);
        Assert.Equal(HttpStatusCode.Redirect, (await outsider.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = "Yes, near the bridge!" }, handler: "Comment")).StatusCode);
        var merge = await cast.FacilitatorClient.SubmitAsync($"/proposals/{duplicateId}/review", new() { ["MergeInto"] = $"{proposalId}" }, handler: "Merge");
        Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        await AnnounceAsync(cast, "Workshop on Thursday");
        Assert.Contains("Review", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        Assert.Contains("Voting", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        var phase = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/phases", [], handler: "Advance");
        Assert.Equal(HttpStatusCode.Redirect, phase.StatusCode);
        Assert.True(await NotificationScenario.FanOutAsync(App) > 0);

        var author = (await NotificationScenario.NotificationsAsync(App, cast.Participant.Id)).Select(n => n.Event).ToList();
        Assert.Equal(["proposal.reviewed", "proposal.commented", "proposal.merged", "announcement.published", "budget.voting-opened", "phase.advanced"], author);
        // The commenter is not told of their own comment; as the budget's follower they hear of the vote, not of the process.
        var follower = (await NotificationScenario.NotificationsAsync(App, cast.OtherStaff.Id)).Select(n => n.Event).ToList();
        Assert.Equal(["budget.voting-opened"], follower);
        // The duplicate's author hears of the merge.
        Assert.Contains("proposal.merged", (await NotificationScenario.NotificationsAsync(App, cast.Admin.Id)).Select(n => n.Event));
        // Read again, the logs make nothing twice.
        Assert.Equal(0, await NotificationScenario.FanOutAsync(App));

        var page = await cast.ParticipantClient.GetOkPageAsync("/notifications");
        var items = page.QuerySelectorAll(".notifications li").Select(li => li.TextContent).ToList();
        Assert.Equal(6, items.Count);
        Assert.Contains("moved to the phase Solution design", items[0], StringComparison.Ordinal);
        Assert.Contains("The proposal “Benches by the river” was found feasible: The parks department can build it.", items[^1], StringComparison.Ordinal);
        Assert.Contains("6", page.QuerySelector(".main-nav a[href='/notifications']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_held_for_the_moderators_reaches_the_followers_once_it_is_published()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.OtherStaffClient, budgetId, new Idea("Shade over the playground", 8_000m));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["preModeration"] = "true" }, handler: "Settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = "Sails, not trees." }, handler: "Comment")).StatusCode);
        await NotificationScenario.FanOutAsync(App);
        // Waiting: the proposal's author (its follower) hears nothing yet.
        Assert.DoesNotContain(await NotificationScenario.NotificationsAsync(App, cast.OtherStaff.Id), n => n.Event == "proposal.commented");

        var commentId = await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().Where(c => c.TargetKind == "proposal" && c.TargetId == proposalId).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/moderation", new() { ["kind"] = Cocreo.Web.Features.Debate.DebateComments.Kind, ["item"] = $"{commentId}" }, handler: "Keep")).StatusCode);
        await NotificationScenario.FanOutAsync(App);
        var told = Assert.Single(await NotificationScenario.NotificationsAsync(App, cast.OtherStaff.Id), n => n.Event == "proposal.commented");
        Assert.Equal($"/proposals/{proposalId}", told.Link);
        Assert.Contains("A new comment on the proposal “Shade over the playground”.", (await cast.OtherStaffClient.GetOkPageAsync("/notifications")).Body!.TextContent, StringComparison.Ordinal);
        // The commenter is not told of their own comment, and nothing is told twice.
        Assert.DoesNotContain(await NotificationScenario.NotificationsAsync(App, cast.Participant.Id), n => n.Event == "proposal.commented");
        Assert.Equal(0, await NotificationScenario.FanOutAsync(App));
    }

    [Fact]
    public async Task The_author_of_hidden_content_is_told_and_the_reason_given()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.OtherStaffClient, budgetId, new Idea("A park in the east", 40_000m));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = "Rude words." }, handler: "Comment")).StatusCode);
        var (action, fields) = await cast.FacilitatorClient.ReadFormAsync($"/proposals/{proposalId}", handler: "Hide");
        // The page's first hide form is the proposal's own: point it at the comment.
        var commentId = await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().Where(c => c.TargetKind == "proposal" && c.TargetId == proposalId).Select(c => c.Id).SingleAsync());
        (fields["kind"], fields["item"], fields["returnUrl"]) = (Cocreo.Web.Features.Debate.DebateComments.Kind, commentId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"/proposals/{proposalId}#comment-{commentId}");
        fields["reason"] = "It insults a whole district.";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.PostAsync(action, fields)).StatusCode);
        await NotificationScenario.FanOutAsync(App);

        var hidden = Assert.Single(await NotificationScenario.NotificationsAsync(App, cast.Participant.Id), n => n.Event == "content.hidden");
        Assert.StartsWith($"/proposals/{proposalId}#comment-", hidden.Link, StringComparison.Ordinal);
        var page = await cast.ParticipantClient.GetOkPageAsync("/notifications");
        Assert.Contains("The moderators hid something you posted: It insults a whole district.", page.Body!.TextContent, StringComparison.Ordinal);
        // The proposal's author hears of the comment, not of its hiding.
        Assert.DoesNotContain(await NotificationScenario.NotificationsAsync(App, cast.OtherStaff.Id), n => n.Event == "content.hidden");
    }

    [Fact]
    public async Task Nobody_is_told_about_a_private_process_they_may_no_longer_see()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OtherStaffClient.SubmitAsync($"/processes/{cast.ProcessId}", [], handler: "Follow")).StatusCode);
        var edit = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/edit", new() { ["Input.Visibility"] = "Private" });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        await AnnounceAsync(cast, "Members only");
        await NotificationScenario.FanOutAsync(App);

        Assert.DoesNotContain(await NotificationScenario.NotificationsAsync(App, cast.OtherStaff.Id), n => n.Event == "announcement.published");
        Assert.Contains(await NotificationScenario.NotificationsAsync(App, cast.Participant.Id), n => n.Event == "announcement.published");
        // And they cannot follow it again: it is not there for them.
        Assert.Equal(HttpStatusCode.NotFound, (await NotificationScenario.PostAsync(cast.OtherStaffClient, "/notifications?handler=Follow", new() { ["kind"] = "Process", ["id"] = $"{cast.ProcessId}" })).StatusCode);
    }

    [Fact]
    public async Task The_list_is_newest_first_a_page_at_a_time_and_marks_read()
    {
        var person = await App.CreateUserAsync("Reader");
        var client = await App.SignedInClientAsync(person);
        var processId = (await Scenarios.ProcessWithCastAsync(App)).ProcessId;
        await AddAsync(person.Id, processId, 25);

        var first = await client.GetOkPageAsync("/notifications");
        Assert.Contains("25 new notifications", first.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(20, first.QuerySelectorAll(".notifications li").Length);
        Assert.Contains("“Title 25”", first.QuerySelector(".notifications li")!.TextContent, StringComparison.Ordinal);
        var second = await client.GetOkPageAsync("/notifications?page=2");
        Assert.Equal(5, second.QuerySelectorAll(".notifications li").Length);
        Assert.Contains("Page 2 of 2", second.Body!.TextContent, StringComparison.Ordinal);

        var newest = await App.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == person.Id).OrderByDescending(n => n.CreatedAt).Select(n => n.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await NotificationScenario.PostAsync(client, "/notifications?handler=Read", new() { ["id"] = $"{newest}" })).StatusCode);
        Assert.NotNull(await App.WithDbAsync(db => db.Set<Notification>().Where(n => n.Id == newest).Select(n => n.ReadAt).SingleAsync()));
        Assert.Contains("24 new notifications", (await client.GetOkPageAsync("/notifications")).Body!.TextContent, StringComparison.Ordinal);
        // Someone else's notification is not theirs to mark.
        var other = await App.SignedInClientAsync(await App.CreateUserAsync("Nosy"));
        Assert.Equal(HttpStatusCode.NotFound, (await NotificationScenario.PostAsync(other, "/notifications?handler=Read", new() { ["id"] = $"{newest + 1}" })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/notifications", [], handler: "ReadAll")).StatusCode);
        Assert.Contains("Nothing unread.", (await client.GetOkPageAsync("/notifications")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == person.Id && n.ReadAt == null)));
    }

    [Fact]
    public async Task Digests_go_once_to_those_who_chose_them_in_their_language_a_batch_at_a_time()
    {
        var processId = (await Scenarios.ProcessWithCastAsync(App)).ProcessId;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var daily = new List<CocreoUser>();
        for (var i = 0; i < 5; i++)
        {
            daily.Add(await App.CreateUserAsync($"Daily {tag} {i}"));
        }
        var slovene = daily[0];
        await App.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == slovene.Id)).PreferredLanguage = "sl";
            await db.SaveChangesAsync();
        });
        var weekly = await App.CreateUserAsync($"Weekly {tag}");
        var never = await App.CreateUserAsync($"Never {tag}");
        await ChooseAsync(weekly, "Weekly");
        await ChooseAsync(never, "Never");
        foreach (var person in daily.Append(weekly).Append(never))
        {
            await AddAsync(person.Id, processId, 3);
        }

        var now = DateTime.UtcNow.AddMinutes(1);
        var batches = 0;
        using (var scope = App.Services.CreateScope())
        {
            var mail = scope.ServiceProvider.GetRequiredService<NotificationMail>();
            while (await mail.BuildDigestBatchAsync(EmailFrequency.Daily, now, now, CancellationToken.None) > 0)
            {
                batches++;
            }
            Assert.Equal(0, await mail.BuildDigestsAsync(EmailFrequency.Daily, now, now, CancellationToken.None));
        }
        var emails = await DigestsAsync(daily.Append(weekly).Append(never));
        Assert.Equal(daily.Select(p => p.Email).Order(), emails.Select(e => e.To).Order());
        Assert.True(batches >= 3, $"{batches} batches of two for five people (and other tests' people)");

        var english = emails.Single(e => e.To == daily[1].Email);
        Assert.Equal("3 new notifications on Cocreo", english.Subject);
        Assert.Contains($"Hello Daily {tag} 1,", english.Body, StringComparison.Ordinal);
        Assert.Contains("“Title 3”", english.Body, StringComparison.Ordinal);
        Assert.Contains("http://cocreo.test/notifications/unsubscribe?token=", english.Unsubscribe, StringComparison.Ordinal);
        var slovenian = emails.Single(e => e.To == slovene.Email);
        Assert.Equal("3 nova obvestila na Cocreu", slovenian.Subject);
        Assert.Contains("Rezultati proračuna", slovenian.Body, StringComparison.Ordinal);

        // The weekly one waits for Monday's.
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationMail>().BuildDigestsAsync(EmailFrequency.Weekly, now, now, CancellationToken.None);
        }
        Assert.Single(await DigestsAsync([weekly]));

        // Sent, an e-mail carries the one-click unsubscribe headers (RFC 8058).
        var dispatcher = App.Services.GetServices<IHostedService>().OfType<EmailDispatcher>().Single();
        while (await dispatcher.SendBatchAsync(CancellationToken.None) > 0)
        {
        }
        var sent = await Accounts.Mailbox.WaitForAsync(App, m => m.To.Mailboxes.Any(b => b.Address == daily[1].Email));
        Assert.Equal("<" + english.Unsubscribe + ">", sent.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", sent.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Two_instances_building_digests_at_once_send_each_person_one()
    {
        var processId = (await Scenarios.ProcessWithCastAsync(App)).ProcessId;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var people = new List<CocreoUser>();
        for (var i = 0; i < 12; i++)
        {
            var person = await App.CreateUserAsync($"Twin {tag} {i}");
            people.Add(person);
            await AddAsync(person.Id, processId, 2);
        }
        await using var second = new SecondInstance(App);
        var now = DateTime.UtcNow.AddMinutes(1);
        await Task.WhenAll(new CocreoApp[] { App, second, App, second }.Select(async instance =>
        {
            using var scope = instance.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<NotificationMail>().BuildDigestsAsync(EmailFrequency.Daily, now, now, CancellationToken.None);
        }));

        var emails = await DigestsAsync(people);
        Assert.Equal(people.Select(p => p.Email).Order(), emails.Select(e => e.To).Order());
    }

    [Fact]
    public async Task The_unsubscribe_link_stops_the_e_mails_once_and_refuses_a_changed_or_foreign_token()
    {
        var person = await App.CreateUserAsync("Unsubscriber");
        var token = App.Services.GetRequiredService<UnsubscribeTokens>().For(person.Id);
        var url = "/notifications/unsubscribe?token=" + Uri.EscapeDataString(token);
        var client = App.NewClient();

        var ask = await client.GetOkPageAsync(url);
        Assert.Contains("You will get no more e-mails about what you follow.", ask.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(EmailFrequency.Daily, await EmailAsync(person.Id));
        // A mail client's one-click POST (RFC 8058) carries no form token.
        var once = await client.PostAsync(url, new() { ["List-Unsubscribe"] = "One-Click" });
        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        Assert.Contains("you will get no more notification e-mails", await once.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EmailFrequency.Never, await EmailAsync(person.Id));
        var twice = await client.PostAsync(url, []);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("You had stopped these e-mails already", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var other = await App.CreateUserAsync("Victim");
        var changed = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var foreign = App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Something else").Protect(other.Id);
        foreach (var bad in new[] { changed, foreign, other.Id, "", new string('x', 5000) })
        {
            var badUrl = "/notifications/unsubscribe?token=" + Uri.EscapeDataString(bad);
            var get = await client.Http.GetAsync(badUrl);
            Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
            Assert.Contains("This unsubscribe link is not valid", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(badUrl, [])).StatusCode);
        }
        Assert.Equal(EmailFrequency.Daily, await EmailAsync(other.Id));
    }

    [Fact]
    public async Task The_account_page_sets_how_often_e_mails_come()
    {
        var person = await App.CreateUserAsync("Chooser");
        var client = await App.SignedInClientAsync(person);
        var account = await client.GetOkPageAsync("/account");
        Assert.Equal("Daily", account.QuerySelector("input[name=email][checked]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/account", new() { ["email"] = "Weekly" }, "Email")).StatusCode);
        Assert.Equal(EmailFrequency.Weekly, await EmailAsync(person.Id));
        Assert.Equal("Weekly", (await client.GetOkPageAsync("/account")).QuerySelector("input[name=email][checked]")!.GetAttribute("value"));
    }

    private sealed class SecondInstance(CocreoApp first) : CocreoApp
    {
        public override string Provider => first.Provider;
        public override string ConnectionString => first.ConnectionString;
        protected override IReadOnlyDictionary<string, string?> Settings => NotificationScenario.Settings;
    }

    private static async Task AnnounceAsync(ProcessCast cast, string title) =>
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/announcements/new", new() { ["Input.Title"] = title, ["Input.Body"] = "Details." })).StatusCode);

    private async Task ChooseAsync(CocreoUser person, string email) =>
        Assert.Equal(HttpStatusCode.Redirect, (await (await App.SignedInClientAsync(person)).SubmitAsync("/account", new() { ["email"] = email }, "Email")).StatusCode);

    private Task<EmailFrequency> EmailAsync(string userId) =>
        App.WithDbAsync(db => db.Set<NotificationPreference>().Where(p => p.UserId == userId).Select(p => (EmailFrequency?)p.Email).SingleOrDefaultAsync()).ContinueWith(t => t.Result ?? EmailFrequency.Daily);

    /// <summary>Adds notifications of published results (one minute apart, the newest last), as the fan-out would.</summary>
    private Task AddAsync(string userId, int processId, int count) => App.WithDbAsync(async db =>
    {
        var start = DateTime.UtcNow.AddHours(-1);
        var sequence = await db.Set<Notification>().Where(n => n.ProcessId == processId).MaxAsync(n => (long?)n.Sequence) ?? 1000;
        for (var i = 1; i <= count; i++)
        {
            db.Add(new Notification
            {
                UserId = userId, ProcessId = processId, Sequence = sequence + i, Event = "budget.results-published",
                Subject = $"Title {i}", Link = "/budgets/1", CreatedAt = start.AddMinutes(i),
            });
        }
        await db.SaveChangesAsync();
    });

    private Task<List<OutgoingEmail>> DigestsAsync(IEnumerable<CocreoUser> people)
    {
        var addresses = people.Select(p => p.Email!).ToList();
        return App.WithDbAsync(db => db.Set<OutgoingEmail>().Where(e => addresses.Contains(e.To)).ToListAsync());
    }
}

public sealed class NotificationsOnSqlite(NotificationSqliteApp app) : NotificationTests<NotificationSqliteApp>(app);

public sealed class NotificationsOnPostgres(NotificationPostgresApp app) : NotificationTests<NotificationPostgresApp>(app);
