using System.Net.Http.Json;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Notifications;

/// <summary>
/// Every state-changing endpoint of notifications, tried by every kind of person over HTTP: the answer and the effect.
/// One's own notifications and e-mail choice are one's own (someone else's notification is not found); following
/// needs an account and a process one may see; the unsubscribe link is the right to use it, whoever sends it, and a
/// changed link gets 400 with a message.
/// </summary>
public sealed class NotificationEndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];
    private static readonly string[] SignedIn = [SignIn, Changed, Changed, Changed, Changed, Changed];

    /// <summary>A form posted to a page, or (with <paramref name="Method"/>) an API request with the antiforgery header.</summary>
    private sealed record Attempt(string Url, Dictionary<string, string> Fields, HttpMethod? Method = null);

    private sealed record Row(Endpoint Endpoint, Func<NotificationCast, int, Task<Attempt>> Attempt, Func<NotificationCast, Task<string>> State, string[] Expected);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["follow"] = new(new("POST", "/notifications", "Follow"),
            (cast, _) => Post("/notifications?handler=Follow", new() { ["kind"] = "Process", ["id"] = $"{cast.People.ProcessId}" }),
            cast => cast.CountAsync(db => db.Set<Follow>().CountAsync(f => f.SubjectId == cast.People.ProcessId && f.Kind == FollowKind.Process && f.Following)),
            SignedIn),
        ["follow a private process"] = new(new("POST", "/notifications", "Follow"),
            (cast, _) => Post("/notifications?handler=Follow", new() { ["kind"] = "Process", ["id"] = $"{cast.PrivateProcessId}" }),
            cast => cast.CountAsync(db => db.Set<Follow>().CountAsync(f => f.SubjectId == cast.PrivateProcessId && f.Kind == FollowKind.Process && f.Following)),
            [SignIn, NotFound, Changed, Changed, NotFound, Changed]),
        ["unfollow"] = new(new("POST", "/notifications", "Unfollow"),
            (cast, _) => Post("/notifications?handler=Unfollow", new() { ["kind"] = "Process", ["id"] = $"{cast.People.ProcessId}" }),
            cast => cast.CountAsync(db => db.Set<Follow>().CountAsync(f => f.SubjectId == cast.People.ProcessId && !f.Following)),
            SignedIn),
        ["read"] = new(new("POST", "/notifications", "Read"),
            async (cast, i) => new("/notifications?handler=Read", new() { ["id"] = $"{await cast.NotificationForAsync(i)}" }),
            Read, SignedIn),
        ["read someone else's"] = new(new("POST", "/notifications", "Read"),
            async (cast, _) => new("/notifications?handler=Read", new() { ["id"] = $"{await cast.NotificationForAsync(-1)}" }),
            Read, [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ["read all"] = new(new("POST", "/notifications", "ReadAll"),
            async (cast, i) =>
            {
                await cast.NotificationForAsync(i);
                return new("/notifications?handler=ReadAll", []);
            },
            Read, SignedIn),
        ["e-mail choice"] = new(new("POST", "/notifications", "Email"),
            (cast, _) => Post("/notifications?handler=Email", new() { ["email"] = "Weekly" }),
            cast => cast.CountAsync(db => db.Set<NotificationPreference>().CountAsync(p => p.Email == EmailFrequency.Weekly)),
            SignedIn),
        ["unsubscribe"] = new(new("POST", "/notifications/unsubscribe"),
            async (cast, i) => new("/notifications/unsubscribe?token=" + Uri.EscapeDataString(await cast.TokenAsync()), []),
            Unsubscribed, [Changed, Changed, Changed, Changed, Changed, Changed]),
        ["unsubscribe with a changed link"] = new(new("POST", "/notifications/unsubscribe"),
            async (cast, i) => new("/notifications/unsubscribe?token=" + Uri.EscapeDataString((await cast.TokenAsync())[..^3] + "abc"), []),
            Unsubscribed, ["400", "400", "400", "400", "400", "400"]),
        // The API runs the same use cases; an anonymous caller gets 401.
        ["api follow"] = new(new("PUT", "/api/v1/follows/{kind}/{id:int}"),
            (cast, _) => Api(HttpMethod.Put, $"/api/v1/follows/process/{cast.People.ProcessId}"),
            cast => cast.CountAsync(db => db.Set<Follow>().CountAsync(f => f.SubjectId == cast.People.ProcessId && f.Kind == FollowKind.Process && f.Following)),
            ["401", Changed, Changed, Changed, Changed, Changed]),
        ["api follow a private process"] = new(new("PUT", "/api/v1/follows/{kind}/{id:int}"),
            (cast, _) => Api(HttpMethod.Put, $"/api/v1/follows/Process/{cast.PrivateProcessId}"),
            cast => cast.CountAsync(db => db.Set<Follow>().CountAsync(f => f.SubjectId == cast.PrivateProcessId && f.Kind == FollowKind.Process && f.Following)),
            ["401", NotFound, Changed, Changed, NotFound, Changed]),
        ["api follow what does not exist"] = new(new("PUT", "/api/v1/follows/{kind}/{id:int}"),
            (cast, i) => Api(HttpMethod.Put, i % 2 == 0 ? "/api/v1/follows/proposal/987654" : $"/api/v1/follows/1/{cast.People.ProcessId}"),
            cast => cast.CountAsync(db => db.Set<Follow>().CountAsync()),
            ["401", NotFound, NotFound, NotFound, NotFound, NotFound]),
        ["api unfollow"] = new(new("DELETE", "/api/v1/follows/{kind}/{id:int}"),
            (cast, _) => Api(HttpMethod.Delete, $"/api/v1/follows/process/{cast.People.ProcessId}"),
            cast => cast.CountAsync(db => db.Set<Follow>().CountAsync(f => f.SubjectId == cast.People.ProcessId && !f.Following)),
            ["401", Changed, Changed, Changed, Changed, Changed]),
        ["api read"] = new(new("POST", "/api/v1/notifications/{id:long}/read"),
            async (cast, i) => new($"/api/v1/notifications/{await cast.NotificationForAsync(i)}/read", [], HttpMethod.Post),
            Read, ["401", Changed, Changed, Changed, Changed, Changed]),
        ["api read someone else's"] = new(new("POST", "/api/v1/notifications/{id:long}/read"),
            async (cast, _) => new($"/api/v1/notifications/{await cast.NotificationForAsync(-1)}/read", [], HttpMethod.Post),
            Read, ["401", NotFound, NotFound, NotFound, NotFound, NotFound]),
        ["api read all"] = new(new("POST", "/api/v1/notifications/read"),
            async (cast, i) =>
            {
                await cast.NotificationForAsync(i);
                return new("/api/v1/notifications/read", [], HttpMethod.Post);
            },
            Read, ["401", Changed, Changed, Changed, Changed, Changed]),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    private static Task<Attempt> Post(string url, Dictionary<string, string> fields) => Task.FromResult(new Attempt(url, fields));

    private static Task<Attempt> Api(HttpMethod method, string url) => Task.FromResult(new Attempt(url, [], method));

    /// <summary>An API request with the sign-in cookie and, unless told otherwise, the antiforgery header.</summary>
    private static async Task<HttpResponseMessage> SendAsync(FormClient client, HttpMethod method, string url, bool withToken = true)
    {
        var token = await Scenarios.AntiforgeryTokenAsync(client);
        using var request = new HttpRequestMessage(method, url);
        if (withToken)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }
        return await client.Http.SendAsync(request);
    }

    private static Task<string> Read(NotificationCast cast) => cast.CountAsync(db => db.Set<Notification>().CountAsync(n => n.ProcessId == cast.People.ProcessId && n.ReadAt != null));

    private static Task<string> Unsubscribed(NotificationCast cast) => cast.CountAsync(db => db.Set<NotificationPreference>().CountAsync(p => p.Email == EmailFrequency.Never));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await NotificationCast.CreateAsync(app);
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Attempt(cast, i);
            var before = await row.State(cast);
            var response = attempt.Method is { } method
                ? await SendAsync(clients[i], method, attempt.Url)
                : await NotificationScenario.PostAsync(clients[i], attempt.Url, attempt.Fields);
            var after = await row.State(cast);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_api_refuses_a_change_without_the_antiforgery_header()
    {
        var cast = await NotificationCast.CreateAsync(app);
        var client = cast.People.OtherStaffClient;
        var follows = await cast.CountAsync(db => db.Set<Follow>().CountAsync());

        var response = await SendAsync(client, HttpMethod.Put, $"/api/v1/follows/process/{cast.People.ProcessId}", withToken: false);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-CSRF-TOKEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(follows, await cast.CountAsync(db => db.Set<Follow>().CountAsync()));
    }

    [Fact]
    public async Task The_api_follows_and_lists_my_notifications_a_page_at_a_time()
    {
        var cast = await NotificationCast.CreateAsync(app);
        var client = cast.People.OtherStaffClient;
        var process = $"/api/v1/follows/process/{cast.People.ProcessId}";
        Assert.False((await client.Http.GetFromJsonAsync<FollowDocument>(process))!.Following);

        var followed = await (await SendAsync(client, HttpMethod.Put, process)).Content.ReadFromJsonAsync<FollowDocument>();

        Assert.Equal(new FollowDocument("process", cast.People.ProcessId, cast.People.ProcessId, "A safer way to school", $"/processes/{cast.People.ProcessId}", true), followed);
        Assert.True((await client.Http.GetFromJsonAsync<FollowDocument>(process))!.Following);
        // A member follows without asking, until they stop.
        Assert.True((await cast.People.ParticipantClient.Http.GetFromJsonAsync<FollowDocument>(process))!.Following);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await SendAsync(cast.People.ParticipantClient, HttpMethod.Delete, process)).StatusCode);
        Assert.False((await cast.People.ParticipantClient.Http.GetFromJsonAsync<FollowDocument>(process))!.Following);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await cast.People.AnonymousClient.Http.GetAsync(process)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await cast.People.AnonymousClient.Http.GetAsync("/api/v1/notifications")).StatusCode);

        for (var i = 0; i < 25; i++)
        {
            await cast.NotificationForAsync(4);
        }
        var first = (await client.Http.GetFromJsonAsync<NotificationPageDocument>("/api/v1/notifications"))!;
        Assert.Equal((1, 2, 25, 25, 20), (first.Page, first.Pages, first.Total, first.Unread, first.Notifications.Count));
        Assert.All(first.Notifications, n => Assert.Contains("A safer way to school", n.Text, StringComparison.Ordinal));
        var second = (await client.Http.GetFromJsonAsync<NotificationPageDocument>("/api/v1/notifications?page=2"))!;
        Assert.Equal(5, second.Notifications.Count);
        Assert.Empty(first.Notifications.Select(n => n.Id).Intersect(second.Notifications.Select(n => n.Id)));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await SendAsync(client, HttpMethod.Post, $"/api/v1/notifications/{second.Notifications[0].Id}/read")).StatusCode);
        var marked = await (await SendAsync(client, HttpMethod.Post, "/api/v1/notifications/read")).Content.ReadFromJsonAsync<MarkedDocument>();
        Assert.Equal(24, marked!.Marked);
        Assert.Equal(0, (await client.Http.GetFromJsonAsync<NotificationPageDocument>("/api/v1/notifications"))!.Unread);
    }
}

