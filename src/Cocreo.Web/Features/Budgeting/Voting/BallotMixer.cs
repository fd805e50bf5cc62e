using Cocreo.Web.Data;
using Cocreo.Web.Platform.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// While voting is open, rewrites the ballots of budgets that are still small (<see cref="BudgetingOptions.MixUpToBallots"/>)
/// every <see cref="BudgetingOptions.MixEverySeconds"/> seconds. A ballot and its voter's marker are written in one
/// transaction, so on PostgreSQL they share a transaction id (xmin) and sit at matching places in their tables; with
/// many voters a batch hides each among the others, but when few vote a single ballot could be joined to its voter by a
/// reader of the live database. After a mix, every ballot of the budget carries the mixing transaction's id and a
/// random place, exactly as after voting closes (<see cref="BallotMixing"/>). Large budgets have large batches and
/// are mixed once, when voting closes.
/// </summary>
public sealed partial class BallotMixer(IServiceScopeFactory scopes, IOptions<BudgetingOptions> options, ILogger<BallotMixer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.MixEverySeconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.MixEverySeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await MixOpenBudgetsAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogMixFailed(logger, error);
            }
        }
    }

    /// <summary>
    /// Mixes the ballots of every small budget in its voting phase; returns how many budgets were mixed. With several
    /// app instances, the one that takes the round's lease mixes and the others skip the round.
    /// </summary>
    public async Task<int> MixOpenBudgetsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var round = TimeSpan.FromSeconds(Math.Max(1, options.Value.MixEverySeconds) * 0.9);
        if (!await scope.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync("budgeting.mix-open-ballots", round, cancellationToken))
        {
            return 0;
        }
        var open = await db.Set<Budget>().AsNoTracking().Where(b => b.Phase == BudgetPhase.Voting).Select(b => b.Id).ToListAsync(cancellationToken);
        var mixed = 0;
        foreach (var budgetId in open)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The budget row is locked for the mix: the ballot box (FOR SHARE) waits, so no ballot lands between
            // reading the ballots and writing them again. On SQLite the transaction holds the write lock already.
            var locked = db.Database.IsNpgsql()
                ? await db.Database.SqlQueryRaw<int>("SELECT \"Id\" AS \"Value\" FROM \"Budgets\" WHERE \"Id\" = {0} AND \"Phase\" = 'Voting' FOR UPDATE", budgetId).ToListAsync(cancellationToken)
                : await db.Database.SqlQueryRaw<int>("SELECT \"Id\" AS \"Value\" FROM \"Budgets\" WHERE \"Id\" = {0} AND \"Phase\" = 'Voting'", budgetId).ToListAsync(cancellationToken);
            if (locked.Count == 0)
            {
                continue;
            }
            var count = await db.Set<BudgetBallot>().CountAsync(b => b.BudgetId == budgetId, cancellationToken);
            if (count == 0 || count > options.Value.MixUpToBallots)
            {
                continue;
            }
            await BallotMixing.MixAsync(db, budgetId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            mixed++;
        }
        if (mixed > 0)
        {
            await BallotMixing.CleanUpAsync(db, logger, cancellationToken);
        }
        return mixed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mixing the ballots of open budgets failed; it is tried again at the next interval")]
    private static partial void LogMixFailed(ILogger logger, Exception error);
}
