using System.Data.Common;
using System.Globalization;
using System.Text;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Work;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A voter to mark as having voted, with their sealed ballot (or without one: a paper ballot handed out in person). The voter
/// is named by their key, or by the hash of their one-time voting code, which the writer looks up for the whole batch
/// in one query (so a ballot costs the request no database round trip of its own). The channel is written on the
/// voter's marker, for the reconciliation of ballots with the marked register.
/// </summary>
public sealed record BallotSubmission(int BudgetId, string? VoterKey, SealedBallot? Ballot, string? CodeHash = null, VoterChannel Channel = VoterChannel.Online);

public enum CastOutcome
{
    /// <summary>Committed to the database: it survives a crash of the server from now on.</summary>
    Recorded,

    /// <summary>This voter already has a ballot (or a paper ballot) in this budget; nothing was written.</summary>
    AlreadyVoted,

    /// <summary>The budget is not in its voting phase; nothing was written.</summary>
    VotingClosed,

    /// <summary>No one on the budget's census has this voting code; nothing was written.</summary>
    InvalidCode,

    /// <summary>The server could not write it (the database failed or the queue is full); nothing was acknowledged.</summary>
    NotRecorded,
}

/// <summary>
/// Writes ballots: one writer per server, taking every ballot waiting in its queue into one short transaction (group
/// commit), then acknowledging each only after the commit. On SQLite one writer is all the database allows anyway, so
/// queuing in memory replaces lock contention (and its sleeps) by one fsync per batch; on PostgreSQL it saves a round
/// trip and a WAL flush per ballot.
/// <para>
/// One ballot per voter is the database's unique key on (budget, voter): the marker is inserted with ON CONFLICT DO
/// NOTHING RETURNING, and only the voters it returns get their ballot written, in the same transaction. Double
/// submits, parallel submits from several servers and replays therefore never write a second ballot. The budget row
/// is read FOR SHARE on PostgreSQL so closing the vote waits for batches in flight and no ballot lands after it.
/// </para>
/// <para>
/// Secrecy: the two inserts share nothing but the budget, and the ballots are sealed (<see cref="BallotSeal"/>) with
/// the budget's election key, which is not in the database. The physical order of rows and, on PostgreSQL, their
/// transaction id tell which marker and which sealed ballot were written together, but a sealed ballot says nothing
/// until voting closes, when all are opened, written again in random order and the key is destroyed
/// (<see cref="BallotOpening"/>).
/// </para>
/// </summary>
public sealed partial class BallotBox(IServiceScopeFactory scopes, ILogger<BallotBox> logger) : GroupCommitWriter<BallotSubmission, CastOutcome>
{
    /// <summary>Queues a submission and waits until it is committed (or refused). Not cancellable once queued: a vote either lands or not.</summary>
    public Task<CastOutcome> CastAsync(BallotSubmission submission) => EnqueueAsync(submission);

    protected override CastOutcome NotWritten => CastOutcome.NotRecorded;

    protected override void Failed(int count, Exception error) => LogBatchFailed(logger, count, error);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
            if (db.Database.IsSqlite())
            {
                try
                {
                    // Write-ahead logging: readers (the ballot page, code look-ups) never wait for the writer. The
                    // setting stays with the database file.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken);
                }
                catch (DbException error)
                {
                    LogWalFailed(logger, error);
                }
            }
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task<CastOutcome[]> WriteAsync(List<BallotSubmission> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var postgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (!postgres)
        {
            // FULL: every commit is fsynced, so an acknowledged ballot survives even a power cut (NORMAL would
            // survive a killed process but not the machine failing). Group commit makes it one fsync per batch.
            await ExecuteAsync(connection, null, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;");
        }
        await using var transaction = await connection.BeginTransactionAsync();
        var outcomes = new CastOutcome[batch.Count];

        var open = await OpenBudgetsAsync(connection, transaction, batch.Select(s => s.BudgetId).Distinct().ToList(), postgres);
        var census = await CensusEntriesAsync(connection, transaction, batch.Where(s => s.CodeHash is not null && open.Contains(s.BudgetId)).ToList());
        var claimed = new Dictionary<(int, string), int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var submission = batch[i];
            if (submission.VoterKey is null)
            {
                submission = batch[i] = submission with
                {
                    VoterKey = census.TryGetValue((submission.BudgetId, submission.CodeHash!), out var entry) ? BudgetVoter.ForCensusEntry(entry) : null,
                };
            }
            outcomes[i] = !open.Contains(submission.BudgetId) ? CastOutcome.VotingClosed
                : submission.VoterKey is null ? CastOutcome.InvalidCode
                : claimed.TryAdd((submission.BudgetId, submission.VoterKey), i) ? CastOutcome.Recorded
                : CastOutcome.AlreadyVoted;
        }
        var candidates = claimed.Values.ToList();
        Shuffle(candidates);
        var marked = await MarkVotersAsync(connection, transaction, candidates.Select(i => batch[i]).ToList());
        var ballots = new List<SealedBallot>();
        foreach (var i in candidates)
        {
            var submission = batch[i];
            if (!marked.Contains((submission.BudgetId, submission.VoterKey!)))
            {
                outcomes[i] = CastOutcome.AlreadyVoted;
            }
            else if (submission.Ballot is { } ballot)
            {
                ballots.Add(ballot);
            }
        }
        Shuffle(ballots);
        await InsertSealedAsync(connection, transaction, ballots);
        await transaction.CommitAsync();
        return outcomes;
    }

