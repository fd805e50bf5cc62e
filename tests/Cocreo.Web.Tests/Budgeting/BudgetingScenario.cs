using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>The app with voting limits raised, since tests cast hundreds of ballots from one address.</summary>
public class BudgetingSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => BudgetingScenario.TestSettings;
}

public class BudgetingPostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => BudgetingScenario.TestSettings;
}

/// <summary>A project to propose: title, cost, category.</summary>
public sealed record Idea(string Title, decimal Cost, string Category = "Green spaces");

/// <summary>Runs a participatory budget through the same forms and API people use.</summary>
public static class BudgetingScenario
{
    /// <summary>No limit on ballots per address.</summary>
    public static readonly IReadOnlyDictionary<string, string?> TestSettings = new Dictionary<string, string?>
    {
        ["Budgeting:BallotsPerMinutePerAddress"] = "1000000",
    };

    /// <summary>How the API writes JSON (enums by name).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Api = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static Dictionary<string, string> BudgetFields(string title = "Participatory budget 2027", BallotForm form = BallotForm.Approval, CountingRule rule = CountingRule.EqualShares,
        EqualSharesCompletionChoice completion = EqualSharesCompletionChoice.Add1, Eligibility eligibility = Eligibility.VerifiedAccount, decimal amount = 100_000m,
        bool changes = true, string questions = "") => new()
    {
        ["Input.Title"] = title,
        ["Input.District"] = "",
        ["Input.Description"] = "Ideas for **greener** streets.",
        ["Input.Amount"] = amount.ToString(CultureInfo.InvariantCulture),
        ["Input.Currency"] = "EUR",
        ["Input.Categories"] = "Green spaces\nTraffic\nCulture",
        ["Input.Rule"] = rule.ToString(),
        ["Input.Completion"] = completion.ToString(),
        ["Input.CompareWithGreedy"] = "false",
        ["Input.TieBreak"] = nameof(TieBreak.CostThenVotes),
        ["Input.Form"] = form.ToString(),
        ["Input.MinProjects"] = "1",
        ["Input.MaxProjects"] = "3",
        ["Input.PointsToSpend"] = "10",
        ["Input.MaxPointsPerProject"] = "6",
        ["Input.RankDepth"] = "3",
        ["Input.Eligibility"] = eligibility.ToString(),
        ["Input.AllowBallotChanges"] = changes ? "true" : "false",
        ["Input.Population"] = "5000",
        ["Input.Questions"] = questions,
    };

    public static async Task<int> CreateBudgetAsync(FormClient staff, int processId, Dictionary<string, string>? fields = null)
    {
        var response = await staff.SubmitAsync($"/processes/{processId}/budgets/new", fields ?? BudgetFields());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"create budget: {(int)response.StatusCode} {await Problems(response)}");
        return Scenarios.IdFrom(response, "/budgets/");
    }

    public static async Task<int> ProposeAsync(FormClient resident, int budgetId, Idea idea)
    {
        var response = await resident.SubmitAsync($"/budgets/{budgetId}/proposals/new", new()
        {
            ["Input.Title"] = idea.Title,
            ["Input.Description"] = $"Please build {idea.Title}.",
            ["Input.Location"] = "Main street",
            ["Input.Category"] = idea.Category,
            ["Input.EstimatedCost"] = idea.Cost.ToString(CultureInfo.InvariantCulture),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"propose: {(int)response.StatusCode} {await Problems(response)}");
        return Scenarios.IdFrom(response, "/proposals/");
    }

    public static async Task ReviewAsync(FormClient staff, int proposalId, bool feasible, decimal? finalCost = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Feasible"] = feasible ? "True" : "False",
            ["Input.Reason"] = feasible ? "The parks department can build it." : "The land belongs to the state.",
        };
        if (finalCost is { } cost)
        {
            fields["Input.FinalCost"] = cost.ToString(CultureInfo.InvariantCulture);
        }
        var response = await staff.SubmitAsync($"/proposals/{proposalId}/review", fields, handler: "Review");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"review: {(int)response.StatusCode} {await Problems(response)}");
    }

    /// <summary>
    /// Moves the budget on; returns the status message shown after the move, or, when what must be true first is
    /// not (answered 422, the page shown again), the problem in its error summary.
    /// </summary>
    public static async Task<string> AdvanceAsync(FormClient staff, int budgetId)
    {
        var response = await staff.SubmitAsync($"/budgets/{budgetId}/phases", [], handler: "Advance");
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            var problem = (await FormClient.ParseAsync(response)).QuerySelector(".error-summary li")?.TextContent.Trim();
            Assert.NotNull(problem);
            return problem;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await staff.GetOkPageAsync($"/budgets/{budgetId}/phases")).QuerySelector("[role=status]")?.TextContent.Trim() ?? "";
    }

    public static async Task PublishAsync(FormClient staff, int budgetId)
    {
        var response = await staff.SubmitAsync($"/budgets/{budgetId}/phases", [], handler: "Publish");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.EndsWith("/results", StringComparison.Ordinal),
            $"publish: {(int)response.StatusCode} {response.Headers.Location} {(await staff.GetOkPageAsync($"/budgets/{budgetId}/phases")).QuerySelector("[role=status]")?.TextContent}");
    }

    /// <summary>
    /// A budget in its voting phase with the given projects all feasible at their cost (numbered 1, 2, ... in order),
    /// and, when <paramref name="census"/> is more than zero, a census of that many people: their codes by reference R1, R2, ...
    /// </summary>
    public static async Task<(int BudgetId, List<int> Proposals, Dictionary<string, string> Codes)> OpenVotingAsync(ProcessCast cast, Dictionary<string, string> fields, int census, params Idea[] ideas)
    {
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId, fields);
        var proposals = new List<int>();
        foreach (var idea in ideas)
        {
            var proposal = await ProposeAsync(cast.ParticipantClient, budgetId, idea);
            await ReviewAsync(cast.FacilitatorClient, proposal, feasible: true, idea.Cost);
            proposals.Add(proposal);
        }
        var codes = census > 0 ? await UploadCensusAsync(cast.OwnerClient, budgetId, census) : [];
        Assert.Contains("Review", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        Assert.Contains("Voting", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        return (budgetId, proposals, codes);
    }

    /// <summary>Closes the vote and publishes the results.</summary>
    public static async Task CloseAndPublishAsync(FormClient staff, int budgetId)
    {
        Assert.Contains("Results", await AdvanceAsync(staff, budgetId), StringComparison.Ordinal);
        await PublishAsync(staff, budgetId);
    }

    /// <summary>Uploads a census of <paramref name="people"/> people and returns their voting codes by reference.</summary>
    public static async Task<Dictionary<string, string>> UploadCensusAsync(FormClient staff, int budgetId, int people, Func<int, string>? email = null)
    {
        var csv = new StringBuilder("reference;name;email\n");
        for (var i = 1; i <= people; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"R{i};Person {i};{email?.Invoke(i) ?? ""}\n");
        }
        var response = await UploadAsync(staff, budgetId, csv.ToString());
        Assert.True(response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/csv", $"census: {(int)response.StatusCode} {await Problems(response)}");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("reference,name,email,code", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[3]);
    }

    public static async Task<HttpResponseMessage> UploadAsync(FormClient staff, int budgetId, string csv)
    {
        var (action, fields) = await staff.ReadFormAsync($"/budgets/{budgetId}/census", handler: "Upload");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(fields["__RequestVerificationToken"]), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "census.csv" },
        };
        return await staff.Http.PostAsync(action, content);
    }

    /// <summary>
    /// What staff do on the census page after looking a person up, or with a request in its list: Mark (voted on paper),
    /// RequestReissue, ConfirmReissue, RejectReissue; posted as the page's forms post them.
    /// </summary>
    public static async Task<HttpResponseMessage> PollingStationAsync(FormClient staff, int budgetId, string handler, Dictionary<string, string> fields) =>
        await staff.PostAsync($"/budgets/{budgetId}/census?handler={handler}", new(fields)
        {
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(staff),
        });

    /// <summary>Confirms a request for a new voting code and returns the code, shown once on the page that answers.</summary>
    public static async Task<string> ConfirmReissueAsync(FormClient staff, int budgetId, int number)
    {
        var response = await PollingStationAsync(staff, budgetId, "ConfirmReissue", new() { ["number"] = number.ToString(CultureInfo.InvariantCulture) });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"confirm: {(int)response.StatusCode} {await Problems(response)}");
        return (await FormClient.ParseAsync(response)).QuerySelector(".receipt code")!.TextContent;
    }

    /// <summary>Casts a ballot through the API with a voting code (with a change code: changes the ballot).</summary>
    public static Task<HttpResponseMessage> CastAsync(FormClient client, int budgetId, string? code, int[] projects, int[]? points = null, string? changeCode = null, int?[]? answers = null) =>
        client.Http.PostAsJsonAsync($"/api/v1/budgets/{budgetId}/ballots", new BallotRequest(code, changeCode, projects, points, answers));

    public static async Task<string> ReceiptOf(HttpResponseMessage response) => (await VoterCopyOf(response)).Receipt;

    /// <summary>What the voter got: the receipt and (where ballots may be changed) the change code.</summary>
    public static async Task<BallotReceipt> VoterCopyOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<BallotReceipt>())!;
    }

    /// <summary>Project numbers of the budget's proposals, by proposal id.</summary>
    public static async Task<Dictionary<int, int>> NumbersAsync(CocreoApp app, int budgetId) =>
        await app.WithDbAsync(db => db.Set<Proposal>().Where(p => p.BudgetId == budgetId).ToDictionaryAsync(p => p.Id, p => p.Number));

    public static async Task<ResultsDocument> ResultsAsync(FormClient client, int budgetId)
    {
        var response = await client.Http.GetAsync($"/api/v1/budgets/{budgetId}/results");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ResultsDocument>(Api))!;
    }

    public static async Task<string> Problems(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return "";
        }
        var page = await FormClient.ParseAsync(response);
        return string.Join(" | ", page.QuerySelectorAll(".error-summary li, .error-message").Select(e => e.TextContent.Trim()));
    }
}
