using Cocreo.Testing;
using Cocreo.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cocreo.Web.Testing;

/// <summary>
/// One migrated database per test process and provider, copied for each test app: applying the 57 migrations for
/// every one of the few hundred apps of a run (each with its own database) cost minutes of CI. A copy of a SQLite
/// file or a PostgreSQL <c>CREATE DATABASE … TEMPLATE</c> is a fraction of that. The app still runs its start-up
/// migration, which finds nothing to apply, so a missing migration would still show.
/// Tests of the migrations themselves start from empty databases of their own and do not use these.
/// </summary>
public static class MigratedTemplates
{
    private static readonly Lazy<Task<string>> SqliteFile = new(CreateSqliteAsync);
    private static readonly Lazy<Task<string>> PostgresName = new(CreatePostgresAsync);

    /// <summary>Writes a migrated SQLite database to <paramref name="file"/>.</summary>
    public static async Task CopySqliteAsync(string file) => File.Copy(await SqliteFile.Value, file, overwrite: false);

    /// <summary>The name of a migrated PostgreSQL database to use as the template of new ones (nobody connects to it).</summary>
    public static Task<string> PostgresTemplateAsync() => PostgresName.Value;

    private static async Task<string> CreateSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cocreo-template-{Guid.NewGuid():N}.db");
        // No pool: the file is closed when the migration ends, so its copy is whole (no journal left beside it).
        await MigrateAsync(new DatabaseConnection(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        };
        return file;
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        // No pool: no connection may stay open on a template while databases are made from it.
        await MigrateAsync(new DatabaseConnection(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return database.DatabaseName;
    }

    private static async Task MigrateAsync(DatabaseConnection connection)
    {
        await using var db = connection.CreateContext();
        await db.Database.MigrateAsync();
    }
}
