using System.Data.Common;
using System.Globalization;
using Cocreo.Transparency;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cocreo.Cli.Log;

/// <summary>
/// Reads process logs straight from the platform's database (SQLite or PostgreSQL), with the same settings the
/// server reads: <c>--provider</c>/<c>--connection</c>, or Database__Provider and Database__ConnectionString. It only
/// reads the two tables of the log (their layout is documented in docs/architecture.md), so checking a database
/// needs neither the web app nor its credentials to write.
/// </summary>
internal sealed class LogStore : IAsyncDisposable
{
    private readonly DbConnection connection;

    private LogStore(DbConnection connection) => this.connection = connection;

    public static async Task<LogStore> OpenAsync(string? provider, string? connectionString, CancellationToken cancellationToken)
    {
        provider ??= Environment.GetEnvironmentVariable("Database__Provider") ?? "Sqlite";
        connectionString ??= Environment.GetEnvironmentVariable("Database__ConnectionString");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new LogStoreException(
                "Say which database to use: --connection \"Data Source=path/to/cocreo.db\" (SQLite) or --provider PostgreSql --connection \"Host=...;Database=...\", or set Database__Provider and Database__ConnectionString.");
        }
        DbConnection connection = provider.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteConnection(ExistingSqlite(connectionString)),
            "postgresql" => new NpgsqlConnection(connectionString),
            _ => throw new LogStoreException($"Database:Provider must be 'Sqlite' or 'PostgreSql', not '{provider}'."),
        };
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception error) when (error is DbException or ArgumentException or InvalidOperationException)
        {
            await connection.DisposeAsync();
            throw new LogStoreException($"Cannot open the {provider} database: {error.Message.Split('\n')[0]} Check --connection (Database:ConnectionString).");
        }
        return new LogStore(connection);
    }

    /// <summary>The ids of every process, in order.</summary>
    public async Task<List<int>> ProcessIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        await using var command = Command("SELECT \"Id\" FROM \"Process\" ORDER BY \"Id\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    public async Task<bool> ExistsAsync(int processId, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT COUNT(*) FROM \"Process\" WHERE \"Id\" = @id", processId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Checks a process's log against the length and head the platform recorded for it.</summary>
    public async Task<LogVerification> VerifyAsync(int processId, CancellationToken cancellationToken)
    {
        long length = 0;
        var head = LogChain.GenesisHash;
        await using (var command = Command("SELECT \"Length\", \"Hash\" FROM \"ProcessLogHeads\" WHERE \"ProcessId\" = @id", processId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                length = reader.GetInt64(0);
                head = reader.GetString(1).Trim();
            }
        }
        var entries = new List<LogRecord>();
        await using (var command = Command(
            "SELECT \"Sequence\", \"OccurredAt\", \"ActorName\", \"ActorRole\", \"Action\", \"Data\", \"PreviousHash\", \"Hash\" FROM \"ProcessLogEntries\" WHERE \"ProcessId\" = @id ORDER BY \"Sequence\"",
            processId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new LogRecord(
                    processId,
                    reader.GetInt64(0),
                    Instant(reader.GetValue(1)),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetString(6).Trim(),
                    reader.GetString(7).Trim()));
            }
        }
        return LogChain.Verify(entries, length, head);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private DbCommand Command(string sql, int? processId = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (processId is { } id)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "id";
            parameter.Value = id;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    // SQLite keeps instants as text, PostgreSQL as timestamps; both are UTC.
    private static DateTime Instant(object value) => value switch
    {
        DateTime instant => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        string text => DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc),
        _ => throw new LogStoreException($"An entry's time has an unexpected form ({value.GetType().Name})."),
    };

    private static string ExistingSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite };
        if (!File.Exists(builder.DataSource))
        {
            throw new LogStoreException($"There is no SQLite database at {Path.GetFullPath(builder.DataSource)}. Check --connection.");
        }
        return builder.ConnectionString;
    }
}

/// <summary>A database that cannot be read; the message says which setting to fix.</summary>
internal sealed class LogStoreException(string message) : Exception(message);
