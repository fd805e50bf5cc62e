using System.Net;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;
using static Cocreo.Web.Tests.JourneyMapping.Journeys;

namespace Cocreo.Web.Tests.JourneyMapping;

/// <summary>
/// Every state-changing endpoint of journey mapping, tried by every kind of person over HTTP, one after the other on
/// the same map: the answer (allowed, 403, sign in, 404) and the effect — an allowed change is in the database and,
/// where it is logged, in the process's log; a refused one changed nothing. Contributor endpoints are opened by the
/// contributor's own secret link, which is the right to use them; a guessed link gets 404. Each attempt works on
/// something of its own (a new retired stage to restore, a new contribution to hide...), so "changed" means that
/// attempt's change.
/// </summary>
public sealed class JourneyEndpointAuthorizationTests(JourneyEndpointAuthorizationTests.TableApp app) : IClassFixture<JourneyEndpointAuthorizationTests.TableApp>, IAllowDenyTable
{
    /// <summary>The app without the limits on anonymous input (tried in <see cref="JourneyRateLimitTests"/>): every row posts anonymously.</summary>
    public sealed class TableApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["JourneyMapping:AnonymousWritesPerMinute"] = "100000",
            ["JourneyMapping:StartsPerHour"] = "100000",
        };
    }

    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] Everyone = [Changed, Changed, Changed, Changed, Changed, Changed];

    /// <summary>One attempt: where to post and what.</summary>
    private sealed record Attempt(string Url, Dictionary<string, string> Fields);

    /// <summary>A row: the endpoint, the attempt of each person (by their index in <see cref="Roles"/>), how to see the effect, and what is expected.</summary>
    private sealed record Row(Endpoint Endpoint, Func<JourneyCast, int, Task<Attempt>> Attempt, Func<JourneyCast, Task<string>> State, string[] Expected);

    private static Task<Attempt> Post(string url, Dictionary<string, string> fields) => Task.FromResult(new Attempt(url, fields));

    private static Task<string> Log(JourneyCast cast) => cast.LogAsync();

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["journey/create"] = new(new("POST", "/processes/{processId:int}/journeys"),
            (cast, i) => Post($"/processes/{cast.People.ProcessId}/journeys", new() { ["Input.ServiceName"] = $"Dog licence {i}", ["Input.SubmissionId"] = Guid.NewGuid().ToString() }),
            cast => cast.QueryAsync(db => db.Set<JourneyMap>().CountAsync(m => m.ProcessId == cast.People.ProcessId)),
            Team),
        ["journey/edit"] = new(new("POST", "/journeys/{id:int}/edit"),
            (cast, i) => Post(cast.Path("edit"), new() { ["Input.ServiceName"] = $"Parking permit {i}", ["Input.IsOpen"] = "true" }), Log, Team),
        ["stage/add"] = new(new("POST", "/journeys/{id:int}/stages", "AddStage"),
            (cast, i) => Post(cast.Path("stages?handler=AddStage"), new() { ["name"] = $"Pay {i}" }), Log, Team),
        ["stage/change"] = new(new("POST", "/journeys/{id:int}/stages", "ChangeStage"),
            (cast, i) => Post(cast.Path("stages?handler=ChangeStage"), new() { ["stageId"] = Id(cast.StageId), ["name"] = $"Look for information {i}" }), Log, Team),
        // Each allowed attempt moves the stage that is first then one place down.
        ["stage/move"] = new(new("POST", "/journeys/{id:int}/stages", "MoveStage"),
            async (cast, _) => new(cast.Path("stages?handler=MoveStage"), new() { ["stageId"] = Id(await cast.FirstStageAsync()), ["direction"] = "1" }), Log, Team),
        ["stage/remove"] = new(new("POST", "/journeys/{id:int}/stages", "RemoveStage"),
            async (cast, i) => new(cast.Path("stages?handler=RemoveStage"), new() { ["stageId"] = Id(await cast.StageAsync($"Unused {i}", retired: false)) }), Log, Team),
        ["stage/restore"] = new(new("POST", "/journeys/{id:int}/stages", "RestoreStage"),
            async (cast, i) => new(cast.Path("stages?handler=RestoreStage"), new() { ["stageId"] = Id(await cast.StageAsync($"Retired {i}", retired: true)) }), Log, Team),
        ["touchpoint/add"] = new(new("POST", "/journeys/{id:int}/stages", "AddTouchpoint"),
            (cast, i) => Post(cast.Path("stages?handler=AddTouchpoint"), new() { ["stageId"] = Id(cast.StageId), ["channel"] = "Letter", ["actor"] = $"Leaflet {i}" }), Log, Team),
        ["touchpoint/change"] = new(new("POST", "/journeys/{id:int}/stages", "ChangeTouchpoint"),
            (cast, i) => Post(cast.Path("stages?handler=ChangeTouchpoint"), new() { ["touchpointId"] = Id(cast.TouchpointId), ["channel"] = "Phone", ["actor"] = $"Call centre {i}" }), Log, Team),
        ["touchpoint/remove"] = new(new("POST", "/journeys/{id:int}/stages", "RemoveTouchpoint"),
            async (cast, i) => new(cast.Path("stages?handler=RemoveTouchpoint"), new() { ["touchpointId"] = Id(await cast.TouchpointAsync($"Kiosk {i}", retired: false)) }), Log, Team),
        ["touchpoint/restore"] = new(new("POST", "/journeys/{id:int}/stages", "RestoreTouchpoint"),
            async (cast, i) => new(cast.Path("stages?handler=RestoreTouchpoint"), new() { ["touchpointId"] = Id(await cast.TouchpointAsync($"Fax {i}", retired: true)) }), Log, Team),
        ["question/add"] = new(new("POST", "/journeys/{id:int}/questions", "AddQuestion"),
            (cast, i) => Post(cast.Path("questions?handler=AddQuestion"), new() { ["text"] = $"District {i}", ["options"] = "North\nSouth" }), Log, Team),
        ["question/change"] = new(new("POST", "/journeys/{id:int}/questions", "ChangeQuestion"),
            (cast, i) => Post(cast.Path("questions?handler=ChangeQuestion"), new() { ["questionId"] = Id(cast.QuestionId), ["text"] = $"Age {i}", ["options"] = "Under 65 | 78\n65 or older | 22" }), Log, Team),
        ["question/retire"] = new(new("POST", "/journeys/{id:int}/questions", "RetireQuestion"),
            async (cast, i) => new(cast.Path("questions?handler=RetireQuestion"), new() { ["questionId"] = Id(await cast.QuestionAsync($"Income {i}")) }), Log, Team),
        ["tag/add"] = new(new("POST", "/journeys/{id:int}/questions", "AddTag"),
            (cast, i) => Post(cast.Path("questions?handler=AddTag"), new() { ["name"] = $"Queues {i}" }), Log, Team),
        ["tag/retire"] = new(new("POST", "/journeys/{id:int}/questions", "RetireTag"),
            async (cast, i) => new(cast.Path("questions?handler=RetireTag"), new() { ["tagId"] = Id(await cast.TagAsync($"Rude staff {i}")) }), Log, Team),
        ["assisted"] = new(new("POST", "/journeys/{id:int}/assisted"),
            (cast, _) => Post(cast.Path("assisted"), new() { ["Input.Gathering"] = "Phone", ["Input.Stages[0].StageId"] = Id(cast.StageId), ["Input.Stages[0].Rating"] = "3", ["Input.SubmissionId"] = Guid.NewGuid().ToString() }),
            Log, Team),
        ["contribution/hide"] = new(new("POST", "/journeys/{id:int}/contributions", "Hide"),
            async (cast, _) => new(cast.Path("contributions?handler=Hide"), new() { ["contributionId"] = Id((await cast.ContributionAsync(told: true)).Id), ["reason"] = "Names a member of staff." }),
            Log, Team),
        ["contribution/show"] = new(new("POST", "/journeys/{id:int}/contributions", "Show"),
            async (cast, _) => new(cast.Path("contributions?handler=Show"), new() { ["contributionId"] = Id((await cast.ContributionAsync(told: true, hidden: true)).Id) }),
            Log, Team),
        ["backlog/add"] = new(new("POST", "/journeys/{id:int}/backlog"),
            (cast, i) => Post(cast.Path("backlog"), new() { ["Input.Title"] = $"Plain letters {i}", ["Input.Status"] = "Proposed", ["Input.SubmissionId"] = Guid.NewGuid().ToString() }), Log, Team),
        ["backlog/save"] = new(new("POST", "/journeys/{id:int}/backlog/{itemId:int}", "Save"),
            (cast, i) => Post(cast.Path($"backlog/{cast.ItemId}?handler=Save"), new() { ["Input.Title"] = $"Plainer letters {i}", ["Input.Status"] = "Planned" }), Log, Team),
        ["backlog/link"] = new(new("POST", "/journeys/{id:int}/backlog/{itemId:int}", "Link"),
            async (cast, _) => new(cast.Path($"backlog/{cast.ItemId}?handler=Link"), new() { ["experienceId"] = Id((await cast.ContributionAsync(told: true)).ExperienceId), ["kind"] = "PainPoint" }),
            Log, Team),
        ["backlog/unlink"] = new(new("POST", "/journeys/{id:int}/backlog/{itemId:int}", "Unlink"),
            async (cast, _) => new(cast.Path($"backlog/{cast.ItemId}?handler=Unlink"), new() { ["experienceId"] = Id(await cast.LinkedInputAsync()), ["kind"] = "PainPoint" }),
            Log, Team),
        ["walk/start"] = new(new("POST", "/j/{code}"),
            (cast, _) => Post($"/j/{cast.JoinCode}", []),
            cast => cast.QueryAsync(db => db.Set<JourneyContribution>().CountAsync(c => c.JourneyMapId == cast.MapId)),
            Everyone),
        ["walk/stage"] = new(new("POST", "/journeys/c/{token}", "Stage"),
            async (cast, _) => new($"/journeys/c/{(await cast.ContributionAsync(told: false)).Token}?stage={cast.StageId}&handler=Stage", new() { ["Input.Rating"] = "3" }),
            Experiences, Everyone),
        ["walk/about"] = new(new("POST", "/journeys/c/{token}", "About"),
            async (cast, _) => new($"/journeys/c/{(await cast.ContributionAsync(told: true)).Token}?handler=About", new() { [$"Answers[{cast.QuestionId}]"] = Id(cast.OptionId) }),
            cast => cast.QueryAsync(db => db.Set<ProfileAnswer>().CountAsync(a => a.ProfileQuestionId == cast.QuestionId)),
            Everyone),
        ["walk/submit"] = new(new("POST", "/journeys/c/{token}", "Submit"),
            async (cast, i) => new($"/journeys/c/{(await cast.ContributionAsync(told: true)).Token}?handler=Submit", new() { ["PublicName"] = $"Neighbour {i}" }),
            Log, Everyone),
        // Keeping a contribution in an account needs one: anonymous people are sent to sign in.
        ["walk/keep"] = new(new("POST", "/journeys/c/{token}", "Keep"),
            async (cast, _) => new($"/journeys/c/{(await cast.ContributionAsync(told: true)).Token}?handler=Keep", []),
            cast => cast.QueryAsync(db => db.Set<JourneyContribution>().CountAsync(c => c.JourneyMapId == cast.MapId && c.UserId != null)),
            [SignIn, Changed, Changed, Changed, Changed, Changed]),
        ["walk/guessed"] = new(new("POST", "/journeys/c/{token}", "Stage"),
            (cast, _) => Post($"/journeys/c/{ContributionTokens.New().Token}?stage={cast.StageId}&handler=Stage", new() { ["Input.Rating"] = "3" }),
            Experiences, [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ["ideas/support"] = new(new("POST", "/journeys/{id:int}/ideas/{token?}", "Support"),
            async (cast, _) => new(cast.Path($"ideas/{(await cast.ContributionAsync(told: true)).Token}?handler=Support"), new() { ["ideaId"] = Id(cast.IdeaId) }),
            Log, Everyone),
        // Anyone signed in reports a sent contribution (shared moderation); each attempt on a contribution of its own.
        ["ideas/report"] = new(new("POST", "/journeys/{id:int}/ideas/{token?}", "ReportContribution"),
            async (cast, _) => new(cast.Path("ideas?handler=ReportContribution"), new()
            {
                ["contributionId"] = Id(await cast.SentContributionAsync()),
                ["reportReason"] = "Offensive",
                ["reportSubmissionId"] = Guid.NewGuid().ToString(),
            }),
            cast => cast.QueryAsync(db => db.Set<Cocreo.Web.Features.Moderation.ModerationReport>().CountAsync()),
            [SignIn, Changed, Changed, Changed, Changed, Changed]),
        // Another map's contributor cannot support through this map's page, even with a link of their own.
        ["ideas/support with another map's link"] = new(new("POST", "/journeys/{id:int}/ideas/{token?}", "Support"),
            async (cast, _) => new(cast.Path($"ideas/{await cast.OtherMapContributionAsync()}?handler=Support"), new() { ["ideaId"] = Id(cast.IdeaId) }),
            Log, [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await JourneyCast.CreateAsync(app);
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Attempt(cast, i);
            var before = await row.State(cast);
            var response = await PostAsync(clients[i], attempt.Url, attempt.Fields);
            var after = await row.State(cast);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    private static Task<string> Experiences(JourneyCast cast) => cast.QueryAsync(async db =>
        string.Join(",", await db.Set<StageExperience>().Where(e => e.JourneyMapId == cast.MapId).OrderBy(e => e.Id).Select(e => e.Id + ":" + e.Rating).ToListAsync()));

    [Fact]
    public async Task Nobody_outside_a_private_process_may_contribute_to_its_map()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var fields = Scenarios.ProcessFields("Private renewal");
        fields["Input.Visibility"] = "Private";
        var processId = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId, fields);
        var map = await MapAsync(app, await CreateAsync(cast.OwnerClient, processId));
        Task<int> ContributionsAsync() => app.WithDbAsync(db => db.Set<JourneyContribution>().CountAsync(c => c.JourneyMapId == map.Id));

        // The join link reaches people before they sign in: someone anonymous may be a member, so is asked to sign in.
        var anonymous = await PostAsync(cast.AnonymousClient, $"/j/{map.JoinCode}", new Dictionary<string, string>());
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(cast.OtherStaffClient, $"/j/{map.JoinCode}", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.OtherStaffClient.Http.GetAsync($"/journeys/{map.Id}/stages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(cast.OtherStaffClient, $"/journeys/{map.Id}/stages?handler=AddStage", new Dictionary<string, string> { ["name"] = "Pay" })).StatusCode);
        Assert.Equal(0, await ContributionsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.FacilitatorClient, $"/j/{map.JoinCode}", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(1, await ContributionsAsync());
    }
}

/// <summary>A journey map with what the rows of the allow/deny table act on, and the people around its process.</summary>
internal sealed record JourneyCast(CocreoApp App, ProcessCast People, int MapId, string JoinCode, int StageId, int TouchpointId, int QuestionId, int OptionId, int IdeaId, int ItemId)
{
    public static async Task<JourneyCast> CreateAsync(CocreoApp app)
    {
        var people = await Scenarios.ProcessWithCastAsync(app);
        var mapId = await Journeys.CreateAsync(people.OwnerClient, people.ProcessId);
        return await app.WithDbAsync(async db =>
        {
            var map = await new JourneyDirectory(db).Maps(tracked: true).SingleAsync(m => m.Id == mapId);
            var stage = map.ActiveStages.First();
            var touchpoint = map.AddTouchpoint(stage.Id, Channel.InPerson, "Front desk", "");
            var question = map.AddProfileQuestion("Age", [new("Under 65", 78), new("65 or older", 22)]);
            await db.SaveChangesAsync();
            var author = JourneyContribution.StartOnline(mapId, ContributionTokens.New().Hash, null, DateTime.UtcNow);
            var idea = author.Record(map, stage.Id, new StageAccount(2, [], null, "Nobody answers.", [], "One page with all the rules."), DateTime.UtcNow);
            var item = BacklogItem.Add(mapId, new BacklogContent("Plain letters", "", null, "Traffic Office", BacklogStatus.Proposed), DateTime.UtcNow);
            db.AddRange(author, item);
            await db.SaveChangesAsync();
            return new JourneyCast(app, people, mapId, map.JoinCode, stage.Id, touchpoint.Id, question.Id, question.Options[0].Id, idea.Id, item.Id);
        });
    }

    public string Path(string rest) => $"/journeys/{MapId}/{rest}";

    public Task<string> QueryAsync(Func<Cocreo.Web.Data.CocreoDbContext, Task<int>> count) =>
        App.WithDbAsync(async db => (await count(db)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<string> QueryAsync(Func<Cocreo.Web.Data.CocreoDbContext, Task<string>> query) => App.WithDbAsync(query);

    /// <summary>The actions in the process's log, in order.</summary>
    public Task<string> LogAsync() => App.WithDbAsync(async db =>
        string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == People.ProcessId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));

    public Task<int> FirstStageAsync() => App.WithDbAsync(async db =>
        (await new JourneyDirectory(db).Maps().SingleAsync(m => m.Id == MapId)).ActiveStages.First().Id);

    /// <summary>A new stage (unused, so removing it deletes it), retired if asked.</summary>
    public Task<int> StageAsync(string name, bool retired) => ChangeMapAsync(map =>
    {
        var stage = map.AddStage(name, "");
        return () =>
        {
            if (retired)
            {
                map.RemoveStage(stage.Id, hasContributions: true);
            }
            return stage.Id;
        };
    });

    public Task<int> TouchpointAsync(string actor, bool retired) => ChangeMapAsync(map =>
    {
        var touchpoint = map.AddTouchpoint(StageId, Channel.Online, actor, "");
        return () =>
        {
            if (retired)
            {
                map.RemoveTouchpoint(touchpoint.Id, hasContributions: true);
            }
            return touchpoint.Id;
        };
    });

    public Task<int> QuestionAsync(string text) => ChangeMapAsync(map =>
    {
        var question = map.AddProfileQuestion(text, [new("Low", null), new("High", null)]);
        return () => question.Id;
    });

    public Task<int> TagAsync(string name) => ChangeMapAsync(map =>
    {
        var tag = map.AddPainTag(name);
        return () => tag.Id;
    });

    /// <summary>A new online contribution with its resume token; told: one stage with a pain point; hidden: by the moderators.</summary>
    public Task<(int Id, string Token, int ExperienceId)> ContributionAsync(bool told, bool hidden = false) => App.WithDbAsync(async db =>
    {
        var map = await new JourneyDirectory(db).Maps().SingleAsync(m => m.Id == MapId);
        var (token, hash) = ContributionTokens.New();
        var contribution = JourneyContribution.StartOnline(MapId, hash, null, DateTime.UtcNow);
        var experience = told ? contribution.Record(map, StageId, new StageAccount(1, [], null, "The queue was long.", [], null), DateTime.UtcNow) : null;
        if (hidden)
        {
            contribution.Hide("It named a member of staff.", DateTime.UtcNow);
        }
        db.Add(contribution);
        await db.SaveChangesAsync();
        return (contribution.Id, token, experience?.Id ?? 0);
    });

    /// <summary>A new anonymous contribution, sent, with an idea.</summary>
    public Task<int> SentContributionAsync() => App.WithDbAsync(async db =>
    {
        var map = await new JourneyDirectory(db).Maps().SingleAsync(m => m.Id == MapId);
        var contribution = JourneyContribution.StartOnline(MapId, ContributionTokens.New().Hash, null, DateTime.UtcNow);
        contribution.Record(map, StageId, new StageAccount(2, [], null, "Rude words here.", [], "Fire everyone."), DateTime.UtcNow);
        contribution.Submit(null, DateTime.UtcNow);
        db.Add(contribution);
        await db.SaveChangesAsync();
        return contribution.Id;
    });

    /// <summary>A new pain point linked to the backlog item.</summary>
    public async Task<int> LinkedInputAsync()
    {
        var (_, _, experienceId) = await ContributionAsync(told: true);
        await App.WithDbAsync(async db =>
        {
            var item = await db.Set<BacklogItem>().Include(i => i.Links).SingleAsync(i => i.Id == ItemId);
            item.Link(experienceId, InputKind.PainPoint, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        return experienceId;
    }

    /// <summary>The resume token of a told contribution to another map of the same process.</summary>
    public async Task<string> OtherMapContributionAsync()
    {
        var other = await App.WithDbAsync(async db =>
        {
            var map = JourneyMap.Start(People.OrganisationId, People.ProcessId, "Dog licence", "", ContributionTokens.NewJoinCode(), ["Apply"], [], DateTime.UtcNow);
            db.Add(map);
            await db.SaveChangesAsync();
            return map;
        });
        return await App.WithDbAsync(async db =>
        {
            var (token, hash) = ContributionTokens.New();
            var contribution = JourneyContribution.StartOnline(other.Id, hash, null, DateTime.UtcNow);
            contribution.Record(other, other.ActiveStages.First().Id, new StageAccount(3, [], null, null, [], null), DateTime.UtcNow);
            db.Add(contribution);
            await db.SaveChangesAsync();
            return token;
        });
    }

    /// <summary>Changes the map directly (saving twice: new parts get their ids first), and returns what <paramref name="change"/> answers after.</summary>
    private Task<int> ChangeMapAsync(Func<JourneyMap, Func<int>> change) => App.WithDbAsync(async db =>
    {
        var map = await new JourneyDirectory(db).Maps(tracked: true).SingleAsync(m => m.Id == MapId);
        var then = change(map);
        await db.SaveChangesAsync();
        var id = then();
        await db.SaveChangesAsync();
        return id;
    });
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
