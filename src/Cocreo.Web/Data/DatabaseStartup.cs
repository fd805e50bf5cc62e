using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Data;

public static partial class DatabaseStartup
{
    /// <summary>
    /// Checks the database settings, reaches the database and applies migrations. Returns false, after logging a
    /// message that names the setting to fix, when the platform cannot start on this database.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cocreo.Database");
        var problem = app.Services.GetService<DatabaseSettingProblem>();
        if (problem is not null)
        {
            LogCannotStart(logger, problem.Message);
            return false;
        }

        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        try
        {
            if (options.MigrateAtStart)
            {
                await db.Database.MigrateAsync();
            }
            else if (!await db.Database.CanConnectAsync())
            {
                LogCannotStart(logger, $"Cannot connect to the {options.ParsedProvider} database. Check Database:ConnectionString.");
                return false;
            }
        }
        catch (Exception error) when (error is DbException or SocketException or InvalidOperationException or TimeoutException)
        {
            LogCannotStart(logger,
                $"Cannot reach or prepare the {options.ParsedProvider} database: {FirstLine(error)} Check Database:ConnectionString (and Database:Provider).");
            return false;
        }
        return true;
    }

    private static string FirstLine(Exception error)
    {
        var innermost = error;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }
        var message = innermost.Message.Split('\n')[0].Trim();
        return message.EndsWith('.') ? message : message + ".";
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cocreo cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}
