using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// Every state-changing endpoint of participatory budgeting, tried by every kind of person over HTTP: allowed (the
/// change happens), refused with 403 (signed in), sent to sign in (anonymous), or 401 from the API.
/// </summary>
public sealed class BudgetEndpointAuthorizationTests(BudgetingSqliteApp app) : IClassFixture<BudgetingSqliteApp>
{
    private const string Ok = "allowed";
    private const string Forbidden = "403";
    private const string SignIn = "sign-in";

    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    public static TheoryData<string, string, string[]> Endpoints => new()
    {
        // endpoint,              handler,    expected per role in the order of Roles
        { "budgets/new",          "",         [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "budget/settings",      "",         [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "budget/phases",        "Plan",     [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "budget/phases",        "Advance",  [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "budget/publish",       "Publish",  [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "budget/census",        "Mark",     [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "budget/census",        "Reissue",  [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "budget/paper",         "",         [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "budget/paper",         "Discard",  [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "proposals/new",        "",         [SignIn, Ok, Ok, Ok, Ok, Ok] },
        { "proposal",             "Support",  [SignIn, Ok, Ok, Ok, Ok, Ok] },
        { "proposal",             "Withdraw", [SignIn, Ok, Ok, Ok, Ok, Ok] },
        { "proposal",             "Comment",  [SignIn, Ok, Ok, Ok, Ok, Ok] },
        // Pictures: the author (the participant here) and staff; sent without a file, an allowed request gets the form back with its error.
        { "proposal",             "Image",       [SignIn, Ok, Ok, Ok, Forbidden, Ok] },
        { "proposal",             "RemoveImage", [SignIn, Ok, Ok, Ok, Forbidden, Ok] },
        { "proposal/review",      "Review",   [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "proposal/review",      "Merge",    [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "proposal/progress",    "",         [SignIn, Forbidden, Ok, Ok, Forbidden, Ok] },
        { "budget/vote",          "",         [SignIn, Ok, Ok, Ok, Ok, Ok] },
        { "api/ballots",          "",         ["401", Ok, Ok, Ok, Ok, Ok] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Who_may_change_what(string endpoint, string handler, string[] expected)
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var clients = new[] { cast.AnonymousClient, cast.ParticipantClient, cast.FacilitatorClient, cast.OwnerClient, cast.OtherStaffClient, cast.AdminClient };
        var (url, fields) = await PrepareAsync(endpoint, cast);
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var client = clients[i];
            var token = await Scenarios.AntiforgeryTokenAsync(client);
            HttpResponseMessage response;
            if (endpoint == "api/ballots")
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new BallotRequest(null, null, [1], null, null)) };
                request.Headers.Add("X-CSRF-TOKEN", token);
                response = await client.Http.SendAsync(request);
            }
            else
            {
                var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
                if (form.ContainsKey("Serial"))
                {
                    // A paper ballot per person: each one's entry is a first entry.
                    form["Serial"] = $"P-{i}";
                }
                response = await client.PostAsync(handler.Length == 0 ? url : $"{url}?handler={handler}", form);
            }
            var actual = Outcome(response);
            if (actual != expected[i])
            {
                failures.Add($"{Roles[i]}: expected {expected[i]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location} {await Problems(response)})");
            }
        }
        Assert.True(failures.Count == 0, $"{endpoint} {handler}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_ballot_api_refuses_a_signed_in_request_without_the_antiforgery_header()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var (url, _) = await PrepareAsync("api/ballots", cast);
        var ballotsBefore = await app.WithDbAsync(db => db.Set<BudgetBallot>().CountAsync());
        var response = await cast.ParticipantClient.Http.PostAsJsonAsync(url, new BallotRequest(null, null, [1], null, null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The app is shared by this class's tests, which cast ballots of their own.
        Assert.Equal(ballotsBefore, await app.WithDbAsync(db => db.Set<BudgetBallot>().CountAsync()));
    }

    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Forbidden => Forbidden,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) => SignIn,
        HttpStatusCode.Redirect or HttpStatusCode.OK or HttpStatusCode.Created => Ok,
        var other => ((int)other).ToString(CultureInfo.InvariantCulture),
    };

    private async Task<(string Url, Dictionary<string, string> Fields)> PrepareAsync(string endpoint, ProcessCast cast)
    {
        var p = cast.ProcessId;
        Idea[] ideas = [new("Playground", 60_000m), new("Library corner", 30_000m)];
        switch (endpoint)
        {
            case "budgets/new":
                return ($"/processes/{p}/budgets/new", WithSubmission(BudgetFields("Another budget")));
            case "budget/settings":
                return ($"/budgets/{await CreateBudgetAsync(cast.OwnerClient, p)}/settings", BudgetFields("Renamed budget"));
            case "budget/phases":
                return ($"/budgets/{await CreateBudgetAsync(cast.OwnerClient, p)}/phases", new()
                {
                    ["from"] = "Proposals",
                    ["Plans[0].Phase"] = "Voting",
                    ["Plans[0].PlannedStart"] = "2027-05-01",
                    ["Plans[0].PlannedEnd"] = "2027-05-20",
                });
            case "budget/publish":
                var (closing, _, _) = await OpenVotingAsync(cast, BudgetFields(), 0, ideas);
                await AdvanceAsync(cast.OwnerClient, closing);
                return ($"/budgets/{closing}/phases", []);
            case "budget/census":
                var (census, _, _) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 6, ideas);
                return ($"/budgets/{census}/census", new() { ["Reference"] = "R1" });
            case "budget/paper":
                var (paper, _, _) = await OpenVotingAsync(cast, BudgetFields(), 0, ideas);
                return ($"/budgets/{paper}/paper", new() { ["Serial"] = "P-" + Guid.NewGuid().ToString("N")[..6], ["Selected[0]"] = "1" });
            case "proposals/new":
                return ($"/budgets/{await CreateBudgetAsync(cast.OwnerClient, p)}/proposals/new", new()
                {
                    ["Input.Title"] = "A fountain",
                    ["Input.Description"] = "Cool water in summer.",
                    ["Input.Category"] = "Green spaces",
                    ["Input.EstimatedCost"] = "8000",
                    ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
                });
            case "proposal" or "proposal/review":
                var budget = await CreateBudgetAsync(cast.OwnerClient, p);
                var proposal = await ProposeAsync(cast.ParticipantClient, budget, ideas[0]);
                var other = await ProposeAsync(cast.ParticipantClient, budget, ideas[1]);
                var image = ProposalImage.For(proposal, ImageFile.Inspect(TestImages.Png).File!, "A sketch.", DateTime.UtcNow);
                await app.WithDbAsync(async db =>
                {
                    db.Add(image);
                    await db.SaveChangesAsync();
                });
                return (endpoint == "proposal" ? $"/proposals/{proposal}" : $"/proposals/{proposal}/review", new()
                {
                    ["Comment"] = "Good idea.",
                    ["Input.Feasible"] = "True",
                    ["Input.Reason"] = "It can be done.",
                    ["Input.FinalCost"] = "61000",
                    ["MergeInto"] = other.ToString(CultureInfo.InvariantCulture),
                    ["imageId"] = image.Id.ToString(CultureInfo.InvariantCulture),
                });
            case "proposal/progress":
                var (built, proposals, _) = await OpenVotingAsync(cast, BudgetFields(form: BallotForm.Approval, rule: CountingRule.Greedy), 0, ideas);
                Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/budgets/{built}/vote", new() { ["Selected[0]"] = "1" })).StatusCode);
                await CloseAndPublishAsync(cast.OwnerClient, built);
                return ($"/proposals/{proposals[0]}/progress", new() { ["Input.Status"] = "InProgress", ["Input.Progress"] = "10", ["Input.Text"] = "Started." });
            case "budget/vote":
                var (voting, _, _) = await OpenVotingAsync(cast, BudgetFields(), 0, ideas);
                return ($"/budgets/{voting}/vote", new() { ["Selected[0]"] = "1" });
            case "api/ballots":
                var (api, _, _) = await OpenVotingAsync(cast, BudgetFields(), 0, ideas);
                return ($"/api/v1/budgets/{api}/ballots", []);
            default:
                throw new ArgumentOutOfRangeException(nameof(endpoint));
        }
    }

    private static Dictionary<string, string> WithSubmission(Dictionary<string, string> fields)
    {
        fields["Input.SubmissionId"] = Guid.NewGuid().ToString();
        return fields;
    }
}
