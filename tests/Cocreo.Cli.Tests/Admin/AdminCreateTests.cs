using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Cli.Tests.Admin;

public sealed class AdminCreateTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cocreo-cli-").FullName;

    private string Database => $"Data Source={Path.Combine(folder, "cocreo.db")}";

    [Fact]
    public async Task Creates_the_first_administrator_with_a_one_time_password_and_no_default()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CocreoCommand.Run(["admin", "create", "--email", "first@example.org", "--name", "First", "--connection", Database], output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("first@example.org is a platform administrator.", output.ToString(), StringComparison.Ordinal);
        var password = output.ToString().Split("change it after signing in): ")[1].Trim();
        Assert.True(password.Length >= 20);

        await using var db = new SqliteCocreoDbContext(new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite(Database).Options);
        var user = await db.Users.SingleAsync(u => u.Email == "first@example.org");
        Assert.True(user.EmailConfirmed);
        var isAdmin = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .AnyAsync(x => x.UserId == user.Id && x.Name == CocreoUser.PlatformAdminRole);
        Assert.True(isAdmin);

        // A second run gives nobody a new password.
        var again = new StringWriter();
        Assert.Equal(0, CocreoCommand.Run(["admin", "create", "--email", "first@example.org", "--connection", Database], again, new StringWriter()));
        Assert.DoesNotContain("password", again.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
