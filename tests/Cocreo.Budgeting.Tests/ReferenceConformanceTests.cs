using System.Text.Json;
using Cocreo.Budgeting.Rules;
using Cocreo.Testing;

namespace Cocreo.Budgeting.Tests;

/// <summary>
/// Every row of reference-pabutools.jsonl: the winners pabutools 1.2.3 computes with lexicographic tie-breaking on the
/// project id and cost satisfaction. A null or missing entry means the reference did not finish; nothing is compared then.
/// The files of pabulib-quirks (real files with irregularities, e.g. approval ballots naming a project twice) have their
/// own reference-pabutools.jsonl beside them: read leniently, they give the reference's winners too.
/// </summary>
public class ReferenceConformanceTests
{
    public static TheoryData<string, string> Rows() => RowsOf("pabulib");

    public static TheoryData<string, string> QuirkRows() => RowsOf("pabulib-quirks");

    private static TheoryData<string, string> RowsOf(string folder)
    {
        var data = new TheoryData<string, string>();
        var path = SharedData.Root is { } root ? Path.Combine(root, folder, "reference-pabutools.jsonl") : null;
        if (path is null || !File.Exists(path))
        {
            data.Add("(conformance data missing)", "greedy_cost");
            return data;
        }
        foreach (var line in File.ReadLines(path))
        {
            using var row = JsonDocument.Parse(line);
            foreach (var key in new[] { "greedy_cost", "mes_cost", "mes_cost_add1", "seq_phragmen" })
            {
                if (row.RootElement.TryGetProperty(key, out var winners) && winners.ValueKind == JsonValueKind.Array)
                {
                    data.Add(row.RootElement.GetProperty("file").GetString()!, key);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Winners_equal_the_reference(string file, string rule)
    {
        AssertWinnersEqualTheReference("pabulib", file, rule, ElectionFiles.Read(file));
    }

    [Theory]
    [MemberData(nameof(QuirkRows))]
    public void Winners_of_files_with_irregularities_equal_the_reference(string file, string rule)
    {
        var election = Cocreo.Budgeting.Pabulib.PabulibReader.ReadFile(SharedData.Require("pabulib-quirks/" + file));

        Assert.NotEmpty(election.Warnings);
        AssertWinnersEqualTheReference("pabulib-quirks", file, rule, election);
    }

    private static void AssertWinnersEqualTheReference(string folder, string file, string rule, Cocreo.Budgeting.Pabulib.PabulibElection election)
    {
        var referencePath = SharedData.Require(folder + "/reference-pabutools.jsonl");
        var expected = File.ReadLines(referencePath)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(row => row.GetProperty("file").GetString() == file)
            .GetProperty(rule).EnumerateArray().Select(id => id.GetString()!).Order(StringComparer.Ordinal).ToArray();
        var (computed, options) = rule switch
        {
            "greedy_cost" => ((IBudgetingRule)new GreedyRule(GreedyVariant.Skip), RuleOptions.Default),
            "mes_cost" => (new EqualSharesRule(), RuleOptions.Default),
            "mes_cost_add1" => (new EqualSharesRule(), RuleOptions.Default with { Completion = EqualSharesCompletion.Add1 }),
            _ => (new SequentialPhragmenRule(), RuleOptions.Default),
        };

        var outcome = computed.Compute(election.Instance, election.Profile, options);

        Assert.Equal(expected, ElectionFiles.Ids(outcome.Selected));
    }
}
