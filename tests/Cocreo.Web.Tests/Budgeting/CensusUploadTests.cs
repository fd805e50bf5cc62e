using System.Net;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

public sealed class CensusUploadTests(BudgetingSqliteApp app) : IClassFixture<BudgetingSqliteApp>
{
    [Fact]
    public async Task A_census_file_with_errors_is_reported_line_by_line_and_nothing_is_imported()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId, BudgetFields(eligibility: Eligibility.Census));
        await UploadCensusAsync(cast.OwnerClient, budgetId, 3);

        var response = await UploadAsync(cast.OwnerClient, budgetId, string.Join('\n',
            "reference,name,email,birthday",
            "A1,Ana,ana@example.org,1990",
            "A2,Bor,not-an-email,1991",
            ",Cene,,1992",
            "A1,Dora,dora@example.org,1993",
            "A5,Eva,ana@example.org,1994",
            "A6,Filip",
            "A7,\"Gal,,1995",
            "A8,Hana,,1996"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => (Line: r.Children[0].TextContent, Problem: r.Children[1].TextContent)).ToList();
        Assert.Equal(
        [
            ("3", "“not-an-email” is not an email address."),
            ("4", "The reference is empty."),
            ("5", "The reference A1 already appears on line 2."),
            ("6", "The email address ana@example.org already appears on line 2."),
            ("7", "This line has 2 fields but the first line names 4 columns."),
            ("8", "A quotation mark is missing or misplaced on this line."),
        ], rows);
        Assert.Contains("Nothing was imported", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        // The census uploaded before is untouched.
        var references = await app.WithDbAsync(db => db.Set<CensusEntry>().Where(e => e.BudgetId == budgetId).Select(e => e.Reference).OrderBy(r => r).ToListAsync());
        Assert.Equal(["R1", "R2", "R3"], references);
    }

    [Fact]
    public async Task People_on_the_census_vote_with_their_account_or_their_code_and_others_are_told_why_not()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId, BudgetFields(eligibility: Eligibility.Census));
        var proposal = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("Playground", 60_000m));
        await ReviewAsync(cast.FacilitatorClient, proposal, true, 60_000m);
        await AdvanceAsync(cast.OwnerClient, budgetId);
        Assert.EndsWith("Upload the census list before voting opens.", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        var codes = await UploadCensusAsync(cast.OwnerClient, budgetId, 2, i => i == 1 ? cast.Participant.Email! : "");
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", codes["R2"]);
        await AdvanceAsync(cast.OwnerClient, budgetId);

        // The participant's email is on the census: they vote signed in, as entry R1 (so R1's code no longer votes).
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/budgets/{budgetId}/vote", new() { ["Selected[0]"] = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1])).StatusCode);
        // Someone signed in but not on the census is asked for a code.
        var other = await cast.OtherStaffClient.GetOkPageAsync($"/budgets/{budgetId}/vote");
        Assert.Contains("not on the list of people who may vote", other.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(other.QuerySelector("input[name=Code]"));
        var withCode = await cast.OtherStaffClient.SubmitAsync($"/budgets/{budgetId}/vote", new() { ["Selected[0]"] = "1", ["Code"] = codes["R2"] });
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        // Replacing the census is refused once voting is open.
        var censusPage = await cast.OwnerClient.GetOkPageAsync($"/budgets/{budgetId}/census");
        Assert.Null(censusPage.QuerySelector("input[type=file]"));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient)), "__RequestVerificationToken" },
            { new ByteArrayContent("reference\nX1\n"u8.ToArray()), "file", "census.csv" },
        };
        var late = await cast.OwnerClient.Http.PostAsync($"/budgets/{budgetId}/census?handler=Upload", content);
        Assert.Contains("the census list can no longer be replaced", (await FormClient.ParseAsync(late)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<CensusEntry>().CountAsync(e => e.BudgetId == budgetId)));
    }
}
