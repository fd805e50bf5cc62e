using System.CommandLine;
using System.Security.Cryptography;
using Cocreo.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// <c>Cocreo.Web admin create</c>: makes the first platform administrator without any default password, with the
/// same database settings as the server (appsettings, Database__Provider and Database__ConnectionString, or
/// <c>--provider</c> and <c>--connection</c>). An existing account is given the role; a new one gets the password
/// read from standard input, or a random one printed once.
/// </summary>
public static class AdminCommandLine
{
    public static Task<int> RunAsync(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output, TextWriter error, TextReader input) =>
        Platform.Hosting.ServerCommands.RunAsync(args, configuration, environment, output, error, input);

    /// <summary>The <c>admin</c> command and its <c>create</c> subcommand.</summary>
    public static Command Command(IConfiguration configuration, IHostEnvironment environment, TextReader input)
    {
        var email = new Option<string>("--email") { Description = "The administrator's email address.", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown to others (for a new account)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the new account's password from standard input." };
        var provider = new Option<string?>("--provider") { Description = "Sqlite or PostgreSql (default: Database:Provider)." };
        var connection = new Option<string?>("--connection") { Description = "The database connection string (default: Database:ConnectionString)." };
        var create = new Command("create", "Create a platform administrator, or give an existing account that role.") { email, name, passwordStdin, provider, connection };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(provider) is { } chosenProvider)
            {
                overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = chosenProvider;
            }
            if (parse.GetValue(connection) is { } chosenConnection)
            {
                overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}"] = chosenConnection;
            }
            var settings = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
            try
            {
                var password = parse.GetValue(passwordStdin) ? (await input.ReadLineAsync(cancellationToken))?.Trim() : null;
                return await CreateAsync(DatabaseConnection.From(settings, environment.ContentRootPath), parse.GetValue(email)!.Trim(), parse.GetValue(name), password, output, error, cancellationToken);
            }
            catch (InvalidDatabaseSettingException failure)
            {
                await error.WriteLineAsync(failure.Message);
                return 1;
            }
        });
        return new Command("admin", "Platform administration.") { create };
    }

    private static async Task<int> CreateAsync(DatabaseConnection database, string address, string? name, string? password, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => database.CreateContext());
        services.AddIdentityCore<CocreoUser>(AccountsCapability.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CocreoDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CocreoDbContext>().Database.MigrateAsync(cancellationToken);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
        await AccountsCapability.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var user = await users.FindByEmailAsync(address);
        string? generated = null;
        if (user is null)
        {
            if (string.IsNullOrEmpty(password))
            {
                password = generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            }
            user = new CocreoUser
            {
                UserName = address,
                Email = address,
                EmailConfirmed = true,
                DisplayName = name ?? address.Split('@')[0],
                CreatedAt = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await error.WriteLineAsync("Could not create the account: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                return 1;
            }
        }
        if (!await users.IsInRoleAsync(user, CocreoUser.PlatformAdminRole))
        {
            await users.AddToRoleAsync(user, CocreoUser.PlatformAdminRole);
        }
        await output.WriteLineAsync($"{address} is a platform administrator.");
        if (generated is not null)
        {
            await output.WriteLineAsync($"One-time password (shown only now; change it after signing in): {generated}");
        }
        return 0;
    }
}
