using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>Who voted, per district and per optional question, against the population shares the organisation entered.</summary>
public sealed class TurnoutTests(BudgetingSqliteApp app) : IClassFixture<BudgetingSqliteApp>
{
    private static readonly Idea[] Ideas = [new("Playground", 60_000m), new("Library corner", 30_000m)];

    [Fact]
    public async Task Turnout_per_district_and_per_answer_is_compared_with_the_population_once_voting_has_closed()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var fields = BudgetFields(title: "North district", questions: "Your age\n16–29 | 20\n30–64 | 50\n65 or older | 30");
        fields["Input.District"] = "North";
        fields["Input.Population"] = "10";
        var (north, _, _) = await OpenVotingAsync(cast, fields, 0, Ideas);
        var south = BudgetFields(title: "South district");
        south["Input.District"] = "South";
        south["Input.Population"] = "4";
        var (southId, _, _) = await OpenVotingAsync(cast, south, 0, Ideas);

        // Ages as the voters chose to give them: two young, one old, one who preferred not to say.
        foreach (var (client, answer) in new[] { (cast.ParticipantClient, "0"), (cast.FacilitatorClient, "0"), (cast.AdminClient, "2"), (cast.OtherStaffClient, "") })
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SubmitAsync($"/budgets/{north}/vote", new() { ["Selected[0]"] = "1", ["Answers[0]"] = answer })).StatusCode);
        }
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/budgets/{southId}/vote", new() { ["Selected[0]"] = "2" })).StatusCode);

        // While voting is open nothing is shown: the counts would tell a watcher what the last voter answered.
        var open = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/budgets/turnout");
        Assert.Contains("No budget has closed its vote yet.", open.Body!.TextContent, StringComparison.Ordinal);

        await AdvanceAsync(cast.OwnerClient, north);
        await AdvanceAsync(cast.OwnerClient, southId);
        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/budgets/turnout");
        var tables = page.QuerySelectorAll("table").ToList();
        Assert.Equal(
            [
                ["North district", "North", "4", "0", "10", "40.0 %"],
                ["South district", "South", "1", "0", "4", "25.0 %"],
            ],
            Rows(tables[0]).OrderBy(r => r[0]).ToList());
        Assert.Equal(
            [
                ["16–29", "2", "66.7 %", "20.0 %", "3.33"],
                ["30–64", "0", "0.0 %", "50.0 %", "0.00"],
                ["65 or older", "1", "33.3 %", "30.0 %", "1.11"],
            ],
            Rows(tables[1]));
        Assert.Contains("3 voters answered, 1 preferred not to say.", page.Body!.TextContent, StringComparison.Ordinal);
        // The chart says in words who is under-represented, so nobody has to read it from colours.
        Assert.Contains("Under-represented: 30–64. Over-represented: 16–29.", page.QuerySelector("svg[role=img] desc")!.TextContent, StringComparison.Ordinal);
    }

    private static List<string[]> Rows(AngleSharp.Dom.IElement table) =>
        table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
}
