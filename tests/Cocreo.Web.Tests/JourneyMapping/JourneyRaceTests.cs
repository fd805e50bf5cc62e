using System.Data.Common;
using System.Net;
using Cocreo.Web.Data;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.JourneyMapping.Journeys;

namespace Cocreo.Web.Tests.JourneyMapping;

/// <summary>
/// A change that loses a race is tried again from fresh data, and permission is asked again on what is then true:
/// here the process closes between a journey map's permission check and its save.
/// </summary>
public abstract class JourneyRaceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp, IRacingApp
{
    [Fact]
    public async Task A_map_started_while_the_process_closes_is_refused_and_not_added_after_the_close()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var form = await cast.OwnerClient.ReadFormAsync($"/processes/{cast.ProcessId}/journeys");
        form.Fields["Input.ServiceName"] = "Dog licence";

        // The owner's request has read the process (open) and is about to write: the process closes just then.
        app.Race.Arm(() => CloseAsync(cast.ProcessId));
        var response = await cast.OwnerClient.PostAsync(form.Action, form.Fields);

        Assert.False(app.Race.IsArmed, "the race did not run");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("The process is closed: it can no longer change.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<JourneyMap>().CountAsync(m => m.ProcessId == cast.ProcessId)));
        var log = await LogActionsAsync(app, cast.ProcessId);
        Assert.Equal("process.closed", log[^1]);
        Assert.DoesNotContain("journey.created", log);
    }

    /// <summary>Closes the process as another request would: in its own scope, with its log entry, committed.</summary>
    private async Task CloseAsync(int processId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var process = await db.Set<Process>().SingleAsync(p => p.Id == processId);
        while (!process.IsClosed)
        {
            process.AdvancePhase(DateTime.UtcNow);
        }
        await new ProcessLog(db, TimeProvider.System).AppendAsync(processId, LogActor.System, "process.closed");
        await db.SaveChangesAsync();
    }
}

/// <summary>An app whose next database transaction first lets something else happen (another request's change).</summary>
public interface IRacingApp
{
    Race Race { get; }
}

/// <summary>Runs an action once, just before the next database transaction of the app starts.</summary>
public sealed class Race : DbTransactionInterceptor
{
    private Func<Task>? pending;

    public bool IsArmed => Volatile.Read(ref pending) is not null;

    public void Arm(Func<Task> action) => Volatile.Write(ref pending, action);

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref pending, null) is { } action)
        {
            await action();
        }
        return result;
    }

    public static void AddTo(IWebHostBuilder builder, Race race) => builder.ConfigureTestServices(services =>
    {
        services.ConfigureDbContext<SqliteCocreoDbContext>(o => o.AddInterceptors(race));
        services.ConfigureDbContext<PostgreSqlCocreoDbContext>(o => o.AddInterceptors(race));
    });
}

public sealed class RacingSqliteApp : SqliteApp, IRacingApp
{
    public Race Race { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Race.AddTo(builder, Race);
    }
}

public sealed class RacingPostgresApp : PostgresApp, IRacingApp
{
    public Race Race { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Race.AddTo(builder, Race);
    }
}

public sealed class JourneyRaceOnSqlite(RacingSqliteApp app) : JourneyRaceTests<RacingSqliteApp>(app);

public sealed class JourneyRaceOnPostgres(RacingPostgresApp app) : JourneyRaceTests<RacingPostgresApp>(app);
