using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Before the app is built: checks the database settings, reaches the database and applies migrations, so that
    /// nothing (no request, no background service) meets a database that is not ready. When that is impossible it
    /// writes one line that names the setting to fix to standard error and returns false; Program then exits with 1.
    /// </summary>
    public static async Task<bool> PrepareAsync(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        DatabaseConnection connection;
        try
        {
            connection = DatabaseConnection.From(builder.Configuration, builder.Environment.ContentRootPath);
        }
        catch (InvalidDatabaseSettingException error)
        {
            return Fail(error.Message);
        }
        await using var db = connection.CreateContext();
        try
        {
            if (options.MigrateAtStart)
            {
                await db.Database.MigrateAsync();
            }
            else if (!await db.Database.CanConnectAsync())
            {
                return Fail($"Cannot connect to the {connection.Provider} database. Check Database:ConnectionString.");
            }
        }
        catch (Exception error) when (error is DbException or SocketException or InvalidOperationException or TimeoutException)
        {
            return Fail($"Cannot reach or prepare the {connection.Provider} database: {FirstLine(error)} Check Database:ConnectionString (and Database:Provider).");
        }
        return true;
    }

    internal static bool Fail(string reason)
    {
        // Logging is not built yet; an operator reads this line on the console or in the service journal.
        Console.Error.WriteLine($"Cocreo cannot start: {reason}");
        return false;
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
}
