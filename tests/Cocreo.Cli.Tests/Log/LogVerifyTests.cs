using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Cli.Tests.Log;

/// <summary><c>cocreo log verify</c> on an exported file and on a database, intact and tampered.</summary>
public sealed class LogVerifyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cocreo-cli-").FullName;

    private string Database => $"Data Source={Path.Combine(folder, "cocreo.db")}";

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CocreoCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<int> ProcessWithLogAsync()
    {
        await using var db = new SqliteCocreoDbContext(new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite(Database).Options);
        await db.Database.MigrateAsync();
        var organisation = Organisation.Create("Town", OrganisationType.Municipality, SizeBand.Small, "SI", ["sl"], DateTime.UtcNow);
        db.Add(organisation);
        await db.SaveChangesAsync();
        var process = Process.Start(organisation.Id, new ProcessContent("Park", "Problem", "Purpose", "en", "Mayor", "", ""), ProcessVisibility.Public, DateTime.UtcNow);
        db.Add(process);
        await db.SaveChangesAsync();
        var log = new ProcessLog(db, TimeProvider.System);
        log.Append(process, LogActor.Named("Mayor", "owner"), "process.created", new { title = "Park" });
        process.AdvancePhase(DateTime.UtcNow);
        log.Append(process, LogActor.Named("Mayor", "owner"), "phase.advanced", new { from = "ProblemDefinition", to = "SolutionDesign" });
        log.Append(process, LogActor.Private("participant"), "member.joined", new { role = "participant" });
        await db.SaveChangesAsync();
        return process.Id;
    }

    private async Task TamperAsync(int processId, long sequence)
    {
        await using var db = new SqliteCocreoDbContext(new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite(Database).Options);
        await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == processId && e.Sequence == sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorRole, "admin"));
    }

    [Fact]
    public async Task The_database_log_verifies_until_an_entry_is_edited()
    {
        var id = await ProcessWithLogAsync();

        var intact = Run("log", "verify", "--connection", Database);
        Assert.Equal(0, intact.Exit);
        Assert.Contains($"Process {id}: Intact: 3 entries", intact.Output, StringComparison.Ordinal);

        await TamperAsync(id, 2);
        var broken = Run("log", "verify", "--connection", Database, "--process", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, broken.Exit);
        Assert.Contains("Broken at entry 2: the entry was edited.", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exported_file_verifies_and_a_changed_file_names_the_entry()
    {
        var id = await ProcessWithLogAsync();
        string json;
        await using (var db = new SqliteCocreoDbContext(new DbContextOptionsBuilder<SqliteCocreoDbContext>().UseSqlite(Database).Options))
        {
            var process = await db.Set<Process>().SingleAsync(p => p.Id == id);
            var entries = await new ProcessLog(db, TimeProvider.System).EntriesAsync(id);
            json = LogExport.Write(id, process.Title, process.LogLength, process.LogHeadHash, DateTime.UtcNow, entries.Select(e => e.ToRecord()));
        }
        var file = Path.Combine(folder, "log.json");
        await File.WriteAllTextAsync(file, json);
        Assert.Equal(0, Run("log", "verify", file).Exit);

        await File.WriteAllTextAsync(file, json.Replace("\"participant\"", "\"observer\"", StringComparison.Ordinal));
        var broken = Run("log", "verify", file);
        Assert.Equal(2, broken.Exit);
        Assert.Contains("Broken at entry 3", broken.Output, StringComparison.Ordinal);
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
        var result = Run("log", "verify", "--provider", "Oracle", "--connection", "x");
        Assert.Equal(1, result.Exit);
        Assert.Contains("Database:Provider", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
