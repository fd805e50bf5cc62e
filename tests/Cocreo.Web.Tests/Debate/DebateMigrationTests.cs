using Cocreo.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cocreo.Web.Tests.Debate;

/// <summary>
/// The migration DThreadedDebate on a SQLite database as it was before it: budget proposals' flat comments become
/// debate comments with the same ids, their moderation cases and replaced texts follow them to the one comment kind,
/// and the old table is gone. (Rows the comments hang on are filled generically: every required column gets a value
/// of its type, so the test does not break when those tables grow.)
/// </summary>
public sealed class DebateMigrationTests
{
    private const string Before = "20261207011744_A4ConversationTranslations";

    [Fact]
    public async Task Old_comments_become_debate_comments_with_their_ids_and_moderation()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cocreo-debate-migration-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
            await using (var db = new SqliteCocreoDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync(Before);
                var connection = (SqliteConnection)db.Database.GetDbConnection();
                await connection.OpenAsync();
                await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF;");
                await InsertAsync(connection, "Process", new() { ["Id"] = 7 });
                await InsertAsync(connection, "Budgets", new() { ["Id"] = 3, ["ProcessId"] = 7 });
                await InsertAsync(connection, "Proposals", new() { ["Id"] = 11, ["BudgetId"] = 3, ["Number"] = 1 });
                await InsertAsync(connection, "ProposalComments", new() { ["Id"] = 41, ["ProposalId"] = 11, ["AuthorUserId"] = "u1", ["AuthorName"] = "Ana", ["Body"] = "Yes!", ["PostedAt"] = "2026-11-01 09:00:00", ["DeletedAt"] = null, ["EditedAt"] = null });
                await InsertAsync(connection, "ProposalComments", new() { ["Id"] = 42, ["ProposalId"] = 11, ["AuthorUserId"] = "u2", ["AuthorName"] = "", ["Body"] = "", ["PostedAt"] = "2026-11-01 10:00:00", ["DeletedAt"] = "2026-11-02 10:00:00", ["EditedAt"] = null });
                await InsertAsync(connection, "ModerationCases", new() { ["Id"] = 5, ["Kind"] = "budgeting/comment", ["ItemId"] = 41, ["ProcessId"] = 7, ["State"] = "Hidden", ["HiddenReason"] = "Spam." });
                await InsertAsync(connection, "ModerationCases", new() { ["Id"] = 6, ["Kind"] = "budgeting/proposal", ["ItemId"] = 11, ["ProcessId"] = 7 });
                await InsertAsync(connection, "ModerationReplacedTexts", new() { ["Id"] = 9, ["Kind"] = "budgeting/comment", ["ItemId"] = 42, ["Text"] = "Rude words." });

                await db.GetService<IMigrator>().MigrateAsync();

                var comments = await db.Set<Cocreo.Web.Features.Debate.Comment>().AsNoTracking().OrderBy(c => c.Id).ToListAsync();
                Assert.Equal([41, 42], comments.Select(c => c.Id));
                Assert.All(comments, c => Assert.Equal(("proposal", 11, 7, 0, (int?)null), (c.TargetKind, c.TargetId, c.ProcessId, c.Depth, c.ParentId)));
                Assert.Equal(("Ana", "Yes!", false), (comments[0].AuthorName, comments[0].Body, comments[0].IsDeleted));
                Assert.True(comments[1].IsDeleted && comments[1].AuthorLeft);
                Assert.Equal(["debate/comment", "budgeting/proposal"], await Column(connection, "SELECT Kind FROM ModerationCases ORDER BY Id"));
                Assert.Equal(["debate/comment"], await Column(connection, "SELECT Kind FROM ModerationReplacedTexts"));
                Assert.Empty(await Column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ProposalComments'"));
                // New comments continue after the copied ids.
                db.Add(Cocreo.Web.Features.Debate.Comment.Post("proposal", 11, 7, null, "u3", "Bo", "Later.", Cocreo.Web.Features.Debate.Alignment.For, DateTime.UtcNow));
                await db.SaveChangesAsync();
                Assert.Equal(43, await db.Set<Cocreo.Web.Features.Debate.Comment>().MaxAsync(c => c.Id));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> Column(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    /// <summary>Inserts a row: the given values, and for every other required column without a default a value of its type.</summary>
    private static async Task InsertAsync(SqliteConnection connection, string table, Dictionary<string, object?> values)
    {
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (name, type, notNull, hasDefault) = (reader.GetString(1), reader.GetString(2).ToUpperInvariant(), reader.GetInt32(3) == 1, !reader.IsDBNull(4));
                if (notNull && !hasDefault && !values.ContainsKey(name))
                {
                    values[name] = type.Contains("INT", StringComparison.Ordinal) ? 0 : type.Contains("REAL", StringComparison.Ordinal) ? 0.0 : type.Contains("BLOB", StringComparison.Ordinal) ? Array.Empty<byte>() : "x";
                }
            }
        }
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", values.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", values.Keys.Select((_, i) => $"$p{i}"))})";
        var n = 0;
        foreach (var value in values.Values)
        {
            command.Parameters.AddWithValue($"$p{n++}", value ?? DBNull.Value);
        }
        await command.ExecuteNonQueryAsync();
    }
}
