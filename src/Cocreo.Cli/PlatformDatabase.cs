using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Cocreo.Cli;

/// <summary>
/// Opens the platform's database from the command line, with the same settings the web app reads:
/// <c>--provider</c>/<c>--connection</c>, or the environment variables Database__Provider and Database__ConnectionString.
/// </summary>
internal static class PlatformDatabase
{
    public static ServiceProvider Open(string? provider, string? connection)
    {
        var settings = new Dictionary<string, string?>();
        if (provider is not null)
        {
            settings["Database:Provider"] = provider;
        }
        if (connection is not null)
        {
            settings["Database:ConnectionString"] = connection;
        }
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        if (string.IsNullOrWhiteSpace(configuration["Database:ConnectionString"]))
        {
            throw new InvalidDatabaseSettingException(
                "Say which database to use: --connection \"Data Source=path/to/cocreo.db\" (SQLite) or --provider PostgreSql --connection \"Host=...;Database=...\", or set Database__Provider and Database__ConnectionString.");
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCocreoDatabase(configuration, new CommandLineEnvironment());
        services.AddIdentityCore<CocreoUser>(AccountsFeature.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CocreoDbContext>();
        var provided = services.BuildServiceProvider();
        var problem = provided.GetService<DatabaseSettingProblem>();
        if (problem is not null)
        {
            provided.Dispose();
            throw new InvalidDatabaseSettingException(problem.Message);
        }
        return provided;
    }

    private sealed class CommandLineEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "cocreo";
        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
