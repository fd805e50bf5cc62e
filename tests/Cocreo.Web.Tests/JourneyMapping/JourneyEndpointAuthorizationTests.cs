using System.Net;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.JourneyMapping.Journeys;

namespace Cocreo.Web.Tests.JourneyMapping;

/// <summary>
/// Every state-changing endpoint of journey mapping, tried by every kind of person over HTTP: allowed, refused with
/// 403 (signed in), or sent to sign in (anonymous). Contributor endpoints are opened by the contributor's own secret
/// link, which is the right to use them; anyone else's guess gets 404.
/// </summary>
public sealed class JourneyEndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Ok = "allowed";
    private const string Forbidden = "403";
    private const string SignIn = "sign-in";
    private const string NotFound = "404";

    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    public static TheoryData<string, string[]> Endpoints => new()
    {
        // endpoint,            expected per role in the order of Roles
        { "journey/create",     [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "journey/edit",       [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "stage/add",          [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "stage/change",       [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "stage/move",         [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "stage/remove",       [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "touchpoint/add",     [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "question/add",       [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "tag/add",            [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "assisted",           [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "moderate/hide",      [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "backlog/add",        [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "backlog/save",       [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "contribute/start",   [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "contribute/stage",   [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "contribute/submit",  [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "contribute/support", [Ok, Ok, Ok, Ok, Ok, Ok] },
        { "contribute/guessed", [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Who_may_change_what(string endpoint, string[] expected)
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var mapId = await CreateAsync(cast.OwnerClient, cast.ProcessId);
        var map = await MapAsync(app, mapId);
        var stage = map.ActiveStages.First();
        var contributionOwner = app.NewClient();
        var authorToken = await StartAsync(contributionOwner, map.JoinCode);
        await TellAsync(contributionOwner, authorToken, stage.Id, 2, idea: "Plain words.");
        var idea = await app.WithDbAsync(db => db.Set<StageExperience>().SingleAsync(e => e.JourneyMapId == mapId));
        var itemId = await BacklogItemAsync(cast.OwnerClient, mapId);

        var clients = new[] { cast.AnonymousClient, cast.ParticipantClient, cast.FacilitatorClient, cast.OwnerClient, cast.OtherStaffClient, cast.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var client = clients[i];
            // Each person contributes with a link of their own, started before the request under test.
            var ownToken = endpoint.StartsWith("contribute/", StringComparison.Ordinal) && endpoint != "contribute/start" ? await StartAsync(client, map.JoinCode) : "";
            if (endpoint == "contribute/support")
            {
                await TellAsync(client, ownToken, stage.Id, 4);
            }
            var (url, fields) = endpoint switch
            {
                "journey/create" => ($"/processes/{cast.ProcessId}/journeys", new Dictionary<string, string> { ["Input.ServiceName"] = "Dog licence", ["Input.SubmissionId"] = Guid.NewGuid().ToString() }),
                "journey/edit" => ($"/journeys/{mapId}/edit", new() { ["Input.ServiceName"] = "Parking permit", ["Input.IsOpen"] = "true" }),
                "stage/add" => ($"/journeys/{mapId}/stages?handler=AddStage", new() { ["name"] = "Pay" }),
                "stage/change" => ($"/journeys/{mapId}/stages?handler=ChangeStage", new() { ["stageId"] = Id(stage.Id), ["name"] = "Look for information" }),
                "stage/move" => ($"/journeys/{mapId}/stages?handler=MoveStage", new() { ["stageId"] = Id(stage.Id), ["direction"] = i % 2 == 0 ? "1" : "-1" }),
                "stage/remove" => ($"/journeys/{mapId}/stages?handler=RemoveStage", new() { ["stageId"] = Id(map.ActiveStages.Last().Id) }),
                "touchpoint/add" => ($"/journeys/{mapId}/stages?handler=AddTouchpoint", new() { ["stageId"] = Id(stage.Id), ["channel"] = "Letter", ["actor"] = "Leaflet" }),
                "question/add" => ($"/journeys/{mapId}/questions?handler=AddQuestion", new() { ["text"] = $"District {i}", ["options"] = "North\nSouth" }),
                "tag/add" => ($"/journeys/{mapId}/questions?handler=AddTag", new() { ["name"] = $"Queues {i}" }),
                "assisted" => ($"/journeys/{mapId}/assisted", new() { ["Input.Gathering"] = "Phone", ["Input.Stages[0].StageId"] = Id(stage.Id), ["Input.Stages[0].Rating"] = "3", ["Input.SubmissionId"] = Guid.NewGuid().ToString() }),
                "moderate/hide" => ($"/journeys/{mapId}/contributions?handler=Hide", new() { ["contributionId"] = Id(idea.ContributionId), ["reason"] = "Test." }),
                "backlog/add" => ($"/journeys/{mapId}/backlog", new() { ["Input.Title"] = "Plain letters", ["Input.Status"] = "Proposed", ["Input.SubmissionId"] = Guid.NewGuid().ToString() }),
                "backlog/save" => ($"/journeys/{mapId}/backlog/{itemId}?handler=Save", new() { ["Input.Title"] = "Plainer letters", ["Input.Status"] = "Planned" }),
                "contribute/start" => ($"/j/{map.JoinCode}", new()),
                "contribute/stage" => ($"/journeys/c/{ownToken}?stage={stage.Id}&handler=Stage", new() { ["Input.Rating"] = "3" }),
                "contribute/submit" => ($"/journeys/c/{ownToken}?handler=Submit", new() { ["PublicName"] = "" }),
                "contribute/support" => ($"/journeys/{mapId}/ideas/{ownToken}?handler=Support", new() { ["ideaId"] = Id(idea.Id) }),
                "contribute/guessed" => ($"/journeys/c/{Guess()}?stage={stage.Id}&handler=Stage", new() { ["Input.Rating"] = "3" }),
                _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
            };
            if (endpoint == "contribute/submit")
            {
                await TellAsync(client, ownToken, stage.Id, 3);
            }
            var response = await PostAsync(client, url, fields);
            var actual = Outcome(response);
            if (actual != expected[i])
            {
                failures.Add($"{Roles[i]}: expected {expected[i]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }
        Assert.True(failures.Count == 0, $"{endpoint}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Nobody_outside_a_private_process_may_contribute_to_its_map()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var fields = Scenarios.ProcessFields("Private renewal");
        fields["Input.Visibility"] = "Private";
        var processId = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId, fields);
        var map = await MapAsync(app, await CreateAsync(cast.OwnerClient, processId));

        var anonymous = await PostAsync(cast.AnonymousClient, $"/j/{map.JoinCode}", new Dictionary<string, string>());
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(cast.OtherStaffClient, $"/j/{map.JoinCode}", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.FacilitatorClient, $"/j/{map.JoinCode}", new Dictionary<string, string>())).StatusCode);
    }

    private static async Task<int> BacklogItemAsync(FormClient owner, int mapId)
    {
        var response = await owner.SubmitAsync($"/journeys/{mapId}/backlog", new() { ["Input.Title"] = "Plain letters", ["Input.Status"] = "Proposed" });
        return Scenarios.IdFrom(response, $"/journeys/{mapId}/backlog/");
    }

    private static string Guess() => ContributionTokens.New().Token;

    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Forbidden => Forbidden,
        HttpStatusCode.NotFound => NotFound,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) => SignIn,
        HttpStatusCode.Redirect or HttpStatusCode.OK => Ok,
        var other => ((int)other).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Anonymous input is limited per address (in memory only); signed-in people are not held by this limit.</summary>
public sealed class JourneyRateLimitTests(JourneyRateLimitTests.LowLimitApp app) : IClassFixture<JourneyRateLimitTests.LowLimitApp>
{
    public sealed class LowLimitApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["JourneyMapping:AnonymousWritesPerMinute"] = "5",
            ["JourneyMapping:StartsPerHour"] = "3",
        };
    }

    [Fact]
    public async Task Anonymous_input_beyond_the_limit_is_refused_with_429()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var map = await MapAsync(app, await CreateAsync(cast.OwnerClient, cast.ProcessId));
        var stage = map.ActiveStages.First();
        var visitor = app.NewClient();
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var started = await PostAsync(visitor, $"/j/{map.JoinCode}", new Dictionary<string, string>());
            Assert.True(started.StatusCode == HttpStatusCode.Redirect, $"start {i + 1}: {(int)started.StatusCode}");
            tokens.Add(started.Headers.Location!.OriginalString["/journeys/c/".Length..]);
        }
        var fourth = await PostAsync(visitor, $"/j/{map.JoinCode}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter is not null || fourth.Headers.Contains("Retry-After"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await TellAsync(visitor, tokens[0], stage.Id, 3)).StatusCode);
        }
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // The team, signed in, is not held back by the anonymous limit.
        var staff = await StartAsync(cast.FacilitatorClient, map.JoinCode);
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await TellAsync(cast.FacilitatorClient, staff, stage.Id, 4)).StatusCode);
        }
    }
}
