using System.Globalization;
using System.Text.Json;
using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Explanations;
using Cocreo.Budgeting.Pabulib;
using Cocreo.Budgeting.Rules;

namespace Cocreo.Cli.Pb;

/// <summary>How <c>cocreo pb</c> shows outcomes, file checks and comparisons.</summary>
internal static class PbOutput
{
    public static void Write(TextWriter output, string format, PabulibElection election, IBudgetingRule rule, RuleOptions options, Outcome outcome)
    {
        switch (format)
        {
            case "json":
                WriteJson(output, election, rule, options, outcome);
                break;
            case "pb":
                PabulibWriter.Write(output, election.Instance, election.Profile, outcome.Selected, outcome.FundedFromReserve);
                break;
            default:
                WriteTable(output, election, rule, options, outcome);
                break;
        }
    }

    private static string Describe(IBudgetingRule rule, RuleOptions options)
    {
        var parts = new List<string> { rule.Name, $"satisfaction {options.Satisfaction.ToString().ToLowerInvariant()}", $"ties {options.TieBreaking.Name}" };
        if (rule is EqualSharesRule)
        {
            parts.Add($"completion {options.Completion}");
            if (options.Completion is EqualSharesCompletion.Add1 or EqualSharesCompletion.Add1WithoutExhaustiveStop or EqualSharesCompletion.Add1ThenUtilitarian)
            {
                parts.Add($"add1 from {(options.Add1Start == Add1Start.WholeUnits ? "whole units" : "the equal share")}");
            }
            if (options.Comparison)
            {
                parts.Add("comparison with greedy");
            }
        }
        if (options.ScoreThreshold is { } threshold)
        {
            parts.Add($"threshold {threshold}");
        }
        return string.Join(", ", parts);
    }

