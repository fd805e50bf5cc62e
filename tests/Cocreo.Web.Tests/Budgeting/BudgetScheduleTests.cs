using System.Globalization;
using System.Net;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// Planned times open and close proposals and voting by themselves (issue 15 item 8): the move is the team's move,
/// made by the schedule, logged as such, refused with its reason kept for the team, and made once with two instances.
/// </summary>
public abstract class BudgetScheduleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task The_team_schedules_the_moves_and_everyone_sees_when_they_happen()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var dates = App.Services.GetRequiredService<DateDisplay>();
        var closeProposals = dates.Local(DateTime.UtcNow.AddDays(3));
        var openVote = dates.Local(DateTime.UtcNow.AddDays(10));
        closeProposals = closeProposals.AddTicks(-(closeProposals.Ticks % TimeSpan.TicksPerMinute));
        openVote = openVote.AddTicks(-(openVote.Ticks % TimeSpan.TicksPerMinute));

        var saved = await PlanAsync(cast.OwnerClient, budgetId, (1, closeProposals), (2, openVote));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var plans = await PlansAsync(budgetId);
        Assert.Equal(dates.ToUtc(closeProposals), plans[BudgetPhase.Review].MovesAt);
        Assert.Equal(dates.ToUtc(openVote), plans[BudgetPhase.Voting].MovesAt);
        Assert.Null(plans[BudgetPhase.Results].MovesAt);
        var phases = (await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}")).QuerySelectorAll("ol.phases li").Select(li => li.TextContent).ToList();
        Assert.Contains("Starts automatically on", phases[(int)BudgetPhase.Review], StringComparison.Ordinal);
        Assert.Contains("Starts automatically on", phases[(int)BudgetPhase.Voting], StringComparison.Ordinal);
        Assert.DoesNotContain("Starts automatically on", phases[(int)BudgetPhase.Results], StringComparison.Ordinal);
        var logged = await LogAsync(cast.ProcessId, "budget.phase-planned");
        Assert.Contains(logged, e => e.Data.Contains("\"movesAt\"", StringComparison.Ordinal) && e.ActorName is not null);

        // The form shows the plan back as it was typed, on the platform's clock.
        var form = await cast.OwnerClient.ReadFormAsync($"/budgets/{budgetId}/phases", "Plan");
        Assert.Equal(openVote.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), form.Fields["Plans[2].MovesAt"]);
        Assert.False(form.Fields.ContainsKey("Plans[0].MovesAt"));
    }

    [Fact]
    public async Task A_schedule_in_the_past_or_out_of_order_is_refused_with_what_to_fix_and_nothing_changes()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var dates = App.Services.GetRequiredService<DateDisplay>();
        var now = dates.Local(DateTime.UtcNow);

        var past = await PlanAsync(cast.OwnerClient, budgetId, (1, now.AddHours(-2)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Contains("Choose a time that is still to come.", (await FormClient.ParseAsync(past)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var backwards = await PlanAsync(cast.OwnerClient, budgetId, (2, now.AddDays(5)), (3, now.AddDays(4)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        var shown = await FormClient.ParseAsync(backwards);
        Assert.Contains("Scheduled moves must follow the order of the phases", shown.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(shown.QuerySelector(".field-error input[name='Plans[3].MovesAt']"));

        var garbage = await PlanAsync(cast.OwnerClient, budgetId, ("Plans[1].MovesAt", "next tuesday"));
        Assert.NotEqual(HttpStatusCode.Redirect, garbage.StatusCode);
        Assert.True((int)garbage.StatusCode < 500);

        Assert.All((await PlansAsync(budgetId)).Values, p => Assert.Null(p.MovesAt));
    }

    [Fact]
    public async Task A_due_move_is_made_by_the_schedule_and_logged_as_such()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A pocket park", 40_000m));
        await DueAsync(budgetId, BudgetPhase.Review);

        await RunScheduleUntilAsync(budgetId, BudgetPhase.Review);

        var entry = (await LogAsync(cast.ProcessId, "budget.phase-advanced")).Single();
        Assert.Null(entry.ActorName);
        Assert.Equal("schedule", entry.ActorRole);
        Assert.Contains("\"to\":\"Review\"", entry.Data, StringComparison.Ordinal);
        var log = (await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/log")).Body!.TextContent;
        Assert.Contains("by schedule", log, StringComparison.Ordinal);
        // Proposals are closed now, as if the team had pressed the button.
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.Http.GetAsync($"/budgets/{budgetId}/proposals/new")).StatusCode);
    }

    [Fact]
    public async Task A_refused_move_keeps_its_reason_for_the_team_and_happens_once_the_reason_is_gone()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var park = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A pocket park", 40_000m));
        Assert.Contains("Review", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        await ReviewAsync(cast.FacilitatorClient, park, feasible: false);
        await DueAsync(budgetId, BudgetPhase.Voting);

        await App.Services.GetRequiredService<BudgetSchedule>().RunDueAsync(CancellationToken.None);
        await RunScheduleUntilAsync(budgetId, BudgetPhase.Review, problem: true);
        var phases = (await cast.OwnerClient.GetOkPageAsync($"/budgets/{budgetId}/phases")).Body!.TextContent;
        Assert.Contains("The scheduled move could not be made: At least one proposal must be feasible before voting opens.", phases, StringComparison.Ordinal);
        Assert.Empty(await LogAsync(cast.ProcessId, "budget.voting-opened"));

        await ReviewAsync(cast.FacilitatorClient, park, feasible: true, 40_000m);
        await RunScheduleUntilAsync(budgetId, BudgetPhase.Voting);
        var opened = (await LogAsync(cast.ProcessId, "budget.voting-opened")).Single();
        Assert.Equal("schedule", opened.ActorRole);
        Assert.Null((await PlansAsync(budgetId))[BudgetPhase.Voting].ScheduleProblem);
    }

    [Fact]
    public async Task Two_instances_running_the_schedule_at_once_move_the_budget_once()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        await DueAsync(budgetId, BudgetPhase.Review);
        await using var second = new SecondInstance(App);
        var schedules = new[] { App.Services, second.Services }.Select(s => s.GetRequiredService<BudgetSchedule>()).ToList();

        for (var round = 0; round < 40 && await PhaseAsync(budgetId) == BudgetPhase.Proposals; round++)
        {
            await Task.WhenAll(schedules.Select(s => s.RunDueAsync(CancellationToken.None)));
        }
        // And the move itself, run twice at once as if both instances had taken it: the second finds it made.
        await Task.WhenAll(new[] { App.Services, second.Services }.Select(async services =>
        {
            await using var scope = services.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<Cocreo.Web.Platform.Changes.ChangeRunner>();
            try
            {
                await runner.RunAsync(scope.ServiceProvider.GetRequiredService<MoveBudgetBySchedule.Handler>(), new MoveBudgetBySchedule.Command(budgetId, BudgetPhase.Proposals), MoveBudgetBySchedule.NoPerson, CancellationToken.None);
            }
            catch (Cocreo.Web.Platform.Changes.RefusedException)
            {
                // Not due any more: the budget left the phase the command names.
            }
        }));

        Assert.Equal(BudgetPhase.Review, await PhaseAsync(budgetId));
        Assert.Single(await LogAsync(cast.ProcessId, "budget.phase-advanced"));
    }

    private sealed class SecondInstance(CocreoApp first) : CocreoApp
    {
        public override string Provider => first.Provider;
        public override string ConnectionString => first.ConnectionString;
        protected override IReadOnlyDictionary<string, string?> Settings => TestSettings;
    }

    private static Task<HttpResponseMessage> PlanAsync(FormClient staff, int budgetId, params (int Index, DateTime Local)[] moves) =>
        PlanAsync(staff, budgetId, moves.Select(m => ($"Plans[{m.Index}].MovesAt", m.Local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture))).ToArray());

    private static Task<HttpResponseMessage> PlanAsync(FormClient staff, int budgetId, params (string Field, string Value)[] fields) =>
        staff.SubmitAsync($"/budgets/{budgetId}/phases", fields.ToDictionary(f => f.Field, f => f.Value), handler: "Plan");

    /// <summary>Makes the move into <paramref name="phase"/> due a minute ago (a plan cannot be saved in the past).</summary>
    private Task DueAsync(int budgetId, BudgetPhase phase) => App.WithDbAsync(db => db.Set<BudgetPhasePlan>()
        .Where(p => p.BudgetId == budgetId && p.Phase == phase)
        .ExecuteUpdateAsync(p => p.SetProperty(x => x.MovesAt, DateTime.UtcNow.AddMinutes(-1))));

    /// <summary>Runs the schedule (the app's own timer may hold the round) until the budget is in <paramref name="phase"/>.</summary>
    private async Task RunScheduleUntilAsync(int budgetId, BudgetPhase phase, bool problem = false)
    {
        var schedule = App.Services.GetRequiredService<BudgetSchedule>();
        for (var round = 0; round < 50; round++)
        {
            await schedule.RunDueAsync(CancellationToken.None);
            var plans = await PlansAsync(budgetId);
            if (await PhaseAsync(budgetId) == phase && (!problem || plans[phase + 1].ScheduleProblem is not null))
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"The budget did not reach {phase}{(problem ? " with a kept problem" : "")}; it is in {await PhaseAsync(budgetId)}.");
    }

    private Task<BudgetPhase> PhaseAsync(int budgetId) => App.WithDbAsync(db => db.Set<Budget>().Where(b => b.Id == budgetId).Select(b => b.Phase).SingleAsync());

    private Task<Dictionary<BudgetPhase, BudgetPhasePlan>> PlansAsync(int budgetId) =>
        App.WithDbAsync(db => db.Set<BudgetPhasePlan>().AsNoTracking().Where(p => p.BudgetId == budgetId).ToDictionaryAsync(p => p.Phase));

    private Task<List<ProcessLogEntry>> LogAsync(int processId, string action) =>
        App.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == processId && e.Action == action).OrderBy(e => e.Sequence).ToListAsync());
}

public sealed class BudgetScheduleOnSqlite(BudgetingSqliteApp app) : BudgetScheduleTests<BudgetingSqliteApp>(app);

public sealed class BudgetScheduleOnPostgres(BudgetingPostgresApp app) : BudgetScheduleTests<BudgetingPostgresApp>(app);
