using Cocreo.Web.Data;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Cocreo.Web.Bench;

/// <summary>The app's services on a database, without its web server, to set up and check load tests.</summary>
public static class BenchServices
{
    public static async Task<WebApplication> OpenAsync(string provider, string connection)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["Database:ConnectionString"] = connection;
        builder.Configuration["Demo:Enabled"] = "false";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning";
        builder.AddCocreoPlatform();
        // Standard output carries the results the scripts read; logs go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical);
        if (!await DatabaseStartup.PrepareAsync(builder))
        {
            throw new InvalidOperationException("The database could not be prepared.");
        }
        return builder.Build();
    }
}
