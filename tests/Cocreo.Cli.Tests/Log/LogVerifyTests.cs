using Cocreo.Testing;
using Cocreo.Transparency;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Cli.Tests.Log;

/// <summary>
/// <c>cocreo log verify</c> on an exported file and on a database (SQLite and PostgreSQL), intact and tampered. The
/// databases are made by the platform itself, so the command's reading of the tables follows the real schema.
/// </summary>
public sealed class LogVerifyTests : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cocreo-cli-").FullName;
    private TestPostgres? postgres;

    private string Sqlite => $"Data Source={Path.Combine(folder, "cocreo.db")}";

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CocreoCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private CocreoDbContext Context(string provider) => provider == "PostgreSql"
        ? new PostgreSqlCocreoDbContext(new DbContextOptionsBuilder<PostgreSqlCocreoDbContext>().UseNpgsql(postgres!.ConnectionString).Options)
        : new SqliteCocreoDbContext(new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite(Sqlite).Options);

    private async Task<string> ConnectionAsync(string provider)
    {
        if (provider != "PostgreSql")
        {
            return Sqlite;
        }
        TestPostgres.RequireServer();
        postgres ??= await TestPostgres.CreateDatabaseAsync();
        return postgres.ConnectionString;
    }

    private async Task<int> ProcessWithLogAsync(string provider)
    {
        await using var db = Context(provider);
        await db.Database.MigrateAsync();
        var organisation = Organisation.Create("Town", OrganisationType.Municipality, SizeBand.Small, "SI", ["sl"], DateTime.UtcNow);
        db.Add(organisation);
        await db.SaveChangesAsync();
        var process = Process.Start(organisation.Id, new ProcessContent("Park", "Problem", "Purpose", "en", "Mayor", "", ""), ProcessVisibility.Public, DateTime.UtcNow);
        db.Add(process);
        await db.SaveChangesAsync();
        var log = new ProcessLog(db, TimeProvider.System);
        await log.AppendAsync(process.Id, LogActor.Named("Mayor", "owner"), "process.created", new { title = "Park" });
        process.AdvancePhase(DateTime.UtcNow);
        await log.AppendAsync(process.Id, LogActor.Named("Mayor", "owner"), "phase.advanced", new { from = "ProblemDefinition", to = "SolutionDesign" });
        await log.AppendAsync(process.Id, LogActor.Private("participant"), "member.joined", new { role = "participant" });
        await db.SaveChangesAsync();
        return process.Id;
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task The_database_log_verifies_until_an_entry_is_edited(string provider)
    {
        var connection = await ConnectionAsync(provider);
        var id = await ProcessWithLogAsync(provider);

        var intact = Run("log", "verify", "--provider", provider, "--connection", connection);
        Assert.True(intact.Exit == 0, intact.Error + intact.Output);
        Assert.Contains($"Process {id}: Intact: 3 entries", intact.Output, StringComparison.Ordinal);

        await using (var db = Context(provider))
        {
            await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == id && e.Sequence == 2)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorRole, "admin"));
        }
        var broken = Run("log", "verify", "--provider", provider, "--connection", connection, "--process", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, broken.Exit);
        Assert.Contains("Broken at entry 2: the entry was edited.", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_last_entry_is_found_against_the_recorded_head()
    {
        var id = await ProcessWithLogAsync("Sqlite");
        await using (var db = Context("Sqlite"))
        {
            await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == id && e.Sequence == 3).ExecuteDeleteAsync();
        }
        var broken = Run("log", "verify", "--connection", Sqlite);
        Assert.Equal(2, broken.Exit);
        Assert.Contains("Broken at entry 3: the entry was removed.", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exported_file_verifies_and_a_changed_file_names_the_entry()
    {
        var id = await ProcessWithLogAsync("Sqlite");
        string json;
        await using (var db = Context("Sqlite"))
        {
            var process = await db.Set<Process>().SingleAsync(p => p.Id == id);
            var log = new ProcessLog(db, TimeProvider.System);
            var entries = await log.EntriesAsync(id);
            var (length, head) = await log.HeadAsync(id);
            json = LogExport.Write(id, process.Title, length, head, DateTime.UtcNow, entries.Select(e => e.ToRecord()));
        }
        var file = Path.Combine(folder, "log.json");
        await File.WriteAllTextAsync(file, json);
        Assert.Equal(0, Run("log", "verify", file).Exit);

        await File.WriteAllTextAsync(file, json.Replace("\"participant\"", "\"observer\"", StringComparison.Ordinal));
        var broken = Run("log", "verify", file);
        Assert.Equal(2, broken.Exit);
        Assert.Contains("Broken at entry 3", broken.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The two attacks that pass a plain chain check: removing the last entries and rolling back the recorded head,
    /// and editing a middle entry and re-chaining everything after it. A checkpoint kept from before catches both.
    /// </summary>
    [Theory]
    [InlineData("rolled back", "Checkpoint: Rolled back")]
    [InlineData("re-chained", "Checkpoint: Rewritten")]
    public async Task A_kept_checkpoint_catches_a_log_that_still_verifies_after_tampering(string attack, string found)
    {
        var id = await ProcessWithLogAsync("Sqlite");
        using var key = CheckpointKeys.Create();
        var keyFile = Path.Combine(folder, "key.pem");
        await File.WriteAllTextAsync(keyFile, CheckpointKeys.PublicPem(key));
        var checkpointFile = Path.Combine(folder, "checkpoint.json");
        await using (var db = Context("Sqlite"))
        {
            var (length, head) = await new ProcessLog(db, TimeProvider.System).HeadAsync(id);
            await File.WriteAllTextAsync(checkpointFile, LogCheckpoint.Sign(id, length, head, DateTime.UtcNow, key).ToJson());
        }
        var before = Path.Combine(folder, "before.json");
        await File.WriteAllTextAsync(before, await ExportAsync(id));
        Assert.Equal(0, Run("log", "verify", before, "--checkpoint", checkpointFile, "--public-key", keyFile).Exit);

        await using (var db = Context("Sqlite"))
        {
            var entries = await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == id).OrderBy(e => e.Sequence).ToListAsync();
            var records = entries.Select(e => e.ToRecord()).ToList();
            if (attack == "rolled back")
            {
                records = records.Take(2).ToList();
            }
            else
            {
                // Entry 2 says something else, and every hash from it on is computed again: the chain is whole.
                var previous = records[0].Hash;
                for (var i = 1; i < records.Count; i++)
                {
                    var data = i == 1 ? LogChain.CanonicalData(new { from = "ProblemDefinition", to = "Evaluation" }) : records[i].Data;
                    var hash = LogChain.ComputeHash(id, records[i].Sequence, records[i].OccurredAt, records[i].ActorName, records[i].ActorRole, records[i].Action, data, previous);
                    records[i] = records[i] with { Data = data, PreviousHash = previous, Hash = hash };
                    previous = hash;
                }
            }
            await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == id).ExecuteDeleteAsync();
            db.AddRange(records.Select(r => new ProcessLogEntry { ProcessId = id, Sequence = r.Sequence, OccurredAt = r.OccurredAt, ActorName = r.ActorName, ActorRole = r.ActorRole, Action = r.Action, Data = r.Data, PreviousHash = r.PreviousHash, Hash = r.Hash }));
            await db.SaveChangesAsync();
            await db.Set<ProcessLogHead>().Where(h => h.ProcessId == id)
                .ExecuteUpdateAsync(h => h.SetProperty(x => x.Length, records.Count).SetProperty(x => x.Hash, records[^1].Hash));
        }
        var after = Path.Combine(folder, "after.json");
        await File.WriteAllTextAsync(after, await ExportAsync(id));

        // The chain alone, in the database and in the export, looks intact: that is the attack.
        Assert.Equal(0, Run("log", "verify", "--connection", Sqlite).Exit);
        Assert.Equal(0, Run("log", "verify", after).Exit);
        var caught = Run("log", "verify", after, "--checkpoint", checkpointFile, "--public-key", keyFile);
        Assert.Equal(2, caught.Exit);
        Assert.Contains(found, caught.Output, StringComparison.Ordinal);
        Assert.Contains("Checkpoint signature: valid", caught.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_signed_with_another_key_is_refused()
    {
        var id = await ProcessWithLogAsync("Sqlite");
        using var platform = CheckpointKeys.Create();
        using var forger = CheckpointKeys.Create();
        var log = Path.Combine(folder, "log.json");
        await File.WriteAllTextAsync(log, await ExportAsync(id));
        var checkpoint = Path.Combine(folder, "forged.json");
        await File.WriteAllTextAsync(checkpoint, LogCheckpoint.Sign(id, 0, LogChain.GenesisHash, DateTime.UtcNow, forger).ToJson());
        var key = Path.Combine(folder, "platform.pem");
        await File.WriteAllTextAsync(key, CheckpointKeys.PublicPem(platform));

        var result = Run("log", "verify", log, "--checkpoint", checkpoint, "--public-key", key);
        Assert.Equal(2, result.Exit);
        Assert.Contains("NOT made with this key", result.Output, StringComparison.Ordinal);
    }

    private async Task<string> ExportAsync(int processId)
    {
        await using var db = Context("Sqlite");
        var process = await db.Set<Process>().SingleAsync(p => p.Id == processId);
        var log = new ProcessLog(db, TimeProvider.System);
        var (length, head) = await log.HeadAsync(processId);
        return LogExport.Write(processId, process.Title, length, head, DateTime.UtcNow, (await log.EntriesAsync(processId)).Select(e => e.ToRecord()));
    }

    [Fact]
    public void A_file_that_is_not_a_log_export_gets_a_clear_error()
    {
        var file = Path.Combine(folder, "other.json");
        File.WriteAllText(file, "{\"hello\": 1}");
        var result = Run("log", "verify", file);
        Assert.Equal(1, result.Exit);
        Assert.Contains("Not a Cocreo process log export", result.Error, StringComparison.Ordinal);

        var missing = Run("log", "verify", Path.Combine(folder, "missing.json"));
        Assert.Equal(1, missing.Exit);
        Assert.Contains("no such file", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_database_setting_the_command_says_what_to_give()
    {
        var wrong = Run("log", "verify", "--provider", "Oracle", "--connection", "x");
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("Database:Provider", wrong.Error, StringComparison.Ordinal);

        var nowhere = Run("log", "verify", "--connection", $"Data Source={Path.Combine(folder, "none.db")}");
        Assert.Equal(1, nowhere.Exit);
        Assert.Contains("There is no SQLite database", nowhere.Error, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}
