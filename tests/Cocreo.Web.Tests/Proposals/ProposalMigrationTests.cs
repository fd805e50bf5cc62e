using Cocreo.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>
/// The upgrade to one proposal model on a database that already has budget projects: migration PProposalsEverywhere
/// gives each its budget's process (SQLite rebuilds the table, so the order of its steps matters).
/// </summary>
public sealed class ProposalMigrationTests
{
    [Fact]
    public async Task Existing_budget_projects_get_their_budget_s_process()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cocreo-migration-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite($"Data Source={file}").Options;
            await using (var db = new SqliteCocreoDbContext(options))
            {
                var migrator = db.GetService<IMigrator>();
                var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_PProposalsEverywhere", StringComparison.Ordinal)).Last();
                await migrator.MigrateAsync(before);
                await using var connection = new SqliteConnection($"Data Source={file}");
                await connection.OpenAsync();
                await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF;");
                await InsertAsync(connection, "Process", new() { ["Id"] = 7 });
                await InsertAsync(connection, "Budgets", new() { ["Id"] = 3, ["ProcessId"] = 7 });
                await InsertAsync(connection, "Proposals", new() { ["Id"] = 11, ["BudgetId"] = 3, ["Number"] = 1, ["Status"] = "Submitted" });
            }
            // The raw rows are not a consistent database (their other keys are zeros), so the rest of the upgrade runs
            // with foreign keys off too. It used to inherit that from the pooled connection above, which is not
            // guaranteed: a clean-clone run on 2026-12-08 got a fresh connection and failed on a later table rebuild.
            var upgrade = new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite($"Data Source={file};Foreign Keys=False;Pooling=False").Options;
            await using (var db = new SqliteCocreoDbContext(upgrade))
            {
                await db.Database.MigrateAsync();
                // Only the two columns: the other columns of the raw row hold zeros that are not valid values of their types.
                var proposal = await db.Set<Cocreo.Web.Features.Budgeting.Proposal>().Where(p => p.Id == 11).Select(p => new { p.ProcessId, p.BudgetId }).SingleAsync();
                Assert.Equal((7, (int?)3), (proposal.ProcessId, proposal.BudgetId));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>A row with the given values and every other NOT NULL column at its type's zero.</summary>
    private static async Task InsertAsync(SqliteConnection connection, string table, Dictionary<string, object> values)
    {
        var columns = new List<(string Name, string Type, bool NotNull)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\");";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(1), reader.GetString(2), reader.GetInt32(3) == 1));
            }
        }
        var row = columns.Where(c => values.ContainsKey(c.Name) || c.NotNull)
            .ToDictionary(c => c.Name, c => values.TryGetValue(c.Name, out var v) ? v : c.Type.Contains("INT", StringComparison.OrdinalIgnoreCase) ? 0 : c.Type.Contains("TEXT", StringComparison.OrdinalIgnoreCase) ? "" : (object)0);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", row.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", row.Keys.Select((_, i) => "$p" + i))});";
        var n = 0;
        foreach (var value in row.Values)
        {
            command.Parameters.AddWithValue("$p" + n++, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
