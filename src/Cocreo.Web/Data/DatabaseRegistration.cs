using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cocreo.Web.Data;

public static class DatabaseRegistration
{
    /// <summary>Registers <see cref="CocreoDbContext"/> on the provider named by <c>Database:Provider</c>.</summary>
    public static IServiceCollection AddCocreoDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));

        DatabaseProvider provider;
        try
        {
            provider = options.ParsedProvider;
        }
        catch (InvalidDatabaseSettingException error)
        {
            // Start-up reports it with a clear message (see DatabaseStartup); keep the container buildable.
            services.AddSingleton(new DatabaseSettingProblem(error.Message));
            services.AddDbContext<CocreoDbContext, SqliteCocreoDbContext>(o => o.UseSqlite("Data Source=:memory:"));
            return services;
        }

        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                var postgres = ValidatedPostgreSqlConnectionString(options.ConnectionString, services);
                services.AddDbContext<CocreoDbContext, PostgreSqlCocreoDbContext>(o => o.UseNpgsql(postgres, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
                break;
            default:
                var sqlite = SqliteConnectionString(options.ConnectionString, environment, services);
                services.AddDbContext<CocreoDbContext, SqliteCocreoDbContext>(o => o.UseSqlite(sqlite, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
                break;
        }
        return services;
    }

    private static string ValidatedPostgreSqlConnectionString(string? connectionString, IServiceCollection services)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddSingleton(new DatabaseSettingProblem(
                "Database:ConnectionString is required when Database:Provider is PostgreSql (e.g. Host=db;Database=cocreo;Username=cocreo;Password=...). Set it in appsettings or Database__ConnectionString."));
            return "Host=invalid";
        }
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
        }
        catch (ArgumentException error)
        {
            services.AddSingleton(new DatabaseSettingProblem($"Database:ConnectionString is not a valid PostgreSQL connection string: {error.Message}"));
            return "Host=invalid";
        }
    }

    private static string SqliteConnectionString(string? connectionString, IHostEnvironment environment, IServiceCollection services)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.Combine(environment.ContentRootPath, "App_Data");
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
            services.AddSingleton(new DatabaseSettingProblem($"Database:ConnectionString is not a valid SQLite connection string: {error.Message}"));
            return "Data Source=:memory:";
        }
    }
}

/// <summary>A database setting found invalid while services were registered; start-up stops with this message.</summary>
public sealed record DatabaseSettingProblem(string Message);
