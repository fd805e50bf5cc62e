using System.Globalization;
using System.Net;
using CsvHelper;
using Cocreo.Budgeting.Pabulib;
using Cocreo.Cli;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// The published election, exported as a pabulib file, counted again by <c>cocreo pb run</c> with the options its META
/// comment names, gives the published outcome; the ballots CSV gives the published digest.
/// </summary>
public sealed class ElectionExportTests(BudgetingSqliteApp app) : IClassFixture<BudgetingSqliteApp>
{
    private static readonly Idea[] Ideas =
    [
        new("Playground", 42_000m), new("Library corner", 18_500m), new("Bike racks", 6_000m), new("Solar lamps", 27_000m),
        new("Community garden", 15_000m), new("Skate park", 55_000m), new("Benches", 4_500m), new("Water fountains", 9_000m),
    ];

    [Theory]
    [InlineData(BallotForm.Approval, CountingRule.EqualShares, EqualSharesCompletionChoice.Add1, false)]
    [InlineData(BallotForm.Approval, CountingRule.EqualShares, EqualSharesCompletionChoice.Greedy, false)]
    [InlineData(BallotForm.Knapsack, CountingRule.EqualShares, EqualSharesCompletionChoice.Add1ThenGreedy, true)]
    [InlineData(BallotForm.Cumulative, CountingRule.EqualShares, EqualSharesCompletionChoice.None, false)]
    [InlineData(BallotForm.Ranked, CountingRule.Greedy, EqualSharesCompletionChoice.None, false)]
    [InlineData(BallotForm.Knapsack, CountingRule.Greedy, EqualSharesCompletionChoice.None, false)]
    public async Task Cocreo_pb_run_on_the_export_reproduces_the_published_outcome(BallotForm form, CountingRule rule, EqualSharesCompletionChoice completion, bool comparison)
    {
        const int Voters = 90;
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var fields = BudgetFields(form: form, rule: rule, completion: completion, eligibility: Eligibility.Census, amount: 100_000m,
            questions: "Age group\n16–34 | 30\n35–64 | 48\n65 or older | 22");
        fields["Input.CompareWithGreedy"] = comparison ? "true" : "false";
        var (budgetId, _, codes) = await OpenVotingAsync(cast, fields, Voters, Ideas);

        var random = new Random((int)form * 7 + (int)rule * 3 + (int)completion);
        for (var v = 1; v <= Voters; v++)
        {
            var (projects, points) = RandomBallot(random, form);
            await ReceiptOf(await CastAsync(cast.AnonymousClient, budgetId, codes[$"R{v}"], projects, points, answers: [random.Next(4) == 0 ? null : random.Next(3)]));
        }
        await CloseAndPublishAsync(cast.OwnerClient, budgetId);
        var published = await ResultsAsync(cast.AnonymousClient, budgetId);

        var file = Path.Combine(Path.GetTempPath(), $"cocreo-export-{Guid.NewGuid():N}.pb");
        try
        {
            var download = await cast.AnonymousClient.Http.GetAsync($"/budgets/{budgetId}/election.pb");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            await File.WriteAllBytesAsync(file, await download.Content.ReadAsByteArrayAsync());
            var election = PabulibReader.ReadFile(file);
            Assert.Empty(election.Warnings);
            Assert.Equal(Voters, election.Profile.VoterCount);
            Assert.Equal(["voting_method", "question_1"], election.Profile.ExtraColumns);

            var comment = election.Instance.GetMeta("comment")!;
            var options = comment[(comment.IndexOf("cocreo pb run FILE ", StringComparison.Ordinal) + "cocreo pb run FILE ".Length)..].Split(' ');
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, CocreoCommand.Run(["pb", "run", file, .. options, "--format", "pb"], output, error));
            var counted = PabulibReader.Read(new StringReader(output.ToString()), "cocreo pb run").OfficiallySelected!;

            var funded = published.Projects.Where(p => p.Funded).Select(p => p.Number.ToString(CultureInfo.InvariantCulture)).Order().ToList();
            Assert.NotEmpty(funded);
            Assert.Equal(funded, counted.Select(p => p.Id).Order());
            Assert.Equal(funded, election.OfficiallySelected!.Select(p => p.Id).Order());
        }
        finally
        {
            File.Delete(file);
        }

        var ballots = await cast.AnonymousClient.Http.GetStringAsync($"/budgets/{budgetId}/ballots.csv");
        using var reader = CsvReader.FromText(ballots, CsvReaderOptions.Default with { HasHeader = false, Separator = ',' });
        reader.Read();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(BallotDigest.Line(reader.GetString(1), reader.GetString(2) is { Length: > 0 } p ? p : null, reader.GetString(3), reader.GetString(4) == "paper"));
        }
        var digest = await app.WithDbAsync(db => db.Set<BudgetResult>().Where(r => r.BudgetId == budgetId).Select(r => r.BallotDigest).SingleAsync());
        Assert.Equal(digest, BallotDigest.Of(lines));
    }

    private static (int[] Projects, int[]? Points) RandomBallot(Random random, BallotForm form)
    {
        var order = Enumerable.Range(1, Ideas.Length).OrderBy(_ => random.Next()).ToArray();
        switch (form)
        {
            case BallotForm.Knapsack:
                var chosen = new List<int>();
                var left = 100_000m;
                foreach (var number in order.Take(random.Next(1, 6)))
                {
                    if (Ideas[number - 1].Cost <= left)
                    {
                        chosen.Add(number);
                        left -= Ideas[number - 1].Cost;
                    }
                }
                return ([.. chosen], null);
            case BallotForm.Cumulative:
                var projects = order.Take(random.Next(1, 4)).ToArray();
                var points = projects.Select(_ => random.Next(1, 4)).ToArray();
                return (projects, points);
            default:
                return (order.Take(random.Next(1, 4)).ToArray(), null);
        }
    }
}
