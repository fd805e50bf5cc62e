using System.Data.Common;
using System.Globalization;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using System.Net;
using Cocreo.Web.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// What a person chose cannot be joined to who they are: the schema has no link, the identifiers are random, there
/// are no times, and neither the order of the rows nor (on PostgreSQL, after voting closes) the transaction that wrote
/// them follows the order of voting.
/// </summary>
public abstract class BallotSecrecyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private const int Voters = 20;

    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task The_schema_holds_no_link_between_a_ballot_and_its_voter()
    {
        await App.WithDbAsync(db =>
        {
            var ballot = db.Model.FindEntityType(typeof(BudgetBallot))!;
            var voter = db.Model.FindEntityType(typeof(BudgetVoter))!;
            Assert.Equal(["Answers", "BudgetId", "Id", "IsPaper", "Points", "Projects", "ReceiptHash"], ballot.GetProperties().Select(p => p.Name).Order());
            // The channel (online or paper) is what the reconciliation counts; it says no more than a ballot's IsPaper.
            Assert.Equal(["BudgetId", "Channel", "Id", "VoterKey"], voter.GetProperties().Select(p => p.Name).Order());
            foreach (var table in new[] { ballot, voter })
            {
                // The only foreign key is to the budget; no time, no identifier the database hands out in sequence.
                Assert.Equal([typeof(Budget)], table.GetForeignKeys().Select(k => k.PrincipalEntityType.ClrType));
                Assert.DoesNotContain(table.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateTimeOffset));
                Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, table.FindPrimaryKey()!.Properties.Single().ValueGenerated);
                Assert.Empty(table.GetNavigations());
            }
            // No other table points at either of them.
            Assert.DoesNotContain(db.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()), k => k.PrincipalEntityType == ballot || k.PrincipalEntityType == voter);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Neither_identifiers_nor_row_order_follow_the_order_of_voting_and_closing_rewrites_every_ballot()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var ideas = Enumerable.Range(1, 6).Select(i => new Idea($"Project {i}", 10_000m)).ToArray();
        var fields = BudgetFields(eligibility: Eligibility.Census);
        fields["Input.MaxProjects"] = "6";
        var (budgetId, _, codes) = await OpenVotingAsync(cast, fields, Voters, ideas);

        // Voter i (in the order of voting) chooses the projects of the bits of i + 1: every ballot is different, so
        // a ballot's content tells which voter cast it, and any order of the rows can be compared with the voting order.
        var receipts = new List<string>();
        for (var i = 0; i < Voters; i++)
        {
            receipts.Add(await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes[$"R{i + 1}"], Bits(i + 1))));
        }
        int VoterOf(string projects) => projects.Split(',').Sum(n => 1 << (int.Parse(n, CultureInfo.InvariantCulture) - 1)) - 1;

        var byId = await App.WithDbAsync(db => db.Set<BudgetBallot>().Where(b => b.BudgetId == budgetId).OrderBy(b => b.Id).Select(b => b.Projects).ToListAsync());
        Assert.NotEqual(Enumerable.Range(0, Voters), byId.Select(VoterOf));
        if (!App.Provider.Equals("PostgreSql", StringComparison.Ordinal))
        {
            // SQLite keeps rows in the order of their (random) row id. PostgreSQL appends them: see the mixing test below.
            Assert.NotEqual(Enumerable.Range(0, Voters), (await PhysicalOrderAsync(budgetId)).Select(VoterOf));
        }
        // The register's order (by its identifiers) is not the ballots' order either.
        var census = await App.WithDbAsync(db => db.Set<CensusEntry>().Where(e => e.BudgetId == budgetId).ToDictionaryAsync(e => BudgetVoter.ForCensusEntry(e.Id), e => int.Parse(e.Reference[1..], CultureInfo.InvariantCulture) - 1));
        var votersById = await App.WithDbAsync(db => db.Set<BudgetVoter>().Where(v => v.BudgetId == budgetId).OrderBy(v => v.Id).Select(v => v.VoterKey).ToListAsync());
        Assert.NotEqual(votersById.Select(k => census[k]), byId.Select(VoterOf));

        if (!App.Provider.Equals("PostgreSql", StringComparison.Ordinal))
        {
            // On SQLite an INTEGER PRIMARY KEY is the row id: there is no hidden sequence behind the random identifier.
            Assert.True(await RowIdIsTheIdAsync(BallotTables.Ballots));
            Assert.True(await RowIdIsTheIdAsync(BallotTables.Voters));
        }

        var before = await App.WithDbAsync(db => db.Set<BudgetBallot>().Where(b => b.BudgetId == budgetId).Select(b => b.Id).ToListAsync());
        Assert.Contains("Results", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        var after = await App.WithDbAsync(db => db.Set<BudgetBallot>().Where(b => b.BudgetId == budgetId).ToListAsync());
        Assert.Equal(Voters, after.Count);
        Assert.Empty(after.Select(b => b.Id).Intersect(before));
        Assert.NotEqual(Enumerable.Range(0, Voters), (await PhysicalOrderAsync(budgetId)).Select(VoterOf));
        if (App.Provider.Equals("PostgreSql", StringComparison.Ordinal))
        {
            // Every ballot now carries the closing transaction's id, while the voters' markers keep their own.
            Assert.Equal(1, await ScalarAsync($"SELECT COUNT(DISTINCT xmin::text) FROM \"{BallotTables.Ballots}\" WHERE \"BudgetId\" = {budgetId}"));
            Assert.Equal(0, await ScalarAsync($"SELECT COUNT(*) FROM \"{BallotTables.Ballots}\" b JOIN \"{BallotTables.Voters}\" v ON b.xmin = v.xmin WHERE b.\"BudgetId\" = {budgetId}"));
        }
        // Receipts still find their ballots, and are stored only as hashes.
        Assert.All(receipts, r => Assert.Contains(after, b => b.ReceiptHash == VotingCodes.Hash(r)));
        Assert.DoesNotContain(after, b => receipts.Contains(b.ReceiptHash!));
    }

    [Fact]
    public async Task While_voting_is_open_the_mixer_rewrites_a_small_budget_so_no_transaction_id_links_a_ballot_to_its_voter()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var ideas = Enumerable.Range(1, 6).Select(i => new Idea($"Project {i}", 10_000m)).ToArray();
        var fields = BudgetFields(eligibility: Eligibility.Census);
        fields["Input.MaxProjects"] = "6";
        var (budgetId, _, codes) = await OpenVotingAsync(cast, fields, Voters + 1, ideas);
        for (var i = 0; i < Voters; i++)
        {
            await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes[$"R{i + 1}"], Bits(i + 1)));
        }
        if (App.Provider.Equals("PostgreSql", StringComparison.Ordinal))
        {
            // Before mixing, one voter per batch: the marker and the ballot share their transaction id.
            Assert.Equal(Voters, await ScalarAsync($"SELECT COUNT(*) FROM \"{BallotTables.Ballots}\" b JOIN \"{BallotTables.Voters}\" v ON b.xmin = v.xmin WHERE b.\"BudgetId\" = {budgetId}"));
        }
        var before = await App.WithDbAsync(db => db.Set<BudgetBallot>().Where(b => b.BudgetId == budgetId).Select(b => b.Id).ToListAsync());
        Assert.Equal(1, await App.Services.GetRequiredService<BallotMixer>().MixOpenBudgetsAsync());
        var after = await App.WithDbAsync(db => db.Set<BudgetBallot>().Where(b => b.BudgetId == budgetId).Select(b => b.Id).ToListAsync());
        Assert.Equal(Voters, after.Count);
        Assert.Empty(after.Intersect(before));
        int VoterOf(string projects) => projects.Split(',').Sum(n => 1 << (int.Parse(n, CultureInfo.InvariantCulture) - 1)) - 1;
        Assert.NotEqual(Enumerable.Range(0, Voters), (await PhysicalOrderAsync(budgetId)).Select(VoterOf));
        if (App.Provider.Equals("PostgreSql", StringComparison.Ordinal))
        {
            Assert.Equal(0, await ScalarAsync($"SELECT COUNT(*) FROM \"{BallotTables.Ballots}\" b JOIN \"{BallotTables.Voters}\" v ON b.xmin = v.xmin WHERE b.\"BudgetId\" = {budgetId}"));
        }
        // Voting goes on after a mix: a new ballot is taken, and the mixed ones still count once each.
        await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes[$"R{Voters + 1}"], [1]));
        Assert.Equal(HttpStatusCode.Conflict, (await CastAsync(cast.AnonymousClient, budgetId, codes["R1"], [2])).StatusCode);
        Assert.Equal(Voters + 1, await App.WithDbAsync(db => db.Set<BudgetBallot>().CountAsync(b => b.BudgetId == budgetId)));
    }

    private static int[] Bits(int value) => Enumerable.Range(0, 6).Where(bit => (value & (1 << bit)) != 0).Select(bit => bit + 1).ToArray();

    private Task<List<string>> PhysicalOrderAsync(int budgetId) => App.WithDbAsync(async db =>
    {
        var order = db.Database.IsNpgsql() ? "ORDER BY ctid" : "";
        return await QueryAsync(db, $"SELECT \"Projects\" FROM \"{BallotTables.Ballots}\" WHERE \"BudgetId\" = {budgetId} {order}");
    });

    private Task<bool> RowIdIsTheIdAsync(string table) => App.WithDbAsync(async db =>
        (await QueryAsync(db, $"SELECT CASE WHEN rowid = \"Id\" THEN 'same' ELSE 'different' END FROM \"{table}\"")).All(x => x == "same"));

    private Task<long> ScalarAsync(string sql) => App.WithDbAsync(async db => long.Parse((await QueryAsync(db, sql)).Single(), CultureInfo.InvariantCulture));

    private static async Task<List<string>> QueryAsync(CocreoDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }
        return values;
    }
}

public sealed class BallotSecrecyOnSqlite(BudgetingSqliteApp app) : BallotSecrecyTests<BudgetingSqliteApp>(app);

public sealed class BallotSecrecyOnPostgres(BudgetingPostgresApp app) : BallotSecrecyTests<BudgetingPostgresApp>(app);
