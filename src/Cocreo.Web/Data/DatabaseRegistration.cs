using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cocreo.Web.Data;

/// <summary>The database the settings name: its provider and a validated connection string.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Reads Database:Provider and Database:ConnectionString; throws <see cref="InvalidDatabaseSettingException"/> naming the setting to fix.</summary>
    public static DatabaseConnection From(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = options.ParsedProvider;
        return provider switch
        {
            DatabaseProvider.PostgreSql => new(provider, PostgreSql(options.ConnectionString)),
            _ => new(provider, Sqlite(options.ConnectionString, contentRoot)),
        };
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            builder.UseNpgsql(ConnectionString, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        }
        else
        {
            builder.UseSqlite(ConnectionString, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(SqliteReading.Instance);
        }
    }

    /// <summary>A context outside dependency injection: for start-up checks and the command line.</summary>
    /// <summary>A context outside the app's services (start-up, commands), with the interceptors given.</summary>
    public CocreoDbContext CreateContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) => Provider == DatabaseProvider.PostgreSql
        ? new PostgreSqlCocreoDbContext(Options<PostgreSqlCocreoDbContext>(interceptors))
        : new SqliteCocreoDbContext(Options<SqliteCocreoDbContext>(interceptors));

    private DbContextOptions<T> Options<T>(Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        Configure(builder);
        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }
        return builder.Options;
    }

    private static string PostgreSql(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidDatabaseSettingException(
                "Database:ConnectionString is required when Database:Provider is PostgreSql (e.g. Host=db;Database=cocreo;Username=cocreo;Password=...). Set it in appsettings or Database__ConnectionString.");
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (builder.MaxAutoPrepare == 0)
            {
                // Statements run again and again (every page's access, settings and list queries) are prepared once
                // per connection and keep their plan: planning was most of PostgreSQL's time for a proposal list's
                // page. "Max Auto Prepare" in the connection string chooses another number.
                builder.MaxAutoPrepare = 200;
            }
            return builder.ConnectionString;
        }
        catch (ArgumentException error)
        {
            throw new InvalidDatabaseSettingException($"Database:ConnectionString is not a valid PostgreSQL connection string: {error.Message}", error);
        }
    }

    private static string Sqlite(string? connectionString, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.Combine(contentRoot, "App_Data");
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "cocreo.db")}";
        }
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            // Several requests write at once: wait for the lock instead of failing at once.
            builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
            return builder.ConnectionString;
        }
        catch (ArgumentException error)
        {
            throw new InvalidDatabaseSettingException($"Database:ConnectionString is not a valid SQLite connection string: {error.Message}", error);
        }
    }
}

/// <summary>
/// Each SQLite connection reads the file through a memory map (up to 256 MB) instead of copying every page it needs
/// into its own small cache with a system call: the proposal list's profile under 50 readers spent a quarter of its
/// time in those copies. Set when a connection opens, as the setting is per connection.
/// </summary>
internal sealed class SqliteReading : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static SqliteReading Instance { get; } = new();

    private const string Pragmas = "PRAGMA mmap_size = 268435456;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="CocreoDbContext"/> on the database the settings name. An invalid setting is registered as a
    /// <see cref="DatabaseSettingProblem"/>, so the container still builds and start-up reports it.
    /// </summary>
    public static IServiceCollection AddCocreoDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        DatabaseConnection connection;
        try
        {
            connection = DatabaseConnection.From(configuration, environment.ContentRootPath);
        }
        catch (InvalidDatabaseSettingException error)
        {
            services.AddSingleton(new DatabaseSettingProblem(error.Message));
            services.AddDbContext<CocreoDbContext, SqliteCocreoDbContext>(o => o.UseSqlite("Data Source=:memory:"));
            return services;
        }
        services.AddSingleton(connection);
        // The options depend on the settings alone: built once, not again for every request's context (which showed
        // in the vote storm's profile).
        if (connection.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<CocreoDbContext, PostgreSqlCocreoDbContext>(connection.Configure, optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            services.AddDbContext<CocreoDbContext, SqliteCocreoDbContext>(connection.Configure, optionsLifetime: ServiceLifetime.Singleton);
        }
        return services;
    }
}

/// <summary>A database setting found invalid while services were registered.</summary>
public sealed record DatabaseSettingProblem(string Message);
