using System.Net;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Processes;

/// <summary>
/// Undo and the lifecycle (issue 15 item 5): a phase move is taken back while nothing happened in the new phase; the
/// empty budget stuck in review goes back to collecting proposals, or is deleted before voting; an archived process
/// is read-only in every capability, still public with its log, and can be taken out of the archive.
/// </summary>
public abstract class UndoAndArchiveTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task A_phase_move_is_taken_back_while_nothing_happened_and_not_after()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        await AdvanceProcessAsync(cast);

        var (action, form) = await cast.OwnerClient.ReadFormAsync($"/processes/{cast.ProcessId}/phases", handler: "Revert");
        var revert = await cast.OwnerClient.PostAsync(action, form);

        Assert.Equal(HttpStatusCode.Redirect, revert.StatusCode);
        Assert.Equal(PolicyPhase.ProblemDefinition, await PhaseAsync(cast.ProcessId));
        Assert.EndsWith("phase.advanced,phase.reverted", await LogAsync(cast.ProcessId), StringComparison.Ordinal);
        // The same form again (a double click) changes nothing more.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.PostAsync(action, form)).StatusCode);
        Assert.Equal(1, (await LogAsync(cast.ProcessId)).Split(',').Count(a => a == "phase.reverted"));

        // Moved again, then a resident proposes: the move can no longer be taken back.
        await AdvanceProcessAsync(cast);
        await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("Benches by the river", 10_000m));
        var refused = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/phases", new() { ["from"] = "SolutionDesign" }, handler: "Revert");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Something already happened in this phase", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PolicyPhase.SolutionDesign, await PhaseAsync(cast.ProcessId));
    }

    [Fact]
    public async Task The_empty_budget_stuck_in_review_goes_back_to_proposals_or_is_deleted()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        Assert.Contains("Review", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        // Stuck: voting cannot open without a feasible proposal.
        Assert.Contains("feasible", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);

        var back = await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", new() { ["from"] = "Review" }, handler: "Revert");

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(BudgetPhase.Proposals, await app.WithDbAsync(db => db.Set<Budget>().Where(b => b.Id == budgetId).Select(b => b.Phase).SingleAsync()));
        Assert.Contains("budget.phase-reverted", await LogAsync(cast.ProcessId), StringComparison.Ordinal);
        var proposal = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A pocket park", 40_000m));

        // Reviewed proposals make the review final.
        Assert.Contains("Review", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        await ReviewAsync(cast.FacilitatorClient, proposal, feasible: true, 40_000m);
        var refused = await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", new() { ["from"] = "Review" }, handler: "Revert");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("the review cannot be taken back", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A budget with proposals is not deleted; an empty one is, and the log says so.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await cast.OwnerClient.SubmitAsync($"/budgets/{budgetId}/phases", [], handler: "Delete")).StatusCode);
        var mistaken = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId, BudgetFields("Created by mistake"));
        var delete = await cast.OwnerClient.SubmitAsync($"/budgets/{mistaken}/phases", [], handler: "Delete");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<Budget>().AnyAsync(b => b.Id == mistaken)));
        Assert.True(await app.WithDbAsync(db => db.Set<Budget>().AnyAsync(b => b.Id == budgetId)));
        Assert.EndsWith("budget.deleted", await LogAsync(cast.ProcessId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_is_not_deleted_once_voting_opened()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var (budgetId, _, _) = await OpenVotingAsync(cast, BudgetFields(), 0, new Idea("Playground", 60_000m));
        var (_, fields) = await cast.OwnerClient.ReadFormAsync($"/budgets/{budgetId}/phases", handler: "Plan");

        var response = await cast.OwnerClient.PostAsync($"/budgets/{budgetId}/phases?handler=Delete", new() { ["__RequestVerificationToken"] = fields["__RequestVerificationToken"] });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Voting has opened: the budget can no longer be deleted.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Set<Budget>().AnyAsync(b => b.Id == budgetId)));
    }

    [Fact]
    public async Task An_archived_process_is_read_only_in_every_capability_and_still_public()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposal = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A pocket park", 40_000m));
        var (_, commentForm) = await cast.ParticipantClient.ReadFormAsync($"/proposals/{proposal}", handler: "Comment");

        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}", new() { ["archive"] = "true" }, handler: "Archive")).StatusCode);
        var logBefore = await LogAsync(cast.ProcessId);
        Assert.EndsWith("process.archived", logBefore, StringComparison.Ordinal);

        // Budgeting, processes: refused with the reason, nothing changed.
        commentForm["Comment"] = "Still open?";
        var comment = await cast.ParticipantClient.PostAsync($"/proposals/{proposal}?handler=Comment", commentForm);
        Assert.Equal(HttpStatusCode.Forbidden, comment.StatusCode);
        Assert.Contains("This process is archived", await comment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var budget = await cast.OwnerClient.PostAsync($"/processes/{cast.ProcessId}/budgets/new", await WithTokenAsync(BudgetFields("Another"), cast.OwnerClient));
        Assert.Equal(HttpStatusCode.Forbidden, budget.StatusCode);
        var leave = await cast.ParticipantClient.PostAsync($"/processes/{cast.ProcessId}?handler=Leave", await WithTokenAsync([], cast.ParticipantClient));
        Assert.Equal(HttpStatusCode.Forbidden, leave.StatusCode);
        Assert.Equal(logBefore, await LogAsync(cast.ProcessId));

        // Still public, with its log and the notice.
        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}");
        Assert.NotNull(page.QuerySelector("#archived"));
        await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/log");
        await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposal}");

        // Out of the archive, it changes again.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}", new() { ["archive"] = "false" }, handler: "Archive")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{proposal}", new() { ["Comment"] = "Open again." }, handler: "Comment")).StatusCode);
        Assert.EndsWith("process.unarchived,proposal.commented", await LogAsync(cast.ProcessId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_with_an_open_vote_is_not_archived()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        await OpenVotingAsync(cast, BudgetFields(), 0, new Idea("Playground", 60_000m));

        var response = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}", new() { ["archive"] = "true" }, handler: "Archive");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("A vote in this process is open", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Set<Process>().Where(p => p.Id == cast.ProcessId).Select(p => p.ArchivedAt).SingleAsync()));
    }

    [Fact]
    public async Task The_demo_city_has_an_archived_process()
    {
        app.RequireAvailable();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Cocreo.Web.Features.Demo.DemoSeeder>().SeedAsync();
        }
        Assert.True(await app.WithDbAsync(db => db.Set<Process>().AnyAsync(p => p.IsDemo && p.ArchivedAt != null)));
        // And a workshop where residents registered on site (workshop mode), shown among the earlier sessions.
        Assert.True(await app.WithDbAsync(db => db.Set<WorkshopSession>().AnyAsync(s => s.Registered == 2 && s.EndedAt != null)));
    }

    private static async Task<Dictionary<string, string>> WithTokenAsync(Dictionary<string, string> fields, FormClient client)
    {
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
        return fields;
    }

    private async Task AdvanceProcessAsync(ProcessCast cast)
    {
        var phase = await PhaseAsync(cast.ProcessId);
        var response = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/phases", new() { ["from"] = phase.ToString() }, handler: "Advance");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<PolicyPhase> PhaseAsync(int processId) =>
        app.WithDbAsync(db => db.Set<Process>().Where(p => p.Id == processId).Select(p => p.CurrentPhase).SingleAsync());

    private Task<string> LogAsync(int processId) => app.WithDbAsync(async db =>
        string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == processId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));
}

public sealed class UndoAndArchiveOnSqlite(BudgetingSqliteApp app) : UndoAndArchiveTests<BudgetingSqliteApp>(app);

public sealed class UndoAndArchiveOnPostgres(BudgetingPostgresApp app) : UndoAndArchiveTests<BudgetingPostgresApp>(app);
