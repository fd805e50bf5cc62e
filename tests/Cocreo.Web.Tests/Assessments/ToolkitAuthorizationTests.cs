using System.Globalization;
using System.Net;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.ProcessQuality;
using Cocreo.Web.Features.ServiceSelection;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Assessments;

/// <summary>
/// Every state-changing endpoint of the toolkit, tried by every kind of person, over HTTP: allowed (redirected
/// onwards), refused with 403 (signed in, may see but not do), 404 (may not even see the organisation's assessment),
/// or sent to sign in (anonymous). Each person tries on a fresh subject, so one person's change does not decide the next.
/// </summary>
public sealed class ToolkitAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Ok = "allowed";
    private const string Forbidden = "403";
    private const string Hidden = "404";
    private const string SignIn = "sign-in";

    private static readonly string[] Roles = ["anonymous", "process participant", "facilitator (staff)", "owner (administrator)", "other organisation's staff", "platform admin"];

    public static TheoryData<string, string[]> Endpoints => new()
    {
        // endpoint,                   expected per role in the order of Roles
        { "readiness/start",           [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "service-selection/start",   [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "process-quality/start",     [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "assessment/answer",         [SignIn, Hidden, Ok, Ok, Hidden, Forbidden] },
        { "readiness/complete",        [SignIn, Hidden, Ok, Ok, Hidden, Ok] },
        { "service-selection/add",     [SignIn, Hidden, Ok, Ok, Hidden, Ok] },
        { "service-selection/choose",  [SignIn, Hidden, Ok, Ok, Hidden, Ok] },
        { "process-quality/open-link", [SignIn, Hidden, Ok, Ok, Hidden, Ok] },
        { "process-quality/close-link", [SignIn, Hidden, Ok, Ok, Hidden, Ok] },
        { "process-quality/complete",  [SignIn, Hidden, Ok, Ok, Hidden, Ok] },
        // Anyone with an open link may answer, with or without an account.
        { "process-quality/respond",   [Ok, Ok, Ok, Ok, Ok, Ok] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Who_may_change_what(string endpoint, string[] expected)
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var clients = new[] { cast.AnonymousClient, cast.ParticipantClient, cast.FacilitatorClient, cast.OwnerClient, cast.OtherStaffClient, cast.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var (url, fields) = await RequestAsync(endpoint, cast);
            fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(clients[i]);
            var response = await clients[i].PostAsync(url, fields);
            var actual = Outcome(response);
            if (actual != expected[i])
            {
                failures.Add($"{Roles[i]}: expected {expected[i]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }
        Assert.True(failures.Count == 0, $"{endpoint}:\n" + string.Join("\n", failures));
    }

    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Forbidden => Forbidden,
        HttpStatusCode.NotFound => Hidden,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) => SignIn,
        HttpStatusCode.Redirect => Ok,
        var other => ((int)other).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The request, on a subject the owner has just set up for it.</summary>
    private async Task<(string Url, Dictionary<string, string> Fields)> RequestAsync(string endpoint, ProcessCast cast)
    {
        var o = cast.OrganisationId;
        var owner = cast.OwnerClient;
        var process = cast.ProcessId.ToString(CultureInfo.InvariantCulture);
        switch (endpoint)
        {
            case "readiness/start" or "service-selection/start" or "process-quality/start":
                return ($"/organisations/{o}/{endpoint.Split('/')[0]}", new()
                {
                    ["Start.Title"] = "A new one",
                    ["Start.ProcessId"] = process,
                    ["Start.SubmissionId"] = Guid.NewGuid().ToString(),
                });
            case "assessment/answer":
            {
                var id = await ToolkitScenarios.StartReadinessAsync(owner, o, cast.ProcessId);
                return ($"/assessments/{id}/answer", new() { [AnswerForm.FieldName(ToolkitScenarios.Ready.Questions[0].Id)] = "yes", ["go"] = "later" });
            }
            case "readiness/complete":
            {
                var id = await ToolkitScenarios.StartReadinessAsync(owner, o, cast.ProcessId);
                await ToolkitScenarios.AnswerAsync(owner, id, ToolkitScenarios.Ready, _ => "yes");
                return ($"/readiness/{id}?handler=Complete", []);
            }
            case "service-selection/add":
            {
                var shortlist = await ShortlistAsync(owner, o, process);
                return ($"/service-selection/{shortlist}?handler=Add", new() { ["Candidate.Name"] = "Parking permits", ["Candidate.SubmissionId"] = Guid.NewGuid().ToString() });
            }
            case "service-selection/choose":
            {
                var shortlist = await ShortlistAsync(owner, o, process);
                await owner.SubmitAsync($"/service-selection/{shortlist}", new() { ["Candidate.Name"] = "Parking permits" }, handler: "Add");
                var service = await app.WithDbAsync(db => db.Set<ShortlistedService>().SingleAsync(s => s.ShortlistId == shortlist));
                await ToolkitScenarios.AnswerAsync(owner, service.AssessmentId, ToolkitScenarios.Serve, _ => "yes");
                return ($"/service-selection/{shortlist}?handler=Choose", new() { ["Choice.ServiceId"] = service.Id.ToString(CultureInfo.InvariantCulture) });
            }
            case "process-quality/open-link" or "process-quality/close-link" or "process-quality/complete" or "process-quality/respond":
            {
                var survey = Scenarios.IdFrom(await ToolkitScenarios.StartAsync(owner, o, "process-quality", "Survey", cast.ProcessId), "/process-quality/");
                await owner.SubmitAsync($"/process-quality/{survey}", [], handler: "OpenLink");
                var link = await app.WithDbAsync(db => db.Set<ResponseLink>().SingleAsync(l => l.AssessmentId == survey));
                return endpoint switch
                {
                    "process-quality/open-link" => ($"/process-quality/{survey}?handler=OpenLink", []),
                    "process-quality/close-link" => ($"/process-quality/{survey}?handler=CloseLink", new() { ["linkId"] = link.Id.ToString(CultureInfo.InvariantCulture) }),
                    "process-quality/complete" => ($"/process-quality/{survey}?handler=Complete", []),
                    _ => (link.Path, new() { [AnswerForm.FieldName(ToolkitScenarios.Master.Questions[0].Id)] = "agree", ["go"] = "finish" }),
                };
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(endpoint));
        }
    }

    private static async Task<int> ShortlistAsync(FormClient owner, int organisationId, string processId)
    {
        var start = await owner.SubmitAsync($"/organisations/{organisationId}/service-selection", new() { ["Start.Title"] = "Shortlist", ["Start.ProcessId"] = processId });
        return Scenarios.IdFrom(start, "/service-selection/");
    }
}
