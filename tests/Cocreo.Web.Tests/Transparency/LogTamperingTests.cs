using Cocreo.Transparency;
using Cocreo.Web.Platform.Log;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Transparency;

/// <summary>Someone with access to the database changes the log behind the platform's back; verification names the entry.</summary>
public abstract class LogTamperingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private async Task<(ProcessCast Cast, int Id)> ProcessWithFiveEntriesAsync()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/phases", [], handler: "Advance");
        await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/phases", [], handler: "Advance");
        var verification = await VerifyAsync(cast);
        Assert.True(verification.GetProperty("isIntact").GetBoolean());
        return (cast, cast.ProcessId);
    }

    private static async Task<JsonElement> VerifyAsync(ProcessCast cast)
    {
        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        return log.GetProperty("verification");
    }

    [Fact]
    public async Task Editing_an_entry_is_detected_at_that_entry()
    {
        var (cast, id) = await ProcessWithFiveEntriesAsync();
        await App.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == id && e.Sequence == 4)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Data, "{\"from\":\"ProblemDefinition\",\"to\":\"Evaluation\"}")));

        var verification = await VerifyAsync(cast);
        Assert.False(verification.GetProperty("isIntact").GetBoolean());
        Assert.Equal(4, verification.GetProperty("firstBadSequence").GetInt64());
        Assert.Equal("Edited", verification.GetProperty("problem").GetString());
        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{id}/log");
        Assert.Contains("Entry 4 was edited", page.QuerySelector(".verify-bad")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_who_acted_is_detected()
    {
        var (cast, id) = await ProcessWithFiveEntriesAsync();
        await App.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == id && e.Sequence == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "Someone Else")));
        Assert.Equal(1, (await VerifyAsync(cast)).GetProperty("firstBadSequence").GetInt64());
    }

    [Fact]
    public async Task Deleting_an_entry_is_detected_and_named()
    {
        var (cast, id) = await ProcessWithFiveEntriesAsync();
        await App.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == id && e.Sequence == 2).ExecuteDeleteAsync());
        var verification = await VerifyAsync(cast);
        Assert.Equal(2, verification.GetProperty("firstBadSequence").GetInt64());
        Assert.Equal("Removed", verification.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Deleting_the_last_entry_is_detected()
    {
        var (cast, id) = await ProcessWithFiveEntriesAsync();
        await App.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == id && e.Sequence == 5).ExecuteDeleteAsync());
        var verification = await VerifyAsync(cast);
        Assert.Equal(5, verification.GetProperty("firstBadSequence").GetInt64());
    }

    [Fact]
    public async Task Reordering_entries_is_detected()
    {
        var (cast, id) = await ProcessWithFiveEntriesAsync();
        await App.WithDbAsync(async db =>
        {
            var entries = db.Set<ProcessLogEntry>().Where(e => e.ProcessId == id);
            await entries.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Sequence, -2));
            await entries.Where(e => e.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.Sequence, 2));
            await entries.Where(e => e.Sequence == -2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Sequence, 3));
        });
        var verification = await VerifyAsync(cast);
        Assert.False(verification.GetProperty("isIntact").GetBoolean());
        Assert.Equal(2, verification.GetProperty("firstBadSequence").GetInt64());
    }

    [Fact]
    public async Task The_export_verifies_offline_and_reveals_tampering_in_the_file()
    {
        var (cast, id) = await ProcessWithFiveEntriesAsync();
        var json = await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/processes/{id}/log/export");
        Assert.True(LogExport.Read(json).Verify().IsIntact);
        var tampered = LogExport.Read(json.Replace("\"SolutionDesign\"", "\"Evaluation\"", StringComparison.Ordinal));
        Assert.False(tampered.Verify().IsIntact);
    }
}

public sealed class LogTamperingOnSqlite(SqliteApp app) : LogTamperingTests<SqliteApp>(app);

public sealed class LogTamperingOnPostgres(PostgresApp app) : LogTamperingTests<PostgresApp>(app);