    private static void WriteTable(TextWriter output, PabulibElection election, IBudgetingRule rule, RuleOptions options, Outcome outcome)
    {
        var instance = election.Instance;
        output.WriteLine($"Rule: {Describe(rule, options)}");
        output.WriteLine($"Budget: {Money(instance.Budget)} {instance.GetMeta("currency")}".TrimEnd());
        output.WriteLine();
        var rows = outcome.Selected.Select((project, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), project.Id, Money(project.Cost), project["votes"] ?? project["score"] ?? "", Shorten(project.Name),
        }).ToList();
        WriteColumns(output, ["#", "project", "cost", "votes", "name"], rows, rightAligned: [true, false, true, true, false]);
        output.WriteLine();
        output.WriteLine($"Selected {outcome.Selected.Count} of {instance.Projects.Count} projects, total cost {Money(outcome.TotalCost)} ({Percent(outcome.TotalCost, instance.Budget)} of the budget).");
        foreach (var project in outcome.FundedFromReserve)
        {
            output.WriteLine($"Funded from reserve funds, outside the budget: {project.Id} ({Money(project.Cost)}), {Shorten(project.Name)}.");
        }
        if (outcome.Explanation is EqualSharesExplanation equalShares)
        {
            output.WriteLine($"Per-voter budget: {Money(equalShares.PerVoterBudget.ToDecimal())} after {equalShares.Increments} add1 increments; {equalShares.Rounds.Count} projects bought by equal shares.");
            if (equalShares.AddedByCompletion.Count > 0)
            {
                output.WriteLine($"Added by the utilitarian completion: {string.Join(", ", equalShares.AddedByCompletion)}.");
            }
            if (equalShares.Comparison is { } comparison)
            {
                output.WriteLine($"Comparison: {comparison.PreferEqualShares} voters prefer equal shares, {comparison.PreferGreedy} prefer greedy; {(comparison.SwitchedToGreedy ? "the greedy outcome is taken" : "the equal-shares outcome stays")}.");
            }
        }
    }

    private static void WriteJson(TextWriter output, PabulibElection election, IBudgetingRule rule, RuleOptions options, Outcome outcome)
    {
        var equalShares = rule is EqualSharesRule;
        var document = new RunDocument(
            rule.Name,
            new RunOptions(
                options.Satisfaction,
                options.TieBreaking.Name,
                equalShares ? options.Completion : null,
                equalShares ? options.Add1Start : null,
                equalShares ? options.Comparison : null,
                options.ScoreThreshold),
            election.Instance.Budget,
            outcome.TotalCost,
            [.. outcome.Selected.Select(ProjectEntry.Of)],
            [.. outcome.FundedFromReserve.Select(ProjectEntry.Of)],
            outcome.Explanation);
        using (var stream = new TextWriterStream(output))
        {
            JsonSerializer.Serialize(stream, document, PbJson.Readable.RunDocument);
        }
        output.WriteLine();
    }

    public static void WriteCheck(TextWriter output, string name, PabulibElection election)
    {
        var instance = election.Instance;
        output.WriteLine($"{name}: valid pabulib file.");
        output.WriteLine($"  {instance.Projects.Count} projects, {election.Profile.VoterCount} {election.Profile.VoteType.ToPabulibName()} ballots, budget {Money(instance.Budget)} {instance.GetMeta("currency")}".TrimEnd());
        output.WriteLine($"  rule: {instance.GetMeta("rule") ?? "(none)"}; official outcome: {(election.OfficiallySelected is { } official ? $"{official.Count} selected projects" : "none (no selected column)")}");
        output.WriteLine(election.Warnings.Count == 0 ? "  no warnings" : $"  {election.Warnings.Count} warnings:");
        foreach (var warning in election.Warnings)
        {
            output.WriteLine($"    {warning}");
        }
    }

    public static bool WriteComparison(TextWriter output, PabulibElection election, IBudgetingRule rule, RuleOptions options, Outcome outcome, IReadOnlyList<Project> official)
    {
        var computed = outcome.Selected.Select(project => project.Id).ToHashSet(StringComparer.Ordinal);
        var announced = official.Select(project => project.Id).ToHashSet(StringComparer.Ordinal);
        var onlyComputed = outcome.Selected.Where(project => !announced.Contains(project.Id)).ToList();
        var onlyOfficial = official.Where(project => !computed.Contains(project.Id)).ToList();
        var computedReserve = outcome.FundedFromReserve.Select(project => project.Id).ToHashSet(StringComparer.Ordinal);
        var officialReserve = election.OfficiallyFundedFromReserve.Select(project => project.Id).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"Rule (from META {election.Instance.GetMeta("rule")}): {Describe(rule, options)}");
        output.WriteLine($"Computed: {outcome.Selected.Count} projects, {Money(outcome.TotalCost)}. Official: {official.Count} projects, {Money(Instance.TotalCost(official))}.");
        // Only a rule that funds from reserves is held to the projects marked 2; other cities' 2s are decided outside the rule.
        var reserveDiffers = rule is GreedyRule { Variant: GreedyVariant.NoSkipWithReserve } && !computedReserve.SetEquals(officialReserve);
        if (reserveDiffers)
        {
            output.WriteLine($"Funded from reserve funds: computed {Ids(computedReserve)}, official {Ids(officialReserve)}.");
        }
        if (onlyComputed.Count == 0 && onlyOfficial.Count == 0 && !reserveDiffers)
        {
            output.WriteLine("The computed outcome equals the official outcome.");
            return true;
        }
        output.WriteLine("The computed outcome differs from the official outcome:");
        foreach (var project in onlyComputed)
        {
            output.WriteLine($"  + {project.Id} ({Money(project.Cost)}) computed but not official");
        }
        foreach (var project in onlyOfficial)
        {
            output.WriteLine($"  - {project.Id} ({Money(project.Cost)}) official but not computed");
        }
        return false;
    }

    private static void WriteColumns(TextWriter output, string[] header, List<string[]> rows, bool[] rightAligned)
    {
        var widths = header.Select((title, i) => Math.Max(title.Length, rows.Count == 0 ? 0 : rows.Max(row => row[i].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((cell, i) => rightAligned[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row));
        }
    }

    private static string Ids(IEnumerable<string> ids) => ids.Any() ? string.Join(", ", ids.Order(StringComparer.Ordinal)) : "none";

    private static string Money(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Percent(decimal part, decimal whole) => whole == 0 ? "-" : (part / whole).ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 50 ? text : text[..47] + "...";
}
