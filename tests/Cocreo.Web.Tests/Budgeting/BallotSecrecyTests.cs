using System.Data.Common;
using System.Globalization;
using System.Text;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// What a person chose cannot be joined to who they are, even by someone holding a copy of the database (its files,
/// its write-ahead log) taken while voting is open: ballots are sealed with an election key that is not in the
/// database, and opened, shuffled and written again only when voting closes, after which the key is destroyed.
/// </summary>
public abstract class BallotSecrecyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private const int Voters = 20;
    private const int Projects = 12;

    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private bool OnPostgres => App.Provider.Equals("PostgreSql", StringComparison.Ordinal);

    [Fact]
    public async Task The_schema_holds_no_link_between_a_ballot_and_its_voter()
    {
        await App.WithDbAsync(db =>
        {
            var ballot = db.Model.FindEntityType(typeof(BudgetBallot))!;
            var sealedBallot = db.Model.FindEntityType(typeof(SealedBallot))!;
            var receipt = db.Model.FindEntityType(typeof(BallotReceiptEntry))!;
            var voter = db.Model.FindEntityType(typeof(BudgetVoter))!;
            Assert.Equal(["Answers", "BudgetId", "Id", "IsPaper", "Points", "Projects"], ballot.GetProperties().Select(p => p.Name).Order());
            Assert.Equal(["BudgetId", "ChangeCodeHash", "Id", "Receipt", "Sealed"], sealedBallot.GetProperties().Select(p => p.Name).Order());
            Assert.Equal(["BudgetId", "Id", "Receipt"], receipt.GetProperties().Select(p => p.Name).Order());
            // The channel (online or paper) is what the reconciliation counts; it says no more than a ballot's IsPaper.
            Assert.Equal(["BudgetId", "Channel", "Id", "VoterKey"], voter.GetProperties().Select(p => p.Name).Order());
            foreach (var table in new[] { ballot, sealedBallot, receipt, voter })
            {
                // The only foreign key is to the budget; no time, no identifier the database hands out in sequence.
                Assert.Equal([typeof(Budget)], table.GetForeignKeys().Select(k => k.PrincipalEntityType.ClrType));
                Assert.DoesNotContain(table.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateTimeOffset));
                Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, table.FindPrimaryKey()!.Properties.Single().ValueGenerated);
                Assert.Empty(table.GetNavigations());
            }
            Assert.DoesNotContain(db.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()),
                k => k.PrincipalEntityType == ballot || k.PrincipalEntityType == voter || k.PrincipalEntityType == sealedBallot || k.PrincipalEntityType == receipt);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Finding 2 of the security review, replayed: voters vote one at a time (each in a transaction of its own, the
    /// worst case), and the attacker reads everything the database holds while voting is open — every row of every
    /// table joined to the voters' markers on their transaction id (PostgreSQL), and the raw bytes of the database
    /// file and its write-ahead log (SQLite). Every voter's choice is a distinct list of five projects, so any
    /// plaintext copy of a ballot would be found.
    /// </summary>
    [Fact]
    public async Task A_copy_of_the_database_taken_while_voting_is_open_links_no_voter_to_a_choice()
    {
        var (cast, budgetId, codes) = await OpenAsync(Voters);
        var choices = new Dictionary<string, string>();
        for (var i = 0; i < Voters; i++)
        {
            var projects = DistinctChoiceOf(i);
            await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes[$"R{i + 1}"], projects));
            choices[$"R{i + 1}"] = string.Join(',', projects);
        }
        var voterOf = await VoterKeysAsync(budgetId);

        if (OnPostgres)
        {
            // The join of finding 2 still finds which sealed ballot each marker was written with...
            var joined = await QueryAsync($"SELECT v.\"VoterKey\", s.\"Id\" FROM \"{BallotTables.Voters}\" v JOIN \"{BallotTables.Sealed}\" s ON s.xmin = v.xmin WHERE v.\"BudgetId\" = {budgetId}");
            Assert.Equal(Voters, joined.Count);
            // ...but no row of any table written in a voter's transaction holds that voter's choice,
            var linked = 0;
            foreach (var table in await TablesAsync())
            {
                foreach (var row in await QueryAsync($"SELECT v.\"VoterKey\", row_to_json(t)::text FROM \"{BallotTables.Voters}\" v JOIN \"{table}\" t ON t.xmin = v.xmin WHERE v.\"BudgetId\" = {budgetId}"))
                {
                    linked += choices.TryGetValue(voterOf[row[0]], out var choice) && row[1].Contains(choice, StringComparison.Ordinal) ? 1 : 0;
                }
            }
            Assert.Equal(0, linked);
            // and no row anywhere holds any choice at all.
            foreach (var table in await TablesAsync())
            {
                var rows = await QueryAsync($"SELECT row_to_json(t)::text FROM \"{table}\" t");
                Assert.DoesNotContain(rows, row => choices.Values.Any(choice => row[0].Contains(choice, StringComparison.Ordinal)));
            }
        }
        else
        {
            // The database file, its write-ahead log and its shared memory, byte for byte, with every frame each
            // commit appended: no choice is in them in any form SQLite stores text.
            var bytes = DatabaseFiles().Select(ReadShared).ToList();
            Assert.NotEmpty(bytes);
            foreach (var choice in choices.Values)
            {
                Assert.All(bytes, file => Assert.Equal(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(choice))));
            }
        }

        // Every sealed ballot has the same length, whatever it holds; and it opens only with the key, which is not in the database.
        var sealedBallots = await App.WithDbAsync(db => db.Set<SealedBallot>().Where(b => b.BudgetId == budgetId).ToListAsync());
        Assert.Single(sealedBallots.Select(b => b.Sealed.Length).Distinct());
        var key = App.Services.GetRequiredService<ElectionKeys>().Find(budgetId)!;
        Assert.Equal(choices.Values.Order(), sealedBallots.Select(b => BallotSeal.Open(key, b).Projects).Order());
        Assert.Throws<System.Security.Cryptography.AuthenticationTagMismatchException>(() => BallotSeal.Open(new byte[ElectionKeys.KeySize], sealedBallots[0]));
        if (OnPostgres)
        {
            var hex = Convert.ToHexStringLower(key);
            foreach (var table in await TablesAsync())
            {
                Assert.DoesNotContain(await QueryAsync($"SELECT row_to_json(t)::text FROM \"{table}\" t"), row => row[0].Contains(hex, StringComparison.Ordinal));
            }
        }
        else
        {
            Assert.All(DatabaseFiles().Select(ReadShared), file => Assert.Equal(-1, file.AsSpan().IndexOf(key)));
        }
    }

    [Fact]
    public async Task Closing_opens_shuffles_and_rewrites_every_ballot_then_destroys_the_key()
    {
        var (cast, budgetId, codes) = await OpenAsync(Voters);
        var receipts = new List<string>();
        for (var i = 0; i < Voters; i++)
        {
            receipts.Add(await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes[$"R{i + 1}"], ChoiceOf(i))));
        }
        var keys = App.Services.GetRequiredService<ElectionKeys>();
        Assert.NotNull(keys.Find(budgetId));
        // What a backup taken now would hold.
        var backup = await App.WithDbAsync(db => db.Set<SealedBallot>().AsNoTracking().Where(b => b.BudgetId == budgetId).ToListAsync());

        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);

        Assert.Null(keys.Find(budgetId));
        Assert.DoesNotContain(budgetId, keys.Held());
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<SealedBallot>().CountAsync(b => b.BudgetId == budgetId)));
        var ballots = await App.WithDbAsync(db => db.Set<BudgetBallot>().Where(b => b.BudgetId == budgetId).ToListAsync());
        Assert.Equal(Enumerable.Range(0, Voters).Select(i => string.Join(',', ChoiceOf(i))).Order(), ballots.Select(b => b.Projects).Order());
        Assert.Empty(ballots.Select(b => b.Id).Intersect(backup.Select(b => b.Id)));
        // The receipts are a list of their own, in no order of voting.
        var listed = await App.WithDbAsync(db => db.Set<BallotReceiptEntry>().Where(r => r.BudgetId == budgetId).Select(r => r.Receipt).ToListAsync());
        Assert.Equal(receipts.Select(VotingCodes.NormalizeReceipt).Order(), listed.Order());
        // The ballots' physical order is not the order of voting.
        var physical = await QueryAsync($"SELECT \"Projects\" FROM \"{BallotTables.Ballots}\" WHERE \"BudgetId\" = {budgetId} {(OnPostgres ? "ORDER BY ctid" : "")}");
        Assert.NotEqual(Enumerable.Range(0, Voters).Select(i => string.Join(',', ChoiceOf(i))), physical.Select(r => r[0]));
        if (OnPostgres)
        {
            // Every ballot and every receipt now carries the closing transaction's id; the voters' markers keep their own.
            Assert.Equal("1", (await QueryAsync($"SELECT COUNT(DISTINCT xmin::text) FROM \"{BallotTables.Ballots}\" WHERE \"BudgetId\" = {budgetId}")).Single()[0]);
            foreach (var table in new[] { BallotTables.Ballots, BallotTables.Receipts })
            {
                Assert.Equal("0", (await QueryAsync($"SELECT COUNT(*) FROM \"{table}\" b JOIN \"{BallotTables.Voters}\" v ON b.xmin = v.xmin WHERE b.\"BudgetId\" = {budgetId}")).Single()[0]);
            }
        }
        else
        {
            Assert.True((await QueryAsync($"SELECT CASE WHEN rowid = \"Id\" THEN 'same' ELSE 'different' END FROM \"{BallotTables.Ballots}\"")).All(r => r[0] == "same"));
        }
        // The backup's sealed ballots can no longer be opened by anyone: their key is gone from every place the platform kept it.
        Assert.Empty(Directory.Exists(keys.Folder) ? Directory.GetFiles(keys.Folder, $"budget-{budgetId}.*") : []);
        Assert.NotEmpty(backup);
    }

    [Fact]
    public async Task Sealed_ballots_have_one_length_whatever_they_hold_and_a_change_keeps_it()
    {
        var (cast, budgetId, codes) = await OpenAsync(3);
        var one = await VoterCopyOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1]));
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R2"], Enumerable.Range(1, Projects).ToArray()));
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R3"], [2, 7]));
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [3, 4, 5, 6, 7, 8, 9, 10, 11], changeCode: one.ChangeCode));
        var lengths = await App.WithDbAsync(db => db.Set<SealedBallot>().Where(b => b.BudgetId == budgetId).Select(b => b.Sealed).ToListAsync());
        Assert.Equal(3, lengths.Count);
        Assert.Single(lengths.Select(b => b.Length).Distinct());
    }

    [Fact]
    public async Task Without_its_own_key_a_budget_takes_no_ballot_and_refuses_to_close_rather_than_lose_the_sealed_ones()
    {
        var (cast, budgetId, codes) = await OpenAsync(2);
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [1]));
        var keys = App.Services.GetRequiredService<ElectionKeys>();
        var file = Path.Combine(keys.Folder, $"budget-{budgetId}.key");
        var saved = await File.ReadAllBytesAsync(file);
        keys.Destroy(budgetId);

        var refused = await CastAsync(cast.AnonymousClient, budgetId, codes["R2"], [2]);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("The election key of this budget is missing", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        Assert.Equal(BudgetPhase.Voting, await App.WithDbAsync(db => db.Set<Budget>().Where(b => b.Id == budgetId).Select(b => b.Phase).SingleAsync()));

        // A different key (an instance whose folder is not the shared one) is refused just the same.
        await File.WriteAllBytesAsync(file, System.Security.Cryptography.RandomNumberGenerator.GetBytes(ElectionKeys.KeySize));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await CastAsync(cast.AnonymousClient, budgetId, codes["R2"], [2])).StatusCode);
        Assert.Contains("is not the key voting opened with", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        keys.Destroy(budgetId);

        // Restored, it works again and nothing was lost.
        await File.WriteAllBytesAsync(file, saved);
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes["R2"], [2]));
        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDbAsync(db => db.Set<BudgetBallot>().CountAsync(b => b.BudgetId == budgetId)));
    }

    /// <summary>Voter i's choice in most tests: a list of five of the twelve projects, different for each voter.</summary>
    private static int[] ChoiceOf(int i) => Combinations(Enumerable.Range(1, Projects).ToArray(), 5).Skip(i * 37).First();

    /// <summary>
    /// Voter i's choice in the copy test: a list of six projects, not a run of consecutive ones, so that its text is
    /// in no ballot of the other tests (which share the database and publish their ballots in plain text once closed).
    /// </summary>
    private static int[] DistinctChoiceOf(int i) =>
        Combinations(Enumerable.Range(1, Projects).ToArray(), 6).Where(c => c[^1] - c[0] != 5).Skip(i * 41).First();

    private static IEnumerable<int[]> Combinations(int[] items, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }
        for (var i = 0; i <= items.Length - size; i++)
        {
            foreach (var rest in Combinations(items[(i + 1)..], size - 1))
            {
                yield return [items[i], .. rest];
            }
        }
    }

    private async Task<(ProcessCast Cast, int BudgetId, Dictionary<string, string> Codes)> OpenAsync(int census)
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var ideas = Enumerable.Range(1, Projects).Select(i => new Idea($"Project {i}", 1_000m)).ToArray();
        var fields = BudgetFields(eligibility: Eligibility.Census);
        fields["Input.MaxProjects"] = Projects.ToString(CultureInfo.InvariantCulture);
        var (budgetId, _, codes) = await OpenVotingAsync(cast, fields, census, ideas);
        return (cast, budgetId, codes);
    }

    /// <summary>The census reference (R1, R2, ...) of each voter key of the budget.</summary>
    private Task<Dictionary<string, string>> VoterKeysAsync(int budgetId) => App.WithDbAsync(db =>
        db.Set<CensusEntry>().Where(e => e.BudgetId == budgetId).ToDictionaryAsync(e => BudgetVoter.ForCensusEntry(e.Id), e => e.Reference));

    private async Task<List<string>> TablesAsync() =>
        (await QueryAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")).Select(r => r[0]).ToList();

    private IEnumerable<string> DatabaseFiles()
    {
        var file = new SqliteConnectionStringBuilder(App.ConnectionString).DataSource;
        return new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private Task<List<string[]>> QueryAsync(string sql) => App.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string[]>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToArray());
        }
        return rows;
    });
}

public sealed class BallotSecrecyOnSqlite(BudgetingSqliteApp app) : BallotSecrecyTests<BudgetingSqliteApp>(app);

public sealed class BallotSecrecyOnPostgres(BudgetingPostgresApp app) : BallotSecrecyTests<BudgetingPostgresApp>(app);
