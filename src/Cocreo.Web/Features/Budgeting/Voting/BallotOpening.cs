using System.Security.Cryptography;
using System.Text;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// When voting closes, in the transaction that closes it: every sealed ballot of the budget is opened with the
/// budget's election key; the opened ballots (with the paper ballots counted so far) are deleted and written again in
/// random order with new random identifiers; the receipts go to a list of their own, in another random order; the
/// sealed ballots are deleted. After the commit the key is destroyed (<see cref="ElectionKeys.Destroy"/>) and the
/// space the old rows took is cleaned: PostgreSQL vacuums the tables, SQLite overwrites deleted content
/// (secure_delete) and empties its write-ahead log. Afterwards nothing joins a ballot to a voter or to a receipt:
/// not an identifier, not the physical order, on PostgreSQL not the transaction that wrote it (all share the closing
/// one, while voters' markers keep theirs); and a copy of the database taken while voting was open holds only sealed
/// ballots whose key no longer exists.
/// </summary>
public static partial class BallotOpening
{
    /// <summary>Opens and rewrites the budget's ballots inside the caller's transaction; returns how many there are and their digest.</summary>
    /// <exception cref="BudgetRuleException">The election key is missing, or a sealed ballot does not open with it.</exception>
    public static async Task<(int Count, string Digest)> OpenAsync(CocreoDbContext db, ElectionKeys keys, int budgetId, CancellationToken cancellationToken)
    {
        var sealedBallots = await db.Set<SealedBallot>().AsNoTracking().Where(b => b.BudgetId == budgetId).ToListAsync(cancellationToken);
        var opened = new List<BudgetBallot>(sealedBallots.Count);
        if (sealedBallots.Count > 0)
        {
            var key = await keys.ForOpeningAsync(db, budgetId, cancellationToken) ?? throw new BudgetRuleException("ElectionKeyMissing");
            try
            {
                opened.AddRange(sealedBallots.Select(b => BallotSeal.Open(key, b)));
            }
            catch (CryptographicException)
            {
                throw new BudgetRuleException("SealedBallotUnreadable");
            }
        }
        var paper = await db.Set<BudgetBallot>().AsNoTracking().Where(b => b.BudgetId == budgetId).ToListAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", cancellationToken);
        }
        await db.Set<BudgetBallot>().Where(b => b.BudgetId == budgetId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<SealedBallot>().Where(b => b.BudgetId == budgetId).ExecuteDeleteAsync(cancellationToken);
        var fresh = opened.Concat(paper.Select(b => new BudgetBallot
        {
            Id = RandomIds.Next(),
            BudgetId = b.BudgetId,
            Projects = b.Projects,
            Points = b.Points,
            Answers = b.Answers,
            IsPaper = b.IsPaper,
        })).ToList();
        RandomNumberGenerator.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(fresh));
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Opening ballots needs the transaction that closes the vote.");
        var connection = db.Database.GetDbConnection();
        await BallotBox.InsertBallotsAsync(connection, transaction, fresh);
        var receipts = sealedBallots.Select(b => b.Receipt).ToArray();
        RandomNumberGenerator.Shuffle(receipts.AsSpan());
        await InsertReceiptsAsync(connection, transaction, budgetId, receipts);
        return (fresh.Count, BallotDigest.Of(fresh));
    }

    /// <summary>After the closing transaction committed: destroys the key and clears what the deleted rows left behind.</summary>
    public static async Task SettleAsync(CocreoDbContext db, ElectionKeys keys, int budgetId, ILogger logger, CancellationToken cancellationToken)
    {
        keys.Destroy(budgetId);
        try
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"VACUUM \"{BallotTables.Ballots}\", \"{BallotTables.Sealed}\"", cancellationToken);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            }
        }
        catch (Exception error) when (error is System.Data.Common.DbException or InvalidOperationException)
        {
            LogCleanUpFailed(logger, error);
        }
    }

    private static async Task InsertReceiptsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, int budgetId, string[] receipts)
    {
        const int RowsPerStatement = 500;
        for (var start = 0; start < receipts.Length; start += RowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO \"{BallotTables.Receipts}\" (\"Id\", \"BudgetId\", \"Receipt\") VALUES ");
            var budget = BallotBox.Parameter(command, "b", budgetId);
            for (var i = start; i < Math.Min(receipts.Length, start + RowsPerStatement); i++)
            {
                var n = (i - start).ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(i == start ? "" : ", ").Append('(')
                    .Append(BallotBox.Parameter(command, "i" + n, RandomIds.Next())).Append(", ")
                    .Append(budget).Append(", ")
                    .Append(BallotBox.Parameter(command, "r" + n, receipts[i])).Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clean up after opening the ballots")]
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
