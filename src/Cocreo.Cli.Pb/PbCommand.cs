using System.CommandLine;
using Cocreo.Budgeting;
using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Pabulib;
using Cocreo.Budgeting.Rules;
using Cocreo.Budgeting.TieBreaking;

namespace Cocreo.Cli.Pb;

/// <summary><c>cocreo pb</c>: participatory budgeting on pabulib files (run a rule, check a file, compare with the official outcome).</summary>
public static class PbCommand
{
    /// <summary>Exit code when a computed outcome differs from the official one.</summary>
    public const int OutcomeDiffers = 3;

    /// <summary>Exit code for a file that cannot be read or options that make no sense.</summary>
    public const int BadInput = 1;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("pb", "Participatory budgeting on pabulib .pb files: compute outcomes, check files, compare with official outcomes.");
        foreach (var subcommand in Subcommands())
        {
            command.Subcommands.Add(subcommand);
        }
        return command;
    }

    /// <summary>The <c>run</c>, <c>check</c> and <c>compare</c> commands, for a parent of the caller's choice.</summary>
    public static IEnumerable<Command> Subcommands() => [CreateRun(), CreateCheck(), CreateCompare()];

    private static Argument<FileInfo> FileArgument() => new("file") { Description = "The .pb file." };

    private static Option<bool> StrictOption() => new("--strict")
    {
        Description = "Refuse the file at the first irregularity that is otherwise a warning (e.g. an approval ballot naming a project twice).",
    };

    private static Command CreateRun()
    {
        var file = FileArgument();
        var rule = new Option<string>("--rule") { Description = "greedy | greedy-no-skip | greedy-threshold | greedy-reserve | mes | phragmen | max-welfare", DefaultValueFactory = _ => "mes" };
        rule.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. BudgetingRules.Names]);
        var completion = new Option<string>("--completion") { Description = "mes only: none | add1 | add1-no-exhaustive-stop | utilitarian | add1-utilitarian", DefaultValueFactory = _ => "none" };
        completion.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. Completions.Keys]);
        var add1Start = new Option<string>("--add1-start") { Description = "mes add1 only: equal-share (exact budget ÷ voters, pabutools) | whole-units (rounded down, equalshares.net)", DefaultValueFactory = _ => "equal-share" };
        add1Start.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "equal-share", "whole-units");
        var comparison = new Option<bool>("--comparison") { Description = "mes only: switch to the greedy outcome if more voters prefer it (more of their projects funded)" };
        var satisfaction = new Option<string>("--satisfaction") { Description = "cost | cardinality | points", DefaultValueFactory = _ => "cost" };
        satisfaction.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "cost", "cardinality", "approval", "points");
        var tieBreak = new Option<string>("--tie-break") { Description = "id (smaller project id, pabutools) | cost-then-votes (equalshares.net) | order:ID1,ID2,...", DefaultValueFactory = _ => "id" };
        var threshold = new Option<long?>("--threshold") { Description = "greedy rules: minimum score (votes or points) a project needs; greedy-threshold defaults to META min_project_score_threshold" };
        var format = new Option<string>("--format") { Description = "table | json | pb (the file with a selected column)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "table", "json", "pb");

        var strict = StrictOption();
        var command = new Command("run", "Compute the outcome of a rule on a .pb file.") { file, rule, completion, add1Start, comparison, satisfaction, tieBreak, threshold, format, strict };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!TieBreakings.TryParse(parseResult.GetValue(tieBreak)!, out var tieBreaking))
            {
                error.WriteLine($"--tie-break: \"{parseResult.GetValue(tieBreak)}\" is not id, cost-then-votes or order:ID1,ID2,...");
                return BadInput;
            }
            SatisfactionMeasures.TryParse(parseResult.GetValue(satisfaction)!, out var measure);
            var options = new RuleOptions
            {
                Satisfaction = measure,
                TieBreaking = tieBreaking,
                Completion = Completions[parseResult.GetValue(completion)!.ToLowerInvariant()],
                Add1Start = parseResult.GetValue(add1Start)!.Equals("whole-units", StringComparison.OrdinalIgnoreCase) ? Add1Start.WholeUnits : Add1Start.EqualShare,
                Comparison = parseResult.GetValue(comparison),
                ScoreThreshold = parseResult.GetValue(threshold),
            };
            var chosenRule = BudgetingRules.FromName(parseResult.GetValue(rule)!)!;
            if (chosenRule is not EqualSharesRule && (options.Completion != EqualSharesCompletion.None || options.Comparison))
            {
                error.WriteLine("--completion and --comparison apply to --rule mes only.");
                return BadInput;
            }
            var outputFormat = parseResult.GetValue(format)!.ToLowerInvariant();
            // Only the .pb output writes voter ids and the other vote columns back; the table and JSON need the votes alone.
            var detail = outputFormat == "pb" ? BallotDetail.Full : BallotDetail.VotesOnly;
            return WithElection(parseResult.GetValue(file)!, detail, parseResult.GetValue(strict), error, election =>
            {
                foreach (var projectId in tieBreaking is ExplicitOrderTieBreaking explicitOrder ? explicitOrder.ProjectIds : [])
                {
                    if (!election.Instance.TryGetProject(projectId, out _))
                    {
                        error.WriteLine($"--tie-break: project {projectId} is not in the file.");
                        return BadInput;
                    }
                }
                // Reading leaves about four times the file in garbage (CsvHelper's field strings) that the GC would
                // otherwise keep while the rule allocates: one aggressive collection here (~10 ms on Łódź 2022) lowers
                // the process's peak memory by ~12 MB for MES (docs/benchmarks.md). Not for check: nothing follows it.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                Outcome outcome;
                try
                {
                    outcome = chosenRule.Compute(election.Instance, election.Profile, options);
                }
                catch (ArgumentException problem)
                {
                    error.WriteLine(problem.Message);
                    return BadInput;
                }
                PbOutput.Write(output, outputFormat, election, chosenRule, options, outcome);
                return 0;
            });
        });
        return command;
    }

    private static Command CreateCheck()
    {
        var file = FileArgument();
        var strict = StrictOption();
        var command = new Command("check", "Validate a .pb file: errors and warnings name the line and what was found (docs/participatory-budgeting.md lists them).") { file, strict };
        command.SetAction(parseResult => WithElection(parseResult.GetValue(file)!, BallotDetail.VotesOnly, parseResult.GetValue(strict), parseResult.InvocationConfiguration.Error, election =>
        {
            PbOutput.WriteCheck(parseResult.InvocationConfiguration.Output, parseResult.GetValue(file)!.Name, election);
            return 0;
        }));
        return command;
    }

    private static Command CreateCompare()
    {
        var file = FileArgument();
        var strict = StrictOption();
        var command = new Command("compare", $"Compute the outcome with the rule the file's META names and compare it with the official selected column (exit {OutcomeDiffers} when they differ).") { file, strict };
        command.SetAction(parseResult => WithElection(parseResult.GetValue(file)!, BallotDetail.VotesOnly, parseResult.GetValue(strict), parseResult.InvocationConfiguration.Error, election =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (election.OfficiallySelected is not { } official)
            {
                error.WriteLine($"{parseResult.GetValue(file)!.Name}: the PROJECTS section has no selected column, so there is no official outcome to compare with.");
                return BadInput;
            }
            if (BudgetingRules.FromPabulibMeta(election.Instance) is not var (rule, options))
            {
                error.WriteLine($"{parseResult.GetValue(file)!.Name}: META rule \"{election.Instance.GetMeta("rule")}\" is not a rule Cocreo computes (greedy, greedy-no-skip, greedy-threshold, greedy-custom, equalshares, equalshares/add1, equalshares/add1-comparison).");
                return BadInput;
            }
            var outcome = rule.Compute(election.Instance, election.Profile, options);
            var same = PbOutput.WriteComparison(parseResult.InvocationConfiguration.Output, election, rule, options, outcome, official);
            return same ? 0 : OutcomeDiffers;
        }));
        return command;
    }

    private static readonly Dictionary<string, EqualSharesCompletion> Completions = new()
    {
        ["none"] = EqualSharesCompletion.None,
        ["add1"] = EqualSharesCompletion.Add1,
        ["add1-no-exhaustive-stop"] = EqualSharesCompletion.Add1WithoutExhaustiveStop,
        ["utilitarian"] = EqualSharesCompletion.Utilitarian,
        ["add1-utilitarian"] = EqualSharesCompletion.Add1ThenUtilitarian,
    };

    // Every check of the file is made whatever the detail kept.
    private static int WithElection(FileInfo file, BallotDetail detail, bool strict, TextWriter error, Func<PabulibElection, int> action)
    {
        PabulibElection election;
        try
        {
            election = PabulibReader.ReadFile(file.FullName, detail, strict);
        }
        catch (PabulibFormatException problem)
        {
            error.WriteLine(problem.Message);
            return BadInput;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{file.FullName}: {problem.Message}");
            return BadInput;
        }
        foreach (var warning in election.Warnings)
        {
            // As errors are written: "file, line N: what" (or "file: what" for the whole file).
            error.WriteLine(warning.Line > 0 ? $"warning: {file.Name}, line {warning.Line}: {warning.Message}" : $"warning: {file.Name}: {warning.Message}");
        }
        return action(election);
    }
}
