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

    private sealed record Attempt(string Url, Dictionary<string, string> Fields);

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
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    private static Task<Attempt> Post(string url, Dictionary<string, string> fields) => Task.FromResult(new Attempt(url, fields));

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
            var response = await NotificationScenario.PostAsync(clients[i], attempt.Url, attempt.Fields);
            var after = await row.State(cast);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
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
