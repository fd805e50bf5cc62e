using System.Net.Http.Json;
using Cocreo.Transparency;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cocreo.Web.Tests.Transparency;

/// <summary>
/// The platform signs checkpoints of every log: at a phase change, with an announcement (whose e-mails carry it) and,
/// for logs that moved, at least daily; anyone verifies them with the published key.
/// </summary>
public abstract class CheckpointTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task A_phase_change_is_checkpointed_and_the_checkpoint_verifies_with_the_published_key()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var advance = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/phases", new() { ["from"] = "ProblemDefinition" }, handler: "Advance");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, advance.StatusCode);

        var feed = await cast.AnonymousClient.Http.GetFromJsonAsync<List<CheckpointDocument>>($"/api/v1/processes/{cast.ProcessId}/log/checkpoints");
        var key = await cast.AnonymousClient.Http.GetFromJsonAsync<SigningKeyDocument>("/api/v1/transparency/signing-key");
        var newest = LogCheckpoint.Read(System.Text.Json.JsonSerializer.Serialize(feed![0]));
        using var publicKey = CheckpointKeys.FromPem(key!.PublicKeyPem);
        Assert.True(newest.IsSignedBy(publicKey));

        var export = LogExport.Read(await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/processes/{cast.ProcessId}/log/export"));
        Assert.Equal(export.Length, newest.Length);
        Assert.Equal("phase.advanced", export.Entries[^1].Action);
        Assert.True(newest.CheckAgainst(cast.ProcessId, export.Entries).Holds);

        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}");
        Assert.Contains($"covering {newest.Length} entries", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_phase_change_is_checkpointed_like_a_process_phase_change()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await Budgeting.BudgetingScenario.CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        Assert.Contains("Review", await Budgeting.BudgetingScenario.AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);

        var feed = await cast.AnonymousClient.Http.GetFromJsonAsync<List<CheckpointDocument>>($"/api/v1/processes/{cast.ProcessId}/log/checkpoints");
        Assert.NotEmpty(feed!);
        var newest = LogCheckpoint.Read(System.Text.Json.JsonSerializer.Serialize(feed![0]));
        using var publicKey = CheckpointKeys.FromPem((await cast.AnonymousClient.Http.GetFromJsonAsync<SigningKeyDocument>("/api/v1/transparency/signing-key"))!.PublicKeyPem);
        Assert.True(newest.IsSignedBy(publicKey));
        var export = LogExport.Read(await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/processes/{cast.ProcessId}/log/export"));
        Assert.Equal("budget.phase-advanced", export.Entries[^1].Action);
        Assert.Equal(export.Length, newest.Length);
        Assert.True(newest.CheckAgainst(cast.ProcessId, export.Entries).Holds);
    }

    [Fact]
    public async Task An_announcement_e_mail_carries_a_checkpoint_of_the_log_with_the_announcement()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var title = "Checkpointed news " + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            db.Add(new Cocreo.Web.Features.Notifications.NotificationPreference { UserId = cast.Participant.Id, Email = Cocreo.Web.Features.Notifications.EmailFrequency.Immediately });
            await db.SaveChangesAsync();
        });
        await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/announcements/new", new() { ["Input.Title"] = title, ["Input.Body"] = "See you there." });
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Cocreo.Web.Features.Notifications.NotificationFanOut>().RunAsync(CancellationToken.None);
        }

        var dispatcher = app.Services.GetServices<IHostedService>().OfType<Cocreo.Web.Platform.Email.EmailDispatcher>().Single();
        await dispatcher.SendBatchAsync(CancellationToken.None);
        var mail = await Accounts.Mailbox.WaitForAsync(app, m => (m.Subject ?? "").Contains(title, StringComparison.Ordinal) || (m.TextBody ?? "").Contains(title, StringComparison.Ordinal));
        var body = mail.TextBody ?? "";
        var checkpoint = LogCheckpoint.Read(body[body.IndexOf('{', StringComparison.Ordinal)..(body.LastIndexOf('}') + 1)]);

        using var key = CheckpointKeys.FromPem(app.Services.GetRequiredService<CheckpointKey>().PublicPem);
        Assert.True(checkpoint.IsSignedBy(key));
        var export = LogExport.Read(await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/processes/{cast.ProcessId}/log/export"));
        Assert.Equal("announcement.published", export.Entries[(int)checkpoint.Length - 1].Action);
        Assert.True(checkpoint.CheckAgainst(cast.ProcessId, export.Entries).Holds);
    }

    [Fact]
    public async Task Logs_that_moved_are_checkpointed_once_a_day_by_one_instance()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        async Task<int> CheckpointsAsync() => await app.WithDbAsync(db => db.Set<ProcessLogCheckpoint>().CountAsync(c => c.ProcessId == cast.ProcessId));
        var before = await CheckpointsAsync();

        var scheduler = app.Services.GetServices<IHostedService>().OfType<CheckpointScheduler>().Single();
        await scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Equal(before + 1, await CheckpointsAsync());

        // Nothing moved since: the next round writes nothing for this log.
        await scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Equal(before + 1, await CheckpointsAsync());
    }
}

public sealed class CheckpointsOnSqlite(SqliteApp app) : CheckpointTests<SqliteApp>(app);

public sealed class CheckpointsOnPostgres(PostgresApp app) : CheckpointTests<PostgresApp>(app);
