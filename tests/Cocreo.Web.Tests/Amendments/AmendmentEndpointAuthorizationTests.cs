using System.Globalization;
using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Cocreo.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Amendments;

/// <summary>
/// Every state-changing endpoint of amendments (pages and API), tried by every kind of person over HTTP: the answer
/// and the effect (an allowed change is in the process's log; a refused one changed nothing). The proposal is the
/// participant's; each amendment is the facilitator's, new for each attempt.
/// </summary>
public sealed class AmendmentEndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    // Anyone signed in but the proposal's writer proposes; anyone but the writer and the amendment's author supports;
    // the proposal's writer decides; the amendment's author withdraws, rebases and promotes.
    private static readonly string[] Proposer = [SignIn, Forbidden, Changed, Changed, Changed, Changed];
    private static readonly string[] ApiProposer = ["401", Forbidden, Changed, Changed, Changed, Changed];
    private static readonly string[] Supporter = [SignIn, Forbidden, Forbidden, Changed, Changed, Changed];
    private static readonly string[] ApiSupporter = ["401", Forbidden, Forbidden, Changed, Changed, Changed];
    private static readonly string[] Writer = [SignIn, Changed, Forbidden, Forbidden, Forbidden, Forbidden];
    private static readonly string[] ApiWriter = ["401", Changed, Forbidden, Forbidden, Forbidden, Forbidden];
    private static readonly string[] Author = [SignIn, Forbidden, Changed, Forbidden, Forbidden, Forbidden];
    private static readonly string[] ApiAuthor = ["401", Forbidden, Changed, Forbidden, Forbidden, Forbidden];

    private sealed record Attempt(string Url, Dictionary<string, string>? Fields = null, HttpMethod? Method = null, object? Json = null);

    private sealed record Row(Endpoint Endpoint, Func<Cast, int, Task<Attempt>> Attempt, string[] Expected)
    {
        public Func<Cast, Task<string>>? State { get; init; }
    }

    private static string Page(int amendmentId, string handler) => $"/amendments/{amendmentId}?handler={handler}";

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["new"] = new(new("POST", "/amendments/new/{kind}/{targetId:int}"),
            (cast, i) => Task.FromResult(new Attempt($"/amendments/new/{AmendmentScenario.Kind}/{cast.ProposalId}",
                new() { ["Input.BaseVersion"] = "1", ["Input.Title"] = "Evening opening", ["Input.Body"] = $"Open later, take {i}." })), Proposer),
        ["support"] = new(new("POST", "/amendments/{id:int}", "Support"), async (cast, _) => new(Page(await cast.NewAmendmentAsync(), "Support")), Supporter),
        ["accept"] = new(new("POST", "/amendments/{id:int}", "Accept"), async (cast, _) => new(Page(await cast.NewAmendmentAsync(fresh: true), "Accept")), Writer),
        ["reject"] = new(new("POST", "/amendments/{id:int}", "Reject"), async (cast, _) => new(Page(await cast.NewAmendmentAsync(), "Reject"), new() { ["reason"] = "Not now." }), Writer),
        ["withdraw"] = new(new("POST", "/amendments/{id:int}", "Withdraw"), async (cast, _) => new(Page(await cast.NewAmendmentAsync(), "Withdraw")), Author),
        ["rebase"] = new(new("POST", "/amendments/{id:int}", "Rebase"),
            async (cast, i) => new(Page(await cast.NewAmendmentAsync(), "Rebase"), new() { ["rebasedTitle"] = "Evening opening", ["rebasedBody"] = $"My own words {i}." }), Author),
        ["promote"] = new(new("POST", "/amendments/{id:int}", "Promote"), async (cast, _) => new(Page(await cast.NewAmendmentAsync(rejected: true), "Promote")), Author),
        // Reports are not logged: the effect is the report, counted once per person.
        ["report"] = new(new("POST", "/amendments/{id:int}", "ReportAmendment"),
            async (cast, _) => new(Page(await cast.NewAmendmentAsync(), "ReportAmendment"), new() { ["reportReason"] = "Spam", ["reportSubmissionId"] = Guid.NewGuid().ToString() }),
            [SignIn, Changed, Forbidden, Changed, Changed, Changed])
        {
            State = cast => cast.App.WithDbAsync(async db => (await db.Set<Cocreo.Web.Features.Moderation.ModerationReport>().CountAsync()).ToString(CultureInfo.InvariantCulture)),
        },
        ["api/propose"] = new(new("POST", "/api/v1/amendable/{kind}/{id:int}/amendments"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/amendable/{AmendmentScenario.Kind}/{cast.ProposalId}/amendments", Method: HttpMethod.Post,
                Json: new { baseVersion = 1, title = "Evening opening", body = $"API change {i}.", submissionId = Guid.NewGuid() })), ApiProposer),
        ["api/support"] = new(new("POST", "/api/v1/amendments/{id:int}/supports"), async (cast, _) => new($"/api/v1/amendments/{await cast.NewAmendmentAsync()}/supports", Method: HttpMethod.Post), ApiSupporter),
        ["api/accept"] = new(new("POST", "/api/v1/amendments/{id:int}/accept"), async (cast, _) => new($"/api/v1/amendments/{await cast.NewAmendmentAsync(fresh: true)}/accept", Method: HttpMethod.Post), ApiWriter),
        ["api/reject"] = new(new("POST", "/api/v1/amendments/{id:int}/reject"),
            async (cast, _) => new($"/api/v1/amendments/{await cast.NewAmendmentAsync()}/reject", Method: HttpMethod.Post, Json: new { reason = "Not now." }), ApiWriter),
        ["api/withdraw"] = new(new("POST", "/api/v1/amendments/{id:int}/withdraw"), async (cast, _) => new($"/api/v1/amendments/{await cast.NewAmendmentAsync()}/withdraw", Method: HttpMethod.Post), ApiAuthor),
        ["api/rebase"] = new(new("POST", "/api/v1/amendments/{id:int}/rebase"),
            async (cast, i) => new($"/api/v1/amendments/{await cast.NewAmendmentAsync()}/rebase", Method: HttpMethod.Post, Json: new { title = "Evening opening", body = $"Mine {i}." }), ApiAuthor),
        ["api/promote"] = new(new("POST", "/api/v1/amendments/{id:int}/promote"),
            async (cast, _) => new($"/api/v1/amendments/{await cast.NewAmendmentAsync(rejected: true)}/promote", Method: HttpMethod.Post), ApiAuthor),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await Cast.CreateAsync(app);
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Attempt(cast, i);
            var state = row.State ?? (c => c.LogAsync());
            var before = await state(cast);
            var response = attempt.Method is { } method
                ? await ProposalScenario.ApiAsync(clients[i], method, attempt.Url, attempt.Json)
                : await ProposalScenario.PostAsync(clients[i], attempt.Url, attempt.Fields);
            var after = await state(cast);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_closed_process_takes_no_amendments_and_says_why()
    {
        var cast = await Cast.CreateAsync(app);
        var amendmentId = await cast.NewAmendmentAsync();
        await app.WithDbAsync(async db =>
        {
            var process = await db.Set<Cocreo.Web.Features.Processes.Process>().SingleAsync(p => p.Id == cast.People.ProcessId);
            db.Entry(process).Property(p => p.ClosedAt).CurrentValue = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        var refused = await AmendmentScenario.ProposeAsync(cast.People.OwnerClient, cast.ProposalId, 1, "Evening opening", "Later.");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.Response.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await AmendmentScenario.PostAsync(cast.People.ParticipantClient, amendmentId, "accept")).StatusCode);
        Assert.Equal(AmendmentStatus.Open, (await AmendmentScenario.AmendmentAsync(app, amendmentId)).Status);
    }

    /// <summary>A process with proposals on, the participant's proposal, and its people.</summary>
    private sealed record Cast(CocreoApp App, ProcessCast People, int ProposalId)
    {
        public static async Task<Cast> CreateAsync(CocreoApp app)
        {
            var (people, proposalId) = await AmendmentScenario.ProposalAsync(app);
            return new Cast(app, people, proposalId);
        }

        /// <summary>
        /// A new amendment by the facilitator; <paramref name="fresh"/>: on a proposal of its own, so accepting one
        /// does not leave the next attempt's amendment on an old version.
        /// </summary>
        public async Task<int> NewAmendmentAsync(bool rejected = false, bool fresh = false)
        {
            var proposalId = ProposalId;
            if (fresh)
            {
                proposalId = await ProposalScenario.PutForwardAsync(People.ParticipantClient, People.ProcessId, "Another " + Guid.NewGuid().ToString("N")[..6]);
            }
            return await AmendmentScenario.NewAmendmentAsync(App, proposalId, People.Facilitator.Id, rejected);
        }

        public Task<string> LogAsync() => App.WithDbAsync(async db =>
            string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == People.ProcessId).OrderBy(e => e.Sequence).Select(e => e.Id).ToListAsync()));
    }
}
