using System.Security.Cryptography;
using System.Text;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// When voting closes, every ballot of the budget is deleted and written again, in random order, with new random
/// identifiers, in the transaction that closes the vote. Afterwards no trace of the order of voting is left in the
/// ballots: not their identifiers, not their physical order, and on PostgreSQL not the transaction that wrote them
/// (all share the closing one, while voters' markers keep theirs). The space the old rows took is then cleaned:
/// PostgreSQL vacuums the table, SQLite overwrites deleted content (secure_delete) and empties its write-ahead log.
/// </summary>
public static partial class BallotMixing
{
    /// <summary>Rewrites the budget's ballots inside the caller's transaction; returns how many there are and their digest.</summary>
    public static async Task<(int Count, string Digest)> MixAsync(CocreoDbContext db, int budgetId, CancellationToken cancellationToken)
    {
        var ballots = await db.Set<BudgetBallot>().AsNoTracking().Where(b => b.BudgetId == budgetId).ToListAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", cancellationToken);
        }
        await db.Set<BudgetBallot>().Where(b => b.BudgetId == budgetId).ExecuteDeleteAsync(cancellationToken);
        var fresh = ballots.Select(b => new BudgetBallot
        {
            Id = RandomIds.Next(),
            BudgetId = b.BudgetId,
            ReceiptHash = b.ReceiptHash,
            Projects = b.Projects,
            Points = b.Points,
            Answers = b.Answers,
            IsPaper = b.IsPaper,
        }).ToList();
        RandomNumberGenerator.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(fresh));
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Mixing ballots needs the transaction that closes the vote.");
        await BallotBox.InsertBallotsAsync(db.Database.GetDbConnection(), transaction, fresh);
        return (fresh.Count, BallotDigest.Of(fresh));
    }

    /// <summary>After the closing transaction committed: clears what the deleted rows left behind. Best effort.</summary>
    public static async Task CleanUpAsync(CocreoDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(
                db.Database.IsNpgsql() ? $"VACUUM \"{BallotTables.Ballots}\"" : "PRAGMA wal_checkpoint(TRUNCATE)",
                cancellationToken);
        }
        catch (Exception error) when (error is System.Data.Common.DbException or InvalidOperationException)
        {
            LogCleanUpFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clean up after rewriting the ballots")]
    private static partial void LogCleanUpFailed(ILogger logger, Exception error);
}

/// <summary>
/// A fingerprint of the counted ballots: SHA-256 (hex) of their lines <c>projects|points|answers|method</c>
/// (method: internet or paper), sorted ordinally and joined by line feeds. It is in the public log when voting
/// closes and when results are published; anyone can recompute it from the published ballots (CSV export).
/// </summary>
public static class BallotDigest
{
    public static string Of(IEnumerable<BudgetBallot> ballots) => Of(ballots.Select(b => Line(b.Projects, b.Points, b.Answers, b.IsPaper)));

    public static string Line(string projects, string? points, string answers, bool isPaper) =>
        $"{projects}|{points}|{answers}|{(isPaper ? "paper" : "internet")}";

    public static string Of(IEnumerable<string> lines)
    {
        var sorted = lines.ToList();
        sorted.Sort(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', sorted))));
    }
}
