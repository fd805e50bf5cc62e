using System.CommandLine;
using System.Security.Cryptography;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Cli.Admin;

/// <summary>
/// <c>cocreo admin create</c>: makes the first platform administrator without any default password. An existing
/// account is given the role; a new one gets the password read from standard input, or a random one printed once.
/// </summary>
public static class AdminCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The administrator's email address.", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown to others (for a new account)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the new account's password from standard input." };
        var provider = new Option<string?>("--provider") { Description = "Sqlite or PostgreSql (default: Database__Provider, else Sqlite)." };
        var connection = new Option<string?>("--connection") { Description = "The database connection string (default: Database__ConnectionString)." };

        var create = new Command("create", "Create a platform administrator, or give an existing account that role.")
        {
            email, name, passwordStdin, provider, connection,
        };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                await using var services = PlatformDatabase.Open(parse.GetValue(provider), parse.GetValue(connection));
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CocreoDbContext>().Database.MigrateAsync(cancellationToken);
                var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
                await AccountsFeature.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
                var address = parse.GetValue(email)!.Trim();
                var user = await users.FindByEmailAsync(address);
                string? generated = null;
                if (user is null)
                {
                    var password = parse.GetValue(passwordStdin) ? (await Console.In.ReadLineAsync(cancellationToken))?.Trim() : null;
                    if (string.IsNullOrEmpty(password))
                    {
                        password = generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
                    }
                    user = new CocreoUser
                    {
                        UserName = address,
                        Email = address,
                        EmailConfirmed = true,
                        DisplayName = parse.GetValue(name) ?? address.Split('@')[0],
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
            catch (InvalidDatabaseSettingException failure)
            {
                await error.WriteLineAsync(failure.Message);
                return 1;
            }
        });
        return new Command("admin", "Platform administration.") { create };
    }
}
