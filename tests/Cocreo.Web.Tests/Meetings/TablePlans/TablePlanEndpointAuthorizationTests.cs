using Cocreo.Web.Features.Meetings.Profiles;
using Cocreo.Web.Features.Meetings.TablePlans;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Meetings.TablePlans;

/// <summary>
/// Every state-changing endpoint of attributes, answers and table plans, tried by every kind of person over HTTP:
/// the answer and the effect (a refused attempt changed nothing).
/// </summary>
public sealed class TablePlanEndpointAuthorizationTests(MeetingsSqliteApp app) : IClassFixture<MeetingsSqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiTeam = ["401", Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiSignedIn = ["401", Changed, Changed, Changed, Changed, Changed];

    private sealed record Attempt(string Url, Dictionary<string, string> Fields, string? Json = null, string Method = "POST");

    private sealed record Row(Endpoint Endpoint, Func<MeetingCast, int, Task<Attempt>> Attempt, Func<MeetingCast, Task<string>> State, string[] Expected);

    private static Task<string> Attributes(MeetingCast cast) => cast.App.WithDbAsync(async db =>
        (await db.Set<MeetingAttributeSet>().AsNoTracking().SingleOrDefaultAsync(s => s.MeetingId == cast.MeetingId))?.Json ?? "");

    private static Task<string> Plan(MeetingCast cast) => cast.App.WithDbAsync(async db =>
        (await db.Set<MeetingTablePlan>().AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == cast.MeetingId))?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");

    private static Task<string> Answers(MeetingCast cast) => cast.App.WithDbAsync(async db =>
        string.Join(",", await db.Set<MeetingProfile>().Where(p => p.MeetingId == cast.MeetingId).OrderBy(p => p.RegistrationId).Select(p => p.SealedAnswers).ToListAsync()));

    private static async Task<MeetingCast> WithPeopleAsync(MeetingCast cast)
    {
        await cast.App.WithDbAsync(async db =>
        {
            var set = MeetingAttributeSet.For(cast.MeetingId);
            set.Set(MeetingAttributeSet.Parse(TablePlanSteps.Groups));
            db.Add(set);
            await db.SaveChangesAsync();
        });
        await TablePlanSteps.RegisterPeopleAsync(cast.App, cast.MeetingId, 8, i => i % 2 == 0 ? "Resident" : "Visitor");
        return cast;
    }

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["attributes/set"] = new(new("POST", "/meetings/{id:int}/attributes"),
            (cast, i) => Task.FromResult(new Attempt($"/meetings/{cast.MeetingId}/attributes", new() { ["Input.Text"] = $"Group {i}\nA\nB" })), Attributes, Team),
        ["table-plan/compute"] = new(new("POST", "/meetings/{id:int}/table-plan"),
            (cast, i) => Task.FromResult(new Attempt($"/meetings/{cast.MeetingId}/table-plan", TablePlanSteps.Form(2, 2))), Plan, Team),
        ["api/table-plan"] = new(new("POST", "/api/v1/meetings/{id:int}/table-plan"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/meetings/{cast.MeetingId}/table-plan", [], "{\"tables\":2,\"rounds\":2,\"mixOn\":[\"Group\"]}")), Plan, ApiTeam),
        ["api/answers"] = new(new("PUT", "/api/v1/meetings/{id:int}/answers"),
            async (cast, i) =>
            {
                await cast.RegisterAsync(i);
                return new Attempt($"/api/v1/meetings/{cast.MeetingId}/answers", [], "{\"Group\":\"Business\"}", "PUT");
            }, Answers, ApiSignedIn),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await WithPeopleAsync(await MeetingCast.CreateAsync(app));
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
                request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
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
                failures.Add($"{Roles[i]}: {problem} {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }
}
