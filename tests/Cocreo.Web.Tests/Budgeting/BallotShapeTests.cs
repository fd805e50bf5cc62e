using System.Net;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// A ballot has one strict shape on every path (the voting form, the API, a paper entry): as many points as projects,
/// points that add up without overflowing, at most one answer per question, no points on a ballot without them.
/// Anything else is refused with what to fix; nothing is stored.
/// </summary>
public sealed class BallotShapeTests(BudgetingSqliteApp app) : IClassFixture<BudgetingSqliteApp>
{
    private static readonly Idea[] Ideas = [new("Playground", 60_000m), new("Library corner", 30_000m)];

    [Fact]
    public async Task Points_too_large_to_add_up_are_refused_with_what_to_fix_on_the_form_the_api_and_paper()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, BudgetFields(form: BallotForm.Cumulative, eligibility: Eligibility.Census), 2, Ideas);
        var huge = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var api = await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1, 2], [int.MaxValue, int.MaxValue]);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("A project can get at most 6 points", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var form = await cast.AnonymousClient.SubmitAsync($"/budgets/{budgetId}/vote", new() { ["Code"] = codes["R2"], ["Points[1]"] = huge, ["Points[2]"] = huge });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, form.StatusCode);
        Assert.Contains("A project can get at most 6 points", (await FormClient.ParseAsync(form)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var paper = await cast.FacilitatorClient.SubmitAsync($"/budgets/{budgetId}/paper", new() { ["Serial"] = "P-1", ["Points[1]"] = huge, ["Points[2]"] = huge });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, paper.StatusCode);
        Assert.Contains("A project can get at most 6 points", (await FormClient.ParseAsync(paper)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == budgetId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PaperBallotEntry>().CountAsync(e => e.BudgetId == budgetId)));
    }

    [Fact]
    public async Task The_api_refuses_more_answers_than_questions_points_that_do_not_match_the_projects_and_points_on_a_ballot_without_them()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var (approval, _, approvalCodes) = await OpenVotingAsync(cast, BudgetFields(eligibility: Eligibility.Census), 2, Ideas);
        var trailing = await CastAsync(cast.AnonymousClient, approval, approvalCodes["R1"], [1], answers: [null, null, null]);
        Assert.Equal(HttpStatusCode.BadRequest, trailing.StatusCode);
        Assert.Contains("at most one answer per question", await trailing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var points = await CastAsync(cast.AnonymousClient, approval, approvalCodes["R1"], [1], [3]);
        Assert.Equal(HttpStatusCode.BadRequest, points.StatusCode);
        Assert.Contains("This ballot gives no points", await points.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == approval)));

        var (cumulative, _, codes) = await OpenVotingAsync(cast, BudgetFields(form: BallotForm.Cumulative, eligibility: Eligibility.Census), 2, Ideas);
        var fewer = await CastAsync(cast.AnonymousClient, cumulative, codes["R1"], [1, 2], [3]);
        Assert.Equal(HttpStatusCode.BadRequest, fewer.StatusCode);
        Assert.Contains("one number of points for each project", await fewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == cumulative)));
    }
}
