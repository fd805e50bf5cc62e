using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Cocreo.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Commitments;

/// <summary>
/// Every state-changing endpoint of commitments (pages and API), tried by every kind of person over HTTP on the same
/// process: the answer and the effect (an allowed change is in the process's log; a refused one changed nothing).
/// Each attempt works on a commitment of its own.
/// </summary>
public sealed class CommitmentEndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiTeam = ["401", Forbidden, Changed, Changed, Forbidden, Changed];

    private sealed record Attempt(string Url, Dictionary<string, string>? Fields = null, HttpMethod? Method = null, object? Json = null);

    private sealed record Row(Endpoint Endpoint, Func<Cast, int, Task<Attempt>> Attempt, string[] Expected);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["new"] = new(new("POST", "/processes/{processId:int}/commitments/new"),
            (cast, i) => Task.FromResult(new Attempt($"/processes/{cast.ProcessId}/commitments/new", CommitmentScenario.Fields($"Commitment {i}"))), Team),
        ["edit"] = new(new("POST", "/processes/{processId:int}/commitments/{id:int}/edit"),
            async (cast, i) => new($"{cast.Page(await cast.NewAsync())}/edit", CommitmentScenario.Fields($"Changed {i}")), Team),
        ["status"] = new(new("POST", "/processes/{processId:int}/commitments/{id:int}", "Status"),
            async (cast, _) => new($"{cast.Page(await cast.NewAsync())}?handler=Status", new() { ["Status"] = "InProgress" }), Team),
        ["add milestone"] = new(new("POST", "/processes/{processId:int}/commitments/{id:int}", "AddMilestone"),
            async (cast, _) => new($"{cast.Page(await cast.NewAsync())}?handler=AddMilestone", new() { ["MilestoneTitle"] = "Next", ["MilestoneDate"] = CommitmentScenario.Day(5) }), Team),
        ["mark milestone"] = new(new("POST", "/processes/{processId:int}/commitments/{id:int}", "MarkMilestone"),
            async (cast, _) => { var (id, milestone) = await cast.NewWithMilestoneAsync(); return new($"{cast.Page(id)}?handler=MarkMilestone&milestoneId={milestone}&done=true"); }, Team),
        ["api/make"] = new(new("POST", "/api/v1/processes/{id:int}/commitments"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/processes/{cast.ProcessId}/commitments", Method: HttpMethod.Post,
                Json: new { title = $"API commitment {i}", description = "Why.", unit = "Parks unit", deadline = CommitmentScenario.Day(40) })), ApiTeam),
        ["api/edit"] = new(new("PUT", "/api/v1/commitments/{id:int}"),
            async (cast, i) => new($"/api/v1/commitments/{await cast.NewAsync()}", Method: HttpMethod.Put,
                Json: new { title = $"API change {i}", description = "Why.", unit = "Parks unit", deadline = CommitmentScenario.Day(40) }), ApiTeam),
        ["api/status"] = new(new("POST", "/api/v1/commitments/{id:int}/status"),
            async (cast, _) => new($"/api/v1/commitments/{await cast.NewAsync()}/status", Method: HttpMethod.Post, Json: new { status = "Dropped", reason = "No money." }), ApiTeam),
        ["api/add milestone"] = new(new("POST", "/api/v1/commitments/{id:int}/milestones"),
            async (cast, _) => new($"/api/v1/commitments/{await cast.NewAsync()}/milestones", Method: HttpMethod.Post, Json: new { title = "Next", date = CommitmentScenario.Day(5) }), ApiTeam),
        ["api/mark milestone"] = new(new("PUT", "/api/v1/commitments/{id:int}/milestones/{milestoneId:int}"),
            async (cast, _) => { var (id, milestone) = await cast.NewWithMilestoneAsync(); return new($"/api/v1/commitments/{id}/milestones/{milestone}", Method: HttpMethod.Put, Json: new { done = true }); }, ApiTeam),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = new Cast(app, await Scenarios.ProcessWithCastAsync(app));
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Attempt(cast, i);
            var before = await cast.LogAsync();
            var response = attempt.Method is { } method
                ? await ProposalScenario.ApiAsync(clients[i], method, attempt.Url, attempt.Json)
                : await ProposalScenario.PostAsync(clients[i], attempt.Url, attempt.Fields);
            if (Check(row.Expected[i], response, before != await cast.LogAsync()) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_private_process_s_commitments_do_not_exist_for_outsiders()
    {
        var cast = new Cast(app, await Scenarios.ProcessWithCastAsync(app));
        var id = await cast.NewAsync();
        await app.WithDbAsync(async db =>
        {
            var process = await db.Set<Cocreo.Web.Features.Processes.Process>().SingleAsync(p => p.Id == cast.ProcessId);
            db.Entry(process).Property(p => p.Visibility).CurrentValue = Cocreo.Web.Features.Processes.ProcessVisibility.Private;
            await db.SaveChangesAsync();
        });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await cast.People.AnonymousClient.Http.GetAsync(cast.Page(id))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await cast.People.OtherStaffClient.Http.GetAsync($"/api/v1/commitments/{id}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await cast.People.ParticipantClient.Http.GetAsync(cast.Page(id))).StatusCode);
    }

    private sealed record Cast(CocreoApp App, ProcessCast People)
    {
        public int ProcessId => People.ProcessId;

        public string Page(int id) => $"/processes/{ProcessId}/commitments/{id}";

        public Task<int> NewAsync() => CommitmentScenario.InsertAsync(App, ProcessId);

        public async Task<(int Id, int Milestone)> NewWithMilestoneAsync()
        {
            var id = await NewAsync();
            return (id, (await CommitmentScenario.FindAsync(App, id))!.Milestones.Single().Id);
        }

        public Task<string> LogAsync() => App.WithDbAsync(async db =>
            string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == ProcessId).OrderBy(e => e.Sequence).Select(e => e.Id).ToListAsync()));
    }
}
