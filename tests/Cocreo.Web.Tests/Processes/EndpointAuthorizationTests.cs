using System.Net;
using Cocreo.Web.Testing;

namespace Cocreo.Web.Tests.Processes;

/// <summary>
/// Every state-changing endpoint, tried by every kind of person, over HTTP: allowed (the change happens and the
/// browser is redirected onwards), refused with 403 (signed in), or sent to sign in (anonymous).
/// </summary>
public sealed class EndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Ok = "allowed";
    private const string Forbidden = "403";
    private const string SignIn = "sign-in";

    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    public static TheoryData<string, string, string[]> Endpoints => new()
    {
        // endpoint,                 handler,   expected per role in the order of Roles
        { "process/edit",            "",        [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "process/phases",          "Plan",    [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "process/phases",          "Advance", [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "process/members",         "Role",    [SignIn, Forbidden, Forbidden, Ok, Forbidden, Ok] },
        { "process/members",         "Add",     [SignIn, Forbidden, Forbidden, Ok, Forbidden, Ok] },
        { "process/announcements",   "",        [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "process/translations",    "",        [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "process/reflections",     "",        [SignIn, Forbidden, Ok, Ok, Forbidden, Forbidden] },
        { "process/join",            "Join",    [SignIn, Ok, Ok, Ok, Ok, Ok] },
        // The owner is the only one: a process needs an owner, so the form says so (422) and nothing changes.
        { "process/leave",           "Leave",   [SignIn, Ok, Ok, "422", Forbidden, Forbidden] },
        { "organisation/processes",  "",        [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "organisation/edit",       "",        [SignIn, Forbidden, Forbidden, Ok, Forbidden, Ok] },
        { "organisation/invite",     "Invite",  [SignIn, Forbidden, Forbidden, Ok, Forbidden, Ok] },
        { "organisations/new",       "",        [SignIn, Ok, Ok, Ok, Ok, Ok] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Who_may_change_what(string endpoint, string handler, string[] expected)
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var clients = new[] { cast.AnonymousClient, cast.ParticipantClient, cast.FacilitatorClient, cast.OwnerClient, cast.OtherStaffClient, cast.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var client = clients[i];
            var (url, fields) = Request(endpoint, cast);
            fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
            var target = handler.Length == 0 ? url : $"{url}?handler={handler}";
            var response = await client.PostAsync(target, fields);
            var actual = Outcome(response);
            if (actual != expected[i])
            {
                failures.Add($"{Roles[i]}: expected {expected[i]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }
        Assert.True(failures.Count == 0, $"{endpoint} {handler}:\n" + string.Join("\n", failures));
    }

    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Forbidden => Forbidden,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) => SignIn,
        HttpStatusCode.Redirect or HttpStatusCode.OK => Ok,
        var other => ((int)other).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static (string Url, Dictionary<string, string> Fields) Request(string endpoint, ProcessCast cast)
    {
        var p = cast.ProcessId;
        var o = cast.OrganisationId;
        return endpoint switch
        {
            "process/edit" => ($"/processes/{p}/edit", Scenarios.ProcessFields("Edited title")),
            "process/phases" => ($"/processes/{p}/phases", new()
            {
                ["from"] = "ProblemDefinition",
                ["Plans[0].Phase"] = "ProblemDefinition",
                ["Plans[0].PlannedStart"] = "2027-01-01",
                ["Plans[0].PlannedEnd"] = "2027-02-01",
            }),
            "process/members" => ($"/processes/{p}/members", new()
            {
                ["userId"] = cast.Participant.Id,
                ["role"] = "Participant",
                ["Add.Email"] = cast.OtherStaff.Email!,
                ["Add.Role"] = "Observer",
            }),
            "process/announcements" => ($"/processes/{p}/announcements/new", new()
            {
                ["Input.Title"] = "News",
                ["Input.Body"] = "Meeting on Monday.",
                ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
            }),
            "process/translations" => ($"/processes/{p}/translations", new()
            {
                ["language"] = "sl",
                ["Input.Title"] = "Varnejša pot v šolo",
            }),
            "process/reflections" => ($"/processes/{p}/reflections/new", new()
            {
                ["Input.Kind"] = "Learning",
                ["Input.Text"] = "We learnt to listen.",
                ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
            }),
            "process/join" or "process/leave" => ($"/processes/{p}", []),
            "organisation/processes" => ($"/organisations/{o}/processes/new", WithSubmission(Scenarios.ProcessFields("Another process"))),
            "organisation/edit" => ($"/organisations/{o}/edit", OrganisationFields()),
            "organisation/invite" => ($"/organisations/{o}", new() { ["Invite.Email"] = "new.colleague@example.org", ["Invite.Role"] = "Staff" }),
            "organisations/new" => ("/organisations/new", WithSubmission(OrganisationFields())),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
    }

    private static Dictionary<string, string> OrganisationFields() => new()
    {
        ["Input.Name"] = "Renamed Municipality",
        ["Input.Type"] = "Municipality",
        ["Input.Size"] = "Large",
        ["Input.Country"] = "SI",
        ["Input.Languages"] = "sl",
    };

    private static Dictionary<string, string> WithSubmission(Dictionary<string, string> fields)
    {
        fields["Input.SubmissionId"] = Guid.NewGuid().ToString();
        return fields;
    }
}
