using System.Data.Common;
using System.Globalization;
using System.Text;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Conversations;

/// <summary>A vote to write: who (their account, or the hash of their browser's key), on which statement, what, and whether it is important to them.</summary>
public sealed record VoteSubmission(int ConversationId, string? UserId, string? KeyHash, int StatementId, ConversationChoice Choice, DateTime At, bool Important = false);

public enum VoteWritten
{
    /// <summary>Committed: a new vote, or a changed choice.</summary>
    Recorded,

    /// <summary>The participant had voted the same already (and marked it important or not the same); nothing changed.</summary>
    Unchanged,

    /// <summary>The conversation (or its process) no longer takes votes, or no longer from this kind of participant; nothing was written.</summary>
    NotTaking,

    /// <summary>The statement is not in this conversation; nothing was written.</summary>
    UnknownStatement,

    /// <summary>The statement is waiting for a moderator or was rejected; nothing was written.</summary>
    NotVotable,

    /// <summary>The server could not write it (the database failed or the queue is full); nothing was acknowledged.</summary>
    NotRecorded,
}

/// <param name="ParticipantId">The participant who voted (0 when nothing was written).</param>
public readonly record struct VoteReceipt(VoteWritten Written, int ParticipantId);

/// <summary>
/// Writes conversation votes: one writer per server takes every vote waiting in its queue into one short transaction
/// (group commit, as the budget's <see cref="BallotBox"/> does for ballots) and acknowledges each only after the
/// commit. On SQLite, where one writer at a time is all the database allows, this replaces lock contention between
/// requests (and the change runner's sleeps between retries) by one commit per batch; on PostgreSQL it saves round
/// trips and a WAL flush per vote.
/// <para>
/// What the change runner would re-check on fresh data is checked here, inside the batch's transaction: the
/// conversation is open, its process neither closed, archived nor deleted, link participants are still welcome, and
/// the statement belongs to the conversation and is accepted (on PostgreSQL the conversation rows are read FOR SHARE, so
/// closing waits for the batch in flight). Participants are made with INSERT … ON CONFLICT DO NOTHING on the unique
/// (conversation, account) and (conversation, key) indexes, and votes with an upsert on the unique (participant,
/// statement) index that only writes a different choice: a double submit, a replay or a parallel vote from another
/// server counts once. Votes are not logged (the map is their public record), as before.
/// </para>
/// <para>
/// On PostgreSQL several writers can run side by side (<see cref="ConversationOptions.VoteWriters"/>: one batch
/// executes while another's commit is flushed); participants and votes are written in one order (conversation and
/// key, participant and statement), so batches that share rows wait for each other in that order and never deadlock.
/// One is the default: two made no measurable difference to the vote storm on two cores (docs/benchmarks.md).
/// SQLite allows one writer at a time: one runs there whatever the setting.
/// </para>
/// </summary>
public sealed partial class VoteBox(IServiceScopeFactory scopes, ConversationMapRefresher maps, IOptions<ConversationOptions> options, ILogger<VoteBox> logger)
    : GroupCommitWriter<VoteSubmission, VoteReceipt>
{
    /// <summary>Queues a vote and waits until it is committed (or refused). Not cancellable once queued: a vote either lands or not.</summary>
    public Task<VoteReceipt> CastAsync(VoteSubmission vote) => EnqueueAsync(vote);

    protected override VoteReceipt NotWritten => new(VoteWritten.NotRecorded, 0);

    protected override void Committed(List<VoteSubmission> batch, VoteReceipt[] receipts)
    {
        foreach (var conversationId in batch.Where((_, i) => receipts[i].Written == VoteWritten.Recorded).Select(v => v.ConversationId).Distinct())
        {
            maps.Mark(conversationId);
        }
    }

    protected override void Failed(int count, Exception error) => LogBatchFailed(logger, count, error);

    /// <summary>
    /// <see cref="ConversationOptions.VoteWriters"/> (1 by default), never more than one on SQLite (one writer at a time).
    /// </summary>
    protected override async Task<int> WritersAsync()
    {
        var writers = options.Value.VoteWriters ?? 1;
        if (writers <= 1)
        {
            return 1;
        }
        await using var scope = scopes.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<CocreoDbContext>().Database.IsNpgsql() ? writers : 1;
    }

    /// <summary>Writes these votes as one batch now, bypassing the queue (tests of what a batch does).</summary>
    internal Task<VoteReceipt[]> WriteBatchAsync(List<VoteSubmission> votes) => WriteAsync(votes);

    /// <summary>Writes a batch of votes in one transaction and says what became of each (in the batch's order).</summary>
    protected override async Task<VoteReceipt[]> WriteAsync(List<VoteSubmission> votes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var postgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (!postgres)
        {
            await BallotBox.ExecuteAsync(connection, null, "PRAGMA busy_timeout = 30000;");
        }
        await using var transaction = await connection.BeginTransactionAsync();
        var receipts = new VoteReceipt[votes.Count];

        var taking = await TakingAsync(connection, transaction, votes.Select(v => v.ConversationId).Distinct().ToList(), postgres);
        var statements = await StatementsAsync(connection, transaction, votes.Select(v => v.StatementId).Distinct().ToList());
        var valid = new List<int>();
        for (var i = 0; i < votes.Count; i++)
        {
            var vote = votes[i];
            var written = !taking.TryGetValue(vote.ConversationId, out var linkWelcome) || (vote.UserId is null && !linkWelcome) ? VoteWritten.NotTaking
                : !statements.TryGetValue(vote.StatementId, out var statement) || statement.ConversationId != vote.ConversationId ? VoteWritten.UnknownStatement
                : !statement.Votable ? VoteWritten.NotVotable
                : VoteWritten.Recorded;
            receipts[i] = new VoteReceipt(written, 0);
            if (written == VoteWritten.Recorded)
            {
                valid.Add(i);
            }
        }
        if (valid.Count > 0)
        {
            var participants = await ParticipantsAsync(connection, transaction, valid.Select(i => votes[i]).ToList(), taking);
            // Rounds of distinct (participant, statement): one upsert may not touch a row twice (PostgreSQL refuses),
            // and the later of two votes in one batch must win, as it would have one after the other.
            var remaining = valid.Select(i => (Index: i, Participant: participants[Who(votes[i])])).ToList();
            while (remaining.Count > 0)
            {
                var round = new List<(int Index, int Participant)>();
                var later = new List<(int Index, int Participant)>();
                var seen = new HashSet<(int, int)>();
                foreach (var item in remaining)
                {
                    (seen.Add((item.Participant, votes[item.Index].StatementId)) ? round : later).Add(item);
                }
                var changed = await UpsertVotesAsync(connection, transaction,
                    round.OrderBy(r => r.Participant).ThenBy(r => votes[r.Index].StatementId).Select(r => (votes[r.Index], r.Participant)).ToList());
                foreach (var (index, participant) in round)
                {
                    receipts[index] = new VoteReceipt(changed.Contains((participant, votes[index].StatementId)) ? VoteWritten.Recorded : VoteWritten.Unchanged, participant);
                }
                remaining = later;
            }
        }
        await transaction.CommitAsync();
        return receipts;
    }

    private static (int ConversationId, string Who) Who(VoteSubmission vote) => (vote.ConversationId, vote.UserId is { } user ? "u:" + user : "k:" + vote.KeyHash);

    /// <summary>The conversations of the batch that take votes now, each with whether link participants (no account) are welcome.</summary>
    private static async Task<Dictionary<int, bool>> TakingAsync(DbConnection connection, DbTransaction transaction, List<int> conversationIds, bool postgres)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = conversationIds.Select((id, i) => BallotBox.Parameter(command, "c" + Number(i), id)).ToList();
        command.CommandText = "SELECT c.\"Id\", c.\"Access\" FROM \"Conversations\" c JOIN \"Process\" p ON p.\"Id\" = c.\"ProcessId\" "
            + $"WHERE c.\"Id\" IN ({string.Join(", ", names)}) AND c.\"State\" = 'Open' AND p.\"ClosedAt\" IS NULL AND p.\"ArchivedAt\" IS NULL AND p.\"DeletedAt\" IS NULL"
            + (postgres ? " FOR SHARE OF c" : "");
        var taking = new Dictionary<int, bool>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            taking[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = reader.GetString(1) == nameof(ConversationAccess.Link);
        }
        return taking;
    }

    private static async Task<Dictionary<int, (int ConversationId, bool Votable)>> StatementsAsync(DbConnection connection, DbTransaction transaction, List<int> statementIds)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = statementIds.Select((id, i) => BallotBox.Parameter(command, "s" + Number(i), id)).ToList();
        command.CommandText = $"SELECT \"Id\", \"ConversationId\", \"Status\" FROM \"ConversationStatements\" WHERE \"Id\" IN ({string.Join(", ", names)})";
        var statements = new Dictionary<int, (int, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statements[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] =
                (Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2) == nameof(StatementStatus.Accepted));
        }
        return statements;
    }

    /// <summary>The participant of each voter in the batch, made for those who vote for the first time.</summary>
    private static async Task<Dictionary<(int, string), int>> ParticipantsAsync(DbConnection connection, DbTransaction transaction, List<VoteSubmission> votes, Dictionary<int, bool> taking)
    {
        var voters = votes.DistinctBy(Who).ToList();
        foreach (var voter in voters.Where(v => v.UserId is not null && v.KeyHash is not null && taking[v.ConversationId]))
        {
            // Took part by link, then signed in: where the account has no participant yet, the key's becomes theirs (its
            // key hash dropped, so the cookie no longer speaks for the account), as ConversationAccessReader does for
            // statements; where it has one, the account's is used and the key's votes stay as they are.
            await using var attach = connection.CreateCommand();
            attach.Transaction = transaction;
            var (c, u, k) = (BallotBox.Parameter(attach, "c", voter.ConversationId), BallotBox.Parameter(attach, "u", voter.UserId), BallotBox.Parameter(attach, "k", voter.KeyHash));
            attach.CommandText = $"UPDATE \"ConversationParticipants\" SET \"UserId\" = {u}, \"KeyHash\" = NULL WHERE \"ConversationId\" = {c} AND \"KeyHash\" = {k} AND \"UserId\" IS NULL "
                + $"AND NOT EXISTS (SELECT 1 FROM \"ConversationParticipants\" WHERE \"ConversationId\" = {c} AND \"UserId\" = {u})";
            await attach.ExecuteNonQueryAsync();
        }
        // Most voters of a batch voted before: look them up first, and insert only the others (an insert that meets
        // the unique key still costs PostgreSQL a speculative insertion).
        var found = await FindParticipantsAsync(connection, transaction, voters);
        // In one order (conversation, then who), as the votes below: two writers' batches then never wait for each other crosswise.
        var missing = voters.Where(v => !found.ContainsKey(Who(v))).OrderBy(v => v.ConversationId).ThenBy(v => Who(v).Who, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return found;
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO \"ConversationParticipants\" (\"ConversationId\", \"UserId\", \"KeyHash\", \"CreatedAt\") VALUES ");
            for (var i = 0; i < missing.Count; i++)
            {
                var n = Number(i);
                sql.Append(i == 0 ? "" : ", ").Append('(')
                    .Append(BallotBox.Parameter(insert, "c" + n, missing[i].ConversationId)).Append(", ")
                    .Append(BallotBox.Parameter(insert, "u" + n, missing[i].UserId)).Append(", ")
                    .Append(BallotBox.Parameter(insert, "k" + n, missing[i].UserId is null ? missing[i].KeyHash : null)).Append(", ")
                    .Append(BallotBox.Parameter(insert, "t" + n, missing[i].At)).Append(')');
            }
            // Another server may have made the participant meanwhile (either unique index: account or key in the
            // conversation): then nothing is inserted, and the look-up below finds theirs.
            insert.CommandText = sql.Append(" ON CONFLICT DO NOTHING").ToString();
            await insert.ExecuteNonQueryAsync();
        }
        foreach (var (who, id) in await FindParticipantsAsync(connection, transaction, missing))
        {
            found[who] = id;
        }
        return found;
    }

    /// <summary>The participants these voters already are, by (conversation, "u:" account or "k:" key hash).</summary>
    private static async Task<Dictionary<(int, string), int>> FindParticipantsAsync(DbConnection connection, DbTransaction transaction, List<VoteSubmission> voters)
    {
        var found = new Dictionary<(int, string), int>();
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        var conversations = voters.Select(v => v.ConversationId).Distinct().Select((id, i) => BallotBox.Parameter(select, "c" + Number(i), id)).ToList();
        var users = voters.Where(v => v.UserId is not null).Select((v, i) => BallotBox.Parameter(select, "u" + Number(i), v.UserId)).ToList();
        var keys = voters.Where(v => v.UserId is null).Select((v, i) => BallotBox.Parameter(select, "k" + Number(i), v.KeyHash)).ToList();
        select.CommandText = $"SELECT \"Id\", \"ConversationId\", \"UserId\", \"KeyHash\" FROM \"ConversationParticipants\" WHERE \"ConversationId\" IN ({string.Join(", ", conversations)}) AND ("
            + (users.Count > 0 ? $"\"UserId\" IN ({string.Join(", ", users)})" : "0 = 1")
            + (keys.Count > 0 ? $" OR \"KeyHash\" IN ({string.Join(", ", keys)})" : "") + ")";
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            var conversationId = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            if (!reader.IsDBNull(2))
            {
                found[(conversationId, "u:" + reader.GetString(2))] = id;
            }
            if (!reader.IsDBNull(3))
            {
                found[(conversationId, "k:" + reader.GetString(3))] = id;
            }
        }
        return found;
    }

    /// <summary>Inserts new votes and changes the choice of earlier ones; returns the (participant, statement) pairs written (a same choice again is not).</summary>
    private static async Task<HashSet<(int, int)>> UpsertVotesAsync(DbConnection connection, DbTransaction transaction, List<(VoteSubmission Vote, int Participant)> votes)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO \"ConversationVotes\" (\"ConversationId\", \"ParticipantId\", \"StatementId\", \"Choice\", \"VotedAt\", \"Important\") VALUES ");
        for (var i = 0; i < votes.Count; i++)
        {
            var (vote, participant) = votes[i];
            var n = Number(i);
            sql.Append(i == 0 ? "" : ", ").Append('(')
                .Append(BallotBox.Parameter(command, "c" + n, vote.ConversationId)).Append(", ")
                .Append(BallotBox.Parameter(command, "p" + n, participant)).Append(", ")
                .Append(BallotBox.Parameter(command, "s" + n, vote.StatementId)).Append(", ")
                .Append(BallotBox.Parameter(command, "v" + n, vote.Choice.ToString())).Append(", ")
                .Append(BallotBox.Parameter(command, "t" + n, vote.At)).Append(", ")
                .Append(BallotBox.Parameter(command, "m" + n, vote.Important)).Append(')');
        }
        sql.Append(" ON CONFLICT (\"ParticipantId\", \"StatementId\") DO UPDATE SET \"Choice\" = excluded.\"Choice\", \"VotedAt\" = excluded.\"VotedAt\", \"Important\" = excluded.\"Important\"")
            .Append(" WHERE \"ConversationVotes\".\"Choice\" <> excluded.\"Choice\" OR \"ConversationVotes\".\"Important\" <> excluded.\"Important\" RETURNING \"ParticipantId\", \"StatementId\"");
        command.CommandText = sql.ToString();
        var written = new HashSet<(int, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            written.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }
        return written;
    }

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing a batch of {Count} conversation votes failed; none of them was acknowledged")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception error);
}
