using Npgsql;
using Xunit;

namespace Cocreo.Testing;

/// <summary>
/// The real PostgreSQL that ./test.sh starts (COCREO_TEST_POSTGRES). Each caller gets a database of its own,
/// dropped at the end. Without a server the test is skipped with the reason, except under CI=true, where it fails.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "COCREO_TEST_POSTGRES";

    private readonly string serverConnection;

    public string ConnectionString { get; }
    public string DatabaseName { get; }

    private TestPostgres(string serverConnection, string databaseName)
    {
        this.serverConnection = serverConnection;
        DatabaseName = databaseName;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Database = databaseName, Pooling = true }.ConnectionString;
    }

    public static bool IsConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Skips (or under CI fails) the calling test when no PostgreSQL server is configured.</summary>
    public static void RequireServer()
    {
        if (IsConfigured)
        {
            return;
        }
        var reason = $"No PostgreSQL server: set {Variable} (./test.sh starts one and sets it).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI=true: PostgreSQL tests must run)");
        }
        Assert.Skip(reason);
    }

    /// <summary>
    /// Creates a database on the test server: empty, or a copy of <paramref name="template"/> (a database nobody is
    /// connected to). Call <see cref="RequireServer"/> first in tests.
    /// </summary>
    public static async Task<TestPostgres> CreateDatabaseAsync(string? template = null)
    {
        var server = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"{Variable} is not set.");
        var name = "cocreo_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""), connection);
            try
            {
                await command.ExecuteNonQueryAsync();
                return new TestPostgres(server, name);
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // "source database is being accessed by other users": another copy's start, a moment ago.
                await Task.Delay(50 * attempt);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
