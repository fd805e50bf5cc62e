using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Work;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Makes the moves the teams scheduled (<see cref="MoveBudgetBySchedule"/>) when they fall due: every
/// <see cref="Interval"/>, the instance holding the lease looks for budgets whose next phase has a time that has come.
/// A move that is refused (no feasible proposal when the vote should open, ballots that disagree with the register
/// when it should close) is not made: its reason is kept on the plan, shown to the team, and the move is tried again
/// every round until it succeeds or the team changes the plan. Two instances never both move one budget: the lease
/// gives each round to one of them, and the move itself names the phase it leaves, so a late duplicate changes nothing.
/// </summary>
public sealed partial class BudgetSchedule(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BudgetSchedule> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private const string Lease = "budgeting.schedule";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Makes the moves that are due, if this instance takes the round's lease; returns how many budgets moved.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        List<(int Budget, BudgetPhase From)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // A read first: most rounds find nothing due and then write nothing (not even the lease).
            if ((await DueAsync(scope.ServiceProvider, cancellationToken)).Count == 0
                || !await scope.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync(Lease, Interval * 4, cancellationToken))
            {
                return 0;
            }
            due = await DueAsync(scope.ServiceProvider, cancellationToken);
        }
        var moved = 0;
        foreach (var (budget, from) in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await MoveAsync(budget, from, cancellationToken))
            {
                moved++;
            }
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkLeases>().ReleaseAsync(Lease, cancellationToken);
        }
        return moved;
    }

    /// <summary>The budgets whose next phase has a time that has come: each with the phase it leaves.</summary>
    private async Task<List<(int Budget, BudgetPhase From)>> DueAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var db = services.GetRequiredService<CocreoDbContext>();
        var rows = await db.Set<BudgetPhasePlan>().AsNoTracking()
            .Where(p => p.MovesAt != null && p.MovesAt <= now && p.StartedAt == null)
            .Join(db.Set<Budget>(), p => p.BudgetId, b => b.Id, (p, b) => new { b.Id, b.Phase, Next = p.Phase })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Phase < BudgetPhase.Implementation && r.Next == r.Phase + 1).Select(r => (r.Id, r.Phase)).ToList();
    }

    private async Task<bool> MoveAsync(int budgetId, BudgetPhase from, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var handler = services.GetRequiredService<MoveBudgetBySchedule.Handler>();
        var command = new MoveBudgetBySchedule.Command(budgetId, from);
        string? problem;
        try
        {
            var outcome = await services.GetRequiredService<ChangeRunner>().RunAsync(handler, command, MoveBudgetBySchedule.NoPerson, cancellationToken);
            await handler.SettleAsync(command, outcome, cancellationToken);
            if (outcome.Moved)
            {
                LogMoved(logger, budgetId, outcome.Now);
            }
            return outcome.Moved;
        }
        catch (RefusedException refused)
        {
            problem = ScheduleProblems.Keep(refused.Refusal);
        }
        // Kept where the team plans the phases, until the move is made or the plan changes.
        var db = services.GetRequiredService<CocreoDbContext>();
        db.ChangeTracker.Clear();
        var next = from + 1;
        var first = await db.Set<BudgetPhasePlan>().Where(p => p.BudgetId == budgetId && p.Phase == next && (p.ScheduleProblem == null || p.ScheduleProblem != problem))
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.ScheduleProblem, problem), cancellationToken);
        if (first > 0)
        {
            LogRefused(logger, budgetId, next);
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Budget {BudgetId} moved by schedule to {Phase}")]
    private static partial void LogMoved(ILogger logger, int budgetId, BudgetPhase phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget {BudgetId} could not move by schedule to {Phase}; the reason is shown to its team, and the move is tried again every round")]
    private static partial void LogRefused(ILogger logger, int budgetId, BudgetPhase phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The budget schedule round failed; it is tried again at the next round")]
    private static partial void LogFailed(ILogger logger, Exception error);
}

/// <summary>
/// Why a scheduled move was refused, kept on the plan as the refusal's English text, its arguments and the type
/// whose capability translates it, so the team reads it in its own language later.
/// </summary>
public static class ScheduleProblems
{
    private sealed record Kept(string Origin, string Text, string[] Arguments);

    public static string Keep(Refusal refusal) => System.Text.Json.JsonSerializer.Serialize(new Kept(
        (refusal.Origin ?? typeof(BudgetingText)).FullName!,
        refusal.Text ?? "The move was refused.",
        (refusal.Arguments ?? []).Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()));

    /// <summary>The kept reason in the reader's language.</summary>
    public static string Describe(string kept, Microsoft.Extensions.Localization.IStringLocalizerFactory localizers)
    {
        var problem = System.Text.Json.JsonSerializer.Deserialize<Kept>(kept)!;
        // Only the app's own types translate a kept reason; anything else falls back to the budgeting text.
        var origin = typeof(BudgetingText).Assembly.GetType(problem.Origin) ?? typeof(BudgetingText);
        return Platform.Localization.FeatureTextLocalizer.For(origin, localizers)[problem.Text, problem.Arguments.Cast<object>().ToArray()];
    }
}
