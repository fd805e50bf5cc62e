using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Meetings;

/// <summary>
/// Every state-changing endpoint of meetings, tried by every kind of person over HTTP on a public process's meeting:
/// the answer (allowed, 403, sign in) and the effect (in the database or the process's log; a refused attempt
/// changed nothing). Each attempt works on something of its own (a new meeting to cancel, a new registration to check in).
/// </summary>
public sealed class MeetingEndpointAuthorizationTests(MeetingsSqliteApp app) : IClassFixture<MeetingsSqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiTeam = ["401", Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] SignedIn = [SignIn, Changed, Changed, Changed, Changed, Changed];
    private static readonly string[] ApiSignedIn = ["401", Changed, Changed, Changed, Changed, Changed];

    private sealed record Attempt(string Url, Dictionary<string, string> Fields, string? Json = null, string Method = "POST");

    private sealed record Row(Endpoint Endpoint, Func<MeetingCast, int, Task<Attempt>> Attempt, Func<MeetingCast, Task<string>> State, string[] Expected);

    private static Task<Attempt> Post(string url, Dictionary<string, string> fields) => Task.FromResult(new Attempt(url, fields));

    private static Task<string> Log(MeetingCast cast) => cast.LogAsync();

    private static Task<string> Registrations(MeetingCast cast) => cast.App.WithDbAsync(async db =>
        string.Join(",", await db.Set<MeetingRegistration>().Where(r => r.MeetingId == cast.MeetingId).OrderBy(r => r.Id).Select(r => r.Status.ToString() + r.CheckedInAt).ToListAsync()));

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["meeting/plan"] = new(new("POST", "/processes/{processId:int}/meetings"),
            (cast, i) =>
            {
                var fields = MeetingSteps.Fields(title: $"Meeting {i}");
                return Post($"/processes/{cast.People.ProcessId}/meetings", fields);
            }, Log, Team),
        ["meeting/change"] = new(new("POST", "/meetings/{id:int}/edit"),
            (cast, i) =>
            {
                var fields = MeetingSteps.Fields(title: $"Changed meeting {i}");
                return Post($"/meetings/{cast.MeetingId}/edit", fields);
            }, Log, Team),
        ["meeting/cancel"] = new(new("POST", "/meetings/{id:int}/edit", "Cancel"),
            async (cast, i) => new($"/meetings/{await cast.NewMeetingAsync()}/edit?handler=Cancel", []), Log, Team),
        ["registration/register"] = new(new("POST", "/meetings/{id:int}", "Register"),
            (cast, _) => Post($"/meetings/{cast.MeetingId}?handler=Register", new() { ["Needs.Diet"] = "Vegetarian" }), Registrations, SignedIn),
        ["registration/cancel"] = new(new("POST", "/meetings/{id:int}", "Cancel"),
            async (cast, i) =>
            {
                await cast.RegisterAsync(i);
                return new($"/meetings/{cast.MeetingId}?handler=Cancel", []);
            }, Registrations, SignedIn),
        ["attendance/check-in"] = new(new("POST", "/meetings/{id:int}/attendance", "CheckIn"),
            async (cast, i) => new($"/meetings/{cast.MeetingId}/attendance?handler=CheckIn", new() { ["code"] = await cast.RegisteredCodeAsync() }), Registrations, Team),
        ["attendance/walk-in"] = new(new("POST", "/meetings/{id:int}/attendance", "WalkIn"),
            (cast, i) => Post($"/meetings/{cast.MeetingId}/attendance?handler=WalkIn", new() { ["walkInName"] = $"Walk-in {i}" }), Registrations, Team),
        ["attendance/record"] = new(new("POST", "/meetings/{id:int}/attendance", "Record"),
            (cast, _) => Post($"/meetings/{cast.MeetingId}/attendance?handler=Record", []), Log, Team),
        ["api/plan"] = new(new("POST", "/api/v1/processes/{processId:int}/meetings"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/processes/{cast.People.ProcessId}/meetings", [],
                $"{{\"title\":\"API meeting {i}\",\"startsAt\":\"{DateTime.UtcNow.AddDays(5):yyyy-MM-ddTHH:mm:ssZ}\",\"endsAt\":\"{DateTime.UtcNow.AddDays(5).AddHours(2):yyyy-MM-ddTHH:mm:ssZ}\",\"kind\":\"Online\",\"onlineUrl\":\"https://video.example.org/r\",\"stepFree\":false,\"hearingLoop\":false,\"accessibleToilet\":false}}")),
            Log, ApiTeam),
        ["api/register"] = new(new("POST", "/api/v1/meetings/{id:int}/registration"),
            (cast, _) => Task.FromResult(new Attempt($"/api/v1/meetings/{cast.MeetingId}/registration", [], "{\"childcare\":true}")), Registrations, ApiSignedIn),
        ["api/cancel"] = new(new("DELETE", "/api/v1/meetings/{id:int}/registration"),
            async (cast, i) =>
            {
                await cast.RegisterAsync(i);
                return new($"/api/v1/meetings/{cast.MeetingId}/registration", [], "", "DELETE");
            }, Registrations, ApiSignedIn),
        ["api/check-in"] = new(new("POST", "/api/v1/meetings/{id:int}/check-ins"),
            async (cast, _) => new($"/api/v1/meetings/{cast.MeetingId}/check-ins", [], $"{{\"code\":\"{await cast.RegisteredCodeAsync()}\"}}"), Registrations, ApiTeam),
        ["api/change"] = new(new("PUT", "/api/v1/meetings/{id:int}"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/meetings/{cast.MeetingId}", [],
                $"{{\"title\":\"API changed {i}\",\"startsAt\":\"{DateTime.UtcNow.AddDays(6):yyyy-MM-ddTHH:mm:ssZ}\",\"endsAt\":\"{DateTime.UtcNow.AddDays(6).AddHours(2):yyyy-MM-ddTHH:mm:ssZ}\",\"kind\":\"Online\",\"onlineUrl\":\"https://video.example.org/r\",\"stepFree\":false,\"hearingLoop\":false,\"accessibleToilet\":false}}", "PUT")),
            Log, ApiTeam),
        ["api/cancel-meeting"] = new(new("POST", "/api/v1/meetings/{id:int}/cancel"),
            async (cast, _) => new($"/api/v1/meetings/{await cast.NewMeetingAsync()}/cancel", [], ""), Log, ApiTeam),
        ["api/walk-in"] = new(new("POST", "/api/v1/meetings/{id:int}/walk-ins"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/meetings/{cast.MeetingId}/walk-ins", [], $"{{\"name\":\"API walk-in {i}\"}}")), Registrations, ApiTeam),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await MeetingCast.CreateAsync(app);
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Attempt(cast, i);
            var before = await row.State(cast);
            var token = await Scenarios.AntiforgeryTokenAsync(clients[i]);
            HttpResponseMessage response;
            if (attempt.Json is { } json)
            {
                using var request = new HttpRequestMessage(new HttpMethod(attempt.Method), attempt.Url);
                if (json.Length > 0)
                {
                    request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
                }
                request.Headers.Add("X-CSRF-TOKEN", token);
                response = await clients[i].Http.SendAsync(request);
            }
            else
            {
                attempt.Fields["__RequestVerificationToken"] = token;
                response = await clients[i].PostAsync(attempt.Url, attempt.Fields);
            }
            var after = await row.State(cast);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task An_api_change_without_the_antiforgery_header_is_refused()
    {
        var cast = await MeetingCast.CreateAsync(app);
        var response = await cast.People.ParticipantClient.Http.PostAsync($"/api/v1/meetings/{cast.MeetingId}/registration",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("", await Registrations(cast));
    }
}

/// <summary>A meeting of a public process with the people around it.</summary>
internal sealed record MeetingCast(CocreoApp App, ProcessCast People, int MeetingId)
{
    public static async Task<MeetingCast> CreateAsync(CocreoApp app)
    {
        var people = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(people.OwnerClient, people.ProcessId);
        return new MeetingCast(app, people, id);
    }

    public Task<string> LogAsync() => App.WithDbAsync(async db =>
        string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == People.ProcessId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));

    public Task<int> NewMeetingAsync() => MeetingSteps.PlanAsync(People.OwnerClient, People.ProcessId);

    /// <summary>Registers the person of role <paramref name="role"/> (anonymous has no account: nothing).</summary>
    public async Task RegisterAsync(int role)
    {
        var user = role switch
        {
            1 => People.Participant,
            2 => People.Facilitator,
            3 => People.Owner,
            4 => People.OtherStaff,
            5 => People.Admin,
            _ => null,
        };
        if (user is null)
        {
            return;
        }
        await App.WithDbAsync(async db =>
        {
            var existing = await db.Set<MeetingRegistration>().SingleOrDefaultAsync(r => r.MeetingId == MeetingId && r.UserId == user.Id);
            if (existing is null)
            {
                db.Add(MeetingRegistration.For(MeetingId, user.Id, MeetingNeeds.None, hasPlace: true, DateTime.UtcNow));
            }
            else if (!existing.IsActive)
            {
                existing.Take(MeetingNeeds.None, hasPlace: true, DateTime.UtcNow);
            }
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A new registered walk-in-like registration not yet checked in (a fresh account each time), and its code.</summary>
    public async Task<string> RegisteredCodeAsync()
    {
        var user = await App.CreateUserAsync("Checked In " + Guid.NewGuid().ToString("N")[..6]);
        return await App.WithDbAsync(async db =>
        {
            var registration = MeetingRegistration.For(MeetingId, user.Id, MeetingNeeds.None, hasPlace: true, DateTime.UtcNow);
            db.Add(registration);
            await db.SaveChangesAsync();
            return registration.Code;
        });
    }
}
