using Cocreo.Web.Features.ParticipatoryTexts;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Cocreo.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.ParticipatoryTexts;

/// <summary>
/// Every state-changing endpoint of participatory texts (pages and API), tried by every kind of person over HTTP on
/// the same process: the answer and the effect (an allowed change is in the process's log; a refused one changed
/// nothing). Each attempt works on a text of its own.
/// </summary>
public sealed class TextEndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiTeam = ["401", Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] SignedIn = [SignIn, Changed, Changed, Changed, Changed, Changed];
    private static readonly string[] ApiSignedIn = ["401", Changed, Changed, Changed, Changed, Changed];

    // A draft not yet published does not exist for anyone but the team (404, not sign-in or 403).
    private static readonly string[] TeamDraft = [NotFound, NotFound, Changed, Changed, NotFound, Changed];
    private static readonly string[] ApiTeamDraft = ["401", NotFound, Changed, Changed, NotFound, Changed];

    private sealed record Attempt(string Url, Dictionary<string, string>? Fields = null, HttpMethod? Method = null, object? Json = null);

    private sealed record Row(Endpoint Endpoint, Func<Cast, int, Task<Attempt>> Attempt, string[] Expected);

    private static string Draft(int i) => TextScenario.Charter.Replace("two metres", $"{i + 3} metres", StringComparison.Ordinal);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["new"] = new(new("POST", "/processes/{processId:int}/texts/new"),
            (cast, i) => Task.FromResult(new Attempt($"/processes/{cast.ProcessId}/texts/new", new() { ["Input.Title"] = $"Charter {i}", ["Input.Markdown"] = Draft(i) })), Team),
        ["import"] = new(new("POST", "/texts/{id:int}", "Import"),
            async (cast, i) => new($"{TextLinks.Of((await cast.NewTextAsync()).TextId)}?handler=Import", new() { ["Input.Markdown"] = Draft(i) }), Team),
        ["publish"] = new(new("POST", "/texts/{id:int}", "Publish"),
            async (cast, _) => new($"{TextLinks.Of((await cast.NewTextAsync(published: false)).TextId)}?handler=Publish", new() { ["number"] = "1" }), TeamDraft),
        ["close"] = new(new("POST", "/texts/{id:int}", "Close"),
            async (cast, _) => new($"{TextLinks.Of((await cast.NewTextAsync()).TextId)}?handler=Close"), Team),
        ["reopen"] = new(new("POST", "/texts/{id:int}", "Reopen"),
            async (cast, _) => new($"{TextLinks.Of((await cast.NewTextAsync(closed: true)).TextId)}?handler=Reopen"), Team),
        ["support"] = new(new("POST", "/texts/{id:int}/sections/{sectionId:int}", "Support"),
            async (cast, _) => { var (text, section) = await cast.NewTextAsync(); return new($"{TextLinks.Section(text, section)}?handler=Support"); }, SignedIn),
        ["unsupport"] = new(new("POST", "/texts/{id:int}/sections/{sectionId:int}", "Unsupport"),
            async (cast, i) => { var (text, section) = await cast.NewTextAsync(supportedBy: cast.UserOf(i)); return new($"{TextLinks.Section(text, section)}?handler=Unsupport"); }, SignedIn),
        ["api/create"] = new(new("POST", "/api/v1/processes/{id:int}/texts"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/processes/{cast.ProcessId}/texts", Method: HttpMethod.Post, Json: new { title = $"API charter {i}", markdown = Draft(i) })), ApiTeam),
        ["api/draft"] = new(new("PUT", "/api/v1/texts/{id:int}/draft"),
            async (cast, i) => new($"/api/v1/texts/{(await cast.NewTextAsync()).TextId}/draft", Method: HttpMethod.Put, Json: new { markdown = Draft(i) }), ApiTeam),
        ["api/publish"] = new(new("POST", "/api/v1/texts/{id:int}/versions"),
            async (cast, _) => new($"/api/v1/texts/{(await cast.NewTextAsync(published: false)).TextId}/versions", Method: HttpMethod.Post, Json: new { number = 1 }), ApiTeamDraft),
        ["api/state"] = new(new("PUT", "/api/v1/texts/{id:int}/state"),
            async (cast, _) => new($"/api/v1/texts/{(await cast.NewTextAsync()).TextId}/state", Method: HttpMethod.Put, Json: new { open = false }), ApiTeam),
        ["api/support"] = new(new("POST", "/api/v1/text-sections/{id:int}/supports"),
            async (cast, _) => new($"/api/v1/text-sections/{(await cast.NewTextAsync()).SectionId}/supports", Method: HttpMethod.Post), ApiSignedIn),
        ["api/unsupport"] = new(new("DELETE", "/api/v1/text-sections/{id:int}/supports"),
            async (cast, i) => new($"/api/v1/text-sections/{(await cast.NewTextAsync(supportedBy: cast.UserOf(i))).SectionId}/supports", Method: HttpMethod.Delete), ApiSignedIn),
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
            var after = await cast.LogAsync();
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_draft_not_yet_published_does_not_exist_for_the_public()
    {
        var cast = new Cast(app, await Scenarios.ProcessWithCastAsync(app));
        var (text, section) = await cast.NewTextAsync(published: false);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await ProposalScenario.ApiAsync(cast.People.ParticipantClient, HttpMethod.Post, $"/api/v1/text-sections/{section}/supports")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await cast.People.AnonymousClient.Http.GetAsync($"/texts/{text}/export/pdf")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await cast.People.ParticipantClient.Http.GetAsync($"/debate/text-section/{section}")).StatusCode);
    }

    private sealed record Cast(CocreoApp App, ProcessCast People)
    {
        public int ProcessId => People.ProcessId;

        public string? UserOf(int i) => i switch
        {
            1 => People.Participant.Id,
            2 => People.Facilitator.Id,
            3 => People.Owner.Id,
            4 => People.OtherStaff.Id,
            5 => People.Admin.Id,
            _ => null,
        };

        public Task<(int TextId, int SectionId)> NewTextAsync(bool published = true, bool closed = false, string? supportedBy = null) =>
            TextScenario.NewTextAsync(App, ProcessId, published, closed, supportedBy);

        public Task<string> LogAsync() => App.WithDbAsync(async db =>
            string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == ProcessId).OrderBy(e => e.Sequence).Select(e => e.Id).ToListAsync()));
    }
}
