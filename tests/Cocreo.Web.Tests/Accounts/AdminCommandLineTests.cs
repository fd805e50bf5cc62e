using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Cocreo.Web.Tests.Accounts;

/// <summary><c>Cocreo.Web admin create</c>: the first administrator, with the server's own database settings.</summary>
public sealed class AdminCommandLineTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cocreo-admin-").FullName;

    private string Database => $"Data Source={Path.Combine(folder, "cocreo.db")}";

    private (int Exit, string Output, string Error) Run(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new ConfigurationBuilder().Build();
        var exit = AdminCommandLine.RunAsync(args, configuration, new Environment(folder), output, error, new StringReader(input)).GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Creates_the_first_administrator_with_a_one_time_password_and_no_default()
    {
        var (exit, output, error) = Run("", "admin", "create", "--email", "first@example.org", "--name", "First", "--connection", Database);

        Assert.True(exit == 0, error);
        Assert.Contains("first@example.org is a platform administrator.", output, StringComparison.Ordinal);
        var password = output.Split("change it after signing in): ")[1].Trim();
        Assert.True(password.Length >= 20);

        await using var db = new SqliteCocreoDbContext(new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite(Database).Options);
        var user = await db.Users.SingleAsync(u => u.Email == "first@example.org");
        Assert.True(user.EmailConfirmed);
        var isAdmin = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .AnyAsync(x => x.UserId == user.Id && x.Name == CocreoUser.PlatformAdminRole);
        Assert.True(isAdmin);

        // A second run gives nobody a new password.
        var again = Run("", "admin", "create", "--email", "first@example.org", "--connection", Database);
        Assert.Equal(0, again.Exit);
        Assert.DoesNotContain("password", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_from_standard_input_that_is_too_short_is_refused_with_the_rule()
    {
        var (exit, _, error) = Run("short\n", "admin", "create", "--email", "second@example.org", "--password-stdin", "--connection", Database);
        Assert.Equal(1, exit);
        Assert.Contains("Could not create the account", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_provider_is_named()
    {
        var (exit, _, error) = Run("", "admin", "create", "--email", "x@example.org", "--provider", "Oracle", "--connection", "x");
        Assert.Equal(1, exit);
        Assert.Contains("Database:Provider", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Cocreo.Web";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
