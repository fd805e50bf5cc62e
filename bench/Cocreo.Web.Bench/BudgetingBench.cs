using System.Globalization;
using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Bench;

/// <summary>The app's services on a database, without its web server, to set up and check load tests.</summary>
public sealed class BudgetingBench : IAsyncDisposable
{
    private readonly WebApplication app;
    private ClaimsPrincipal owner = new();

    private BudgetingBench(WebApplication app) => this.app = app;

    public static async Task<BudgetingBench> OpenAsync(string provider, string connection) => new(await BenchServices.OpenAsync(provider, connection));

    /// <summary>An organisation, a process and a budget with <paramref name="projects"/> feasible projects in its voting phase, and a census of <paramref name="voters"/> people.</summary>
    public async Task<(int BudgetId, List<string> Codes)> PrepareAsync(int voters, int projects)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var now = DateTime.UtcNow;
        var user = new CocreoUser { UserName = $"bench.{Guid.NewGuid():N}@example.org", Email = "bench@example.org", EmailConfirmed = true, DisplayName = "Bench Official", CreatedAt = now, SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(user);
        var organisation = Organisation.Create($"Bench City {Guid.NewGuid():N}", OrganisationType.Municipality, SizeBand.Large, "SI", ["sl"], now);
        organisation.AddMember(user.Id, OrganisationRole.Administrator, now);
        db.Add(organisation);
        await db.SaveChangesAsync();
        var process = Process.Start(organisation.Id, new ProcessContent("Bench budget", "Load test.", "Load test.", "en", "Bench", "", ""), ProcessVisibility.Public, now);
        process.Join(user.Id, ProcessRole.Owner, now);
        db.Add(process);
        await db.SaveChangesAsync();
        owner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "bench"));

        var budget = Budget.Create(process.Id, new BudgetSettings("Bench budget", "", "", 1_000_000m, "EUR", [], CountingRule.EqualShares,
            EqualSharesCompletionChoice.Add1, false, TieBreak.CostThenVotes, BallotForm.Approval, 1, 5, 10, 5, 3, voters > 0 ? Eligibility.Census : Eligibility.VerifiedAccount, false, null), now);
        db.Add(budget);
        await db.SaveChangesAsync();
        var random = new Random(8);
        for (var p = 0; p < projects; p++)
        {
            var proposal = Proposal.Submit(budget, new ProposalContent($"Project {p + 1}", "Bench.", "", "", 20_000m + random.Next(0, 40) * 5_000m), user.Id, now);
            proposal.Review(budget, true, "Bench.", proposal.EstimatedCost, now);
            db.Add(proposal);
        }
        var codes = new List<string>(voters);
        for (var v = 0; v < voters; v++)
        {
            var code = VotingCodes.NewVotingCode();
            codes.Add(code);
            db.Add(new CensusEntry { Id = RandomIds.Next(), BudgetId = budget.Id, Reference = $"B{v}", CodeHash = VotingCodes.Hash(code) });
        }
        await db.SaveChangesAsync();
        await AdvanceAsync(scope.ServiceProvider, budget.Id, BudgetPhase.Proposals);
        await AdvanceAsync(scope.ServiceProvider, budget.Id, BudgetPhase.Review);
        return (budget.Id, codes);
    }

    /// <summary>Writes ballots and voters' markers straight into the tables (for the publication timing), in batches.</summary>
    public async Task SeedBallotsAsync(int budgetId, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var projects = await db.Set<Proposal>().Where(p => p.BudgetId == budgetId && p.OnBallot).Select(p => p.Number).ToListAsync();
        var random = new Random(100);
        // Popularity varies, as in real elections, so that equal shares and greedy differ.
        var appeal = projects.Select(_ => 0.05 + random.NextDouble() * 0.4).ToArray();
        // Sealed as the ballot box seals them, so closing the vote opens every one of them.
        var key = app.Services.GetRequiredService<ElectionKeys>().GetOrCreate(budgetId);
        var paper = (await scope.ServiceProvider.GetRequiredService<BallotPapers>().ForAsync(budgetId))!;
        var size = BallotSeal.SizeFor(paper);
        for (var start = 0; start < count; start += 5_000)
        {
            var ballots = new List<SealedBallot>();
            for (var v = start; v < Math.Min(count, start + 5_000); v++)
            {
                var chosen = projects.Where((_, i) => random.NextDouble() < appeal[i]).Take(5).ToList();
                if (chosen.Count == 0)
                {
                    chosen.Add(projects[random.Next(projects.Count)]);
                }
                var receipt = VotingCodes.NewReceipt();
                ballots.Add(new SealedBallot { Id = RandomIds.Next(), BudgetId = budgetId, Receipt = receipt, Sealed = BallotSeal.Seal(key, budgetId, receipt, new BallotChoice(chosen, null, []), size) });
                db.Add(new BudgetVoter { Id = RandomIds.Next(), BudgetId = budgetId, VoterKey = "a:bench-" + v.ToString(CultureInfo.InvariantCulture) });
            }
            db.AddRange(ballots);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    public async Task CloseAsync(int budgetId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await AdvanceAsync(scope.ServiceProvider, budgetId, BudgetPhase.Voting);
    }

    /// <summary>Counts and publishes through the same service as the page's button; returns how many projects were funded.</summary>
    public async Task<int> PublishAsync(int budgetId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<ChangeRunner>().RunAsync(services.GetRequiredService<PublishResults.Handler>(), new PublishResults.Command(budgetId), owner, CancellationToken.None);
        var (_, document) = (await services.GetRequiredService<PublishedResults>().FindAsync(budgetId))!.Value;
        return document.Projects.Count(p => p.Funded);
    }

    /// <summary>
    /// After a crash: every receipt the load generator was given (acknowledged ballots) must be stored; ballots and
    /// voters' markers must match one to one; the database must pass its own integrity check.
    /// </summary>
    public async Task<bool> VerifyAsync(int budgetId, string receiptsFile)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var acknowledged = (await File.ReadAllLinesAsync(receiptsFile)).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
        var stored = (await db.Set<SealedBallot>().Where(b => b.BudgetId == budgetId).Select(b => b.Receipt).ToListAsync()).ToHashSet();
        var lost = acknowledged.Count(r => !stored.Contains(VotingCodes.NormalizeReceipt(r)));
        var ballots = stored.Count;
        var voters = await db.Set<BudgetVoter>().CountAsync(v => v.BudgetId == budgetId);
        var distinctVoters = await db.Set<BudgetVoter>().Where(v => v.BudgetId == budgetId).Select(v => v.VoterKey).Distinct().CountAsync();
        var integrity = db.Database.IsNpgsql()
            ? "not applicable (PostgreSQL: constraints checked by the queries above)"
            : string.Join(";", await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
        var ok = lost == 0 && ballots == voters && voters == distinctVoters && (db.Database.IsNpgsql() || integrity == "ok");
        Console.WriteLine($"acknowledged={acknowledged.Count} stored_ballots={ballots} voter_markers={voters} lost_acknowledged={lost} integrity={integrity} => {(ok ? "PASS" : "FAIL")}");
        return ok;
    }

    /// <summary>Moves the budget on from <paramref name="from"/> as its owner, through the same change as the page's button (a refusal throws).</summary>
    private async Task AdvanceAsync(IServiceProvider services, int budgetId, BudgetPhase from)
    {
        var advance = services.GetRequiredService<AdvanceBudgetPhase.Handler>();
        var command = new AdvanceBudgetPhase.Command(budgetId, from);
        var outcome = await services.GetRequiredService<ChangeRunner>().RunAsync(advance, command, owner, CancellationToken.None);
        await advance.SettleAsync(command, outcome, CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
