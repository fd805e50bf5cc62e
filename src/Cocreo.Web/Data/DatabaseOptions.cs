namespace Cocreo.Web.Data;

/// <summary>Which database the platform runs on. Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default: an embedded file) or <c>PostgreSql</c> (production, several app instances).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The provider's connection string. Defaults to a SQLite file under App_Data.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start (default). Turn off when migrations are applied by a release step.</summary>
    public bool MigrateAtStart { get; set; } = true;

    public DatabaseProvider ParsedProvider => Provider.Trim().ToUpperInvariant() switch
    {
        "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new InvalidDatabaseSettingException(
            $"Database:Provider must be 'Sqlite' or 'PostgreSql', not '{Provider}'. Set it in appsettings.json or the environment variable Database__Provider."),
    };
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>A database setting that makes start-up impossible; its message names the setting to fix.</summary>
public sealed class InvalidDatabaseSettingException(string message, Exception? inner = null) : Exception(message, inner);