    private static async Task<HashSet<int>> OpenBudgetsAsync(DbConnection connection, DbTransaction transaction, List<int> budgetIds, bool postgres)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = budgetIds.Select((id, i) => Parameter(command, "b" + i.ToString(CultureInfo.InvariantCulture), id)).ToList();
        command.CommandText = $"SELECT \"Id\" FROM \"Budgets\" WHERE \"Phase\" = 'Voting' AND \"Id\" IN ({string.Join(", ", names)}){(postgres ? " FOR SHARE" : "")}";
        var open = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            open.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }
        return open;
    }

    /// <summary>The census entries of the batch's voting codes, by budget and code hash.</summary>
    private static async Task<Dictionary<(int, string), long>> CensusEntriesAsync(DbConnection connection, DbTransaction transaction, List<BallotSubmission> submissions)
    {
        var entries = new Dictionary<(int, string), long>();
        foreach (var budget in submissions.GroupBy(s => s.BudgetId))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var hashes = budget.Select(s => s.CodeHash!).Distinct().Select((hash, i) => Parameter(command, "h" + i.ToString(CultureInfo.InvariantCulture), hash)).ToList();
            command.CommandText = $"SELECT \"Id\", \"CodeHash\" FROM \"CensusEntries\" WHERE \"BudgetId\" = {Parameter(command, "b", budget.Key)} AND \"CodeHash\" IN ({string.Join(", ", hashes)})";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                entries[(budget.Key, reader.GetString(1))] = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            }
        }
        return entries;
    }

    /// <summary>Inserts the markers the unique key lets through and returns them; the rest had already voted.</summary>
    private static async Task<HashSet<(int, string)>> MarkVotersAsync(DbConnection connection, DbTransaction transaction, List<BallotSubmission> submissions)
    {
        var marked = new HashSet<(int, string)>();
        if (submissions.Count == 0)
        {
            return marked;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO \"{BallotTables.Voters}\" (\"Id\", \"BudgetId\", \"VoterKey\", \"Channel\") VALUES ");
        for (var i = 0; i < submissions.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ").Append('(')
                .Append(Parameter(command, "i" + n, RandomIds.Next())).Append(", ")
                .Append(Parameter(command, "b" + n, submissions[i].BudgetId)).Append(", ")
                .Append(Parameter(command, "k" + n, submissions[i].VoterKey!)).Append(", ")
                .Append(Parameter(command, "c" + n, submissions[i].Channel.ToString())).Append(')');
        }
        sql.Append(" ON CONFLICT (\"BudgetId\", \"VoterKey\") DO NOTHING RETURNING \"BudgetId\", \"VoterKey\"");
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            marked.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1)));
        }
        return marked;
    }

    private static async Task InsertSealedAsync(DbConnection connection, DbTransaction transaction, List<SealedBallot> ballots)
    {
        if (ballots.Count == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO \"{BallotTables.Sealed}\" (\"Id\", \"BudgetId\", \"Receipt\", \"ChangeCodeHash\", \"Sealed\") VALUES ");
        for (var i = 0; i < ballots.Count; i++)
        {
            var (ballot, n) = (ballots[i], i.ToString(CultureInfo.InvariantCulture));
            sql.Append(i == 0 ? "" : ", ").Append('(')
                .Append(Parameter(command, "i" + n, ballot.Id)).Append(", ")
                .Append(Parameter(command, "b" + n, ballot.BudgetId)).Append(", ")
                .Append(Parameter(command, "r" + n, ballot.Receipt)).Append(", ")
                .Append(Parameter(command, "c" + n, ballot.ChangeCodeHash)).Append(", ")
                .Append(Parameter(command, "s" + n, ballot.Sealed)).Append(')');
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Inserts opened ballots with plain multi-row INSERTs (when the vote closes and ballots are written again).</summary>
    internal static async Task InsertBallotsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<BudgetBallot> ballots)
    {
        const int RowsPerStatement = 500;
        for (var start = 0; start < ballots.Count; start += RowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO \"{BallotTables.Ballots}\" (\"Id\", \"BudgetId\", \"Projects\", \"Points\", \"Answers\", \"IsPaper\") VALUES ");
            var end = Math.Min(ballots.Count, start + RowsPerStatement);
            for (var i = start; i < end; i++)
            {
                var ballot = ballots[i];
                var n = (i - start).ToString(CultureInfo.InvariantCulture);
                sql.Append(i == start ? "" : ", ").Append('(')
                    .Append(Parameter(command, "i" + n, ballot.Id)).Append(", ")
                    .Append(Parameter(command, "b" + n, ballot.BudgetId)).Append(", ")
                    .Append(Parameter(command, "p" + n, ballot.Projects)).Append(", ")
                    .Append(Parameter(command, "q" + n, ballot.Points)).Append(", ")
                    .Append(Parameter(command, "a" + n, ballot.Answers)).Append(", ")
                    .Append(Parameter(command, "x" + n, ballot.IsPaper)).Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }
    }

    internal static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    internal static string Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            parameter.DbType = System.Data.DbType.String;
        }
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }

    private static void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = System.Security.Cryptography.RandomNumberGenerator.GetInt32(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not switch SQLite to write-ahead logging")]
    private static partial void LogWalFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} ballots could not be written; none was acknowledged")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception error);
}