/// <summary>The people around a public process, and a private process of the same organisation the participant is not in.</summary>
internal sealed record NotificationCast(CocreoApp App, ProcessCast People, int PrivateProcessId)
{
    private int sequence = 1000;

    public static async Task<NotificationCast> CreateAsync(CocreoApp app)
    {
        var people = await Scenarios.ProcessWithCastAsync(app);
        var fields = Scenarios.ProcessFields("Private plans");
        fields["Input.Visibility"] = "Private";
        var privateId = await Scenarios.CreateProcessAsync(people.OwnerClient, people.OrganisationId, fields);
        return new NotificationCast(app, people, privateId);
    }

    public async Task<string> CountAsync(Func<Cocreo.Web.Data.CocreoDbContext, Task<int>> count) =>
        (await App.WithDbAsync(count)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new unread notification of the person at <paramref name="role"/> (the owner's for anonymous; someone outside the cast's for -1).</summary>
    public async Task<long> NotificationForAsync(int role)
    {
        var userId = role switch
        {
            -1 => (await App.CreateUserAsync("Stranger")).Id,
            0 or 3 => People.Owner.Id,
            1 => People.Participant.Id,
            2 => People.Facilitator.Id,
            4 => People.OtherStaff.Id,
            _ => People.Admin.Id,
        };
        var notification = new Notification { UserId = userId, ProcessId = People.ProcessId, Sequence = ++sequence, Event = "process.closed", Link = "/", CreatedAt = DateTime.UtcNow };
        await App.WithDbAsync(async db =>
        {
            db.Add(notification);
            await db.SaveChangesAsync();
        });
        return notification.Id;
    }

    /// <summary>The unsubscribe token of a new person.</summary>
    public async Task<string> TokenAsync() =>
        App.Services.GetRequiredService<UnsubscribeTokens>().For((await App.CreateUserAsync("Subscriber")).Id);
}
