using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cocreo.Sortition;

namespace Cocreo.Cli.Sortition;

/// <summary>Which algorithm <c>select</c> runs.</summary>
internal enum AlgorithmChoice
{
    Leximin,
    Maximin,
    Legacy,
}

/// <summary>
/// <c>cocreo sortition select</c>: everyone's selection probability under LEXIMIN, MAXIMIN or LEGACY, with statistics
/// and an explanation; writes the distribution to publish before the draw.
/// </summary>
internal static class SelectCommand
{
    public static Command Create()
    {
        var input = new SortitionInputOptions();
        var format = OutputFormatOption.Create();
        var algorithm = new Option<AlgorithmChoice>("--algorithm")
        {
            Description = "leximin (the fairest), maximin, or legacy (the Sortition Foundation's greedy procedure, estimated by simulation)",
            DefaultValueFactory = _ => AlgorithmChoice.Leximin,
        };
        var output = new Option<FileInfo?>("--out") { Description = "Write the distribution to publish before the draw (JSON; leximin and maximin)" };
        var uniform = new Option<int?>("--uniform-panels") { Description = "Round the distribution to this many equally likely panels (e.g. 1000, for a draw with dice or balls)" };
        var runs = new Option<int>("--runs") { Description = "LEGACY: panels to draw for the estimate", DefaultValueFactory = _ => 10_000 };
        var randomSeed = new Option<int>("--random-seed") { Description = "LEGACY: seed of the simulation's random numbers", DefaultValueFactory = _ => 1 };
        var command = new Command("select", "Compute everyone's selection probability under an algorithm, with statistics and an explanation")
        {
            algorithm, output, uniform, runs, randomSeed, format,
        };
        input.AddTo(command);
        command.SetAction(parse => SortitionCommand.Guard(parse, writer =>
        {
            var (pool, quotas) = input.Read(parse);
            var choice = parse.GetValue(algorithm);
            var result = choice switch
            {
                AlgorithmChoice.Maximin => Maximin.Select(pool, quotas),
                AlgorithmChoice.Legacy => Legacy.Estimate(pool, quotas, parse.GetValue(runs), new Random(parse.GetValue(randomSeed))),
                _ => Leximin.Select(pool, quotas),
            };
            if (!result.Feasibility.IsFeasible)
            {
                if (parse.GetValue(format) == OutputFormat.Json)
                {
                    WriteJson(writer, result, null, null);
                }
                else
                {
                    CheckCommand.WriteDiagnosis(writer, result.Feasibility);
                }
                return SortitionCommand.No;
            }
            // LEGACY is judged against LEXIMIN's minimum, as in the paper.
            var leximinMinimum = choice == AlgorithmChoice.Legacy ? Leximin.Select(pool, quotas).Statistics.Minimum : (double?)null;
            var distribution = result.Distribution;
            UniformLotteryResult? rounded = null;
            if (distribution is not null && parse.GetValue(uniform) is { } panels)
            {
                rounded = UniformLottery.Round(distribution, panels);
                distribution = rounded.Lottery;
            }
            if (parse.GetValue(output) is { } file)
            {
                if (distribution is null)
                {
                    throw new ArgumentException("LEGACY has no distribution to publish; it draws panels one by one.");
                }
                SortitionCommand.Write(file, stream => PublishedFiles.WriteDistribution(stream, distribution, pool.Features, choice.ToString().ToLowerInvariant(), result));
            }
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    WriteJson(writer, result, leximinMinimum, rounded);
                    break;
                case OutputFormat.Csv:
                    writer.WriteLine("id,probability");
                    foreach (var p in result.Probabilities)
                    {
                        writer.WriteLine(Csv.Field(p.Id) + "," + p.Probability.ToString("R", CultureInfo.InvariantCulture));
                    }
                    break;
                default:
                    WriteTable(writer, result, leximinMinimum, rounded, parse.GetValue(output));
                    break;
            }
            return 0;
        }));
        return command;
    }

    private static void WriteTable(TextWriter output, SelectionResult result, double? leximinMinimum, UniformLotteryResult? rounded, FileInfo? file)
    {
        var statistics = result.Statistics;
        output.WriteLine($"{result.Algorithm.ToString().ToUpperInvariant()}: {statistics.Count} people");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  minimum {statistics.Minimum:P2}, maximum {statistics.Maximum:P2}, mean {statistics.Mean:P2}, Gini coefficient {statistics.Gini:P1}, geometric mean {statistics.GeometricMean:P2}"));
        if (leximinMinimum is { } minimum)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  share of people below LEXIMIN's minimum ({minimum:P2}): {statistics.ShareBelow(minimum - 1e-9):P1}"));
        }
        output.WriteLine();
        foreach (var line in result.Explanation)
        {
            output.WriteLine(line);
        }
        output.WriteLine();
        var table = new TextTable("probability", "people");
        foreach (var level in result.Probabilities.GroupBy(p => Math.Round(p.Probability, 6)).OrderBy(g => g.Key))
        {
            table.Add(level.Key.ToString("P4", CultureInfo.InvariantCulture), level.Count().ToString(CultureInfo.InvariantCulture));
        }
        table.Write(output);
        if (rounded is not null)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Rounded to a uniform lottery over {rounded.Lottery.Panels.Count} panels; no one's probability moved by more than {rounded.LargestDeviation:P3}."));
        }
        if (file is not null)
        {
            output.WriteLine();
            output.WriteLine($"Distribution written to {file}; publish it (and the commitment to your seed) before the draw.");
        }
        output.WriteLine("Each person's probability: --format csv or --format json.");
    }

    private static void WriteJson(TextWriter output, SelectionResult result, double? leximinMinimum, UniformLotteryResult? rounded)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("algorithm", result.Algorithm.ToString().ToLowerInvariant());
            CheckCommand.WriteReport(json, result.Feasibility);
            PublishedFiles.WriteStatistics(json, result.Statistics);
            if (leximinMinimum is { } minimum)
            {
                json.WriteNumber("leximinMinimum", minimum);
                json.WriteNumber("shareBelowLeximinMinimum", result.Statistics.ShareBelow(minimum - 1e-9));
            }
            json.WriteStartArray("explanation");
            foreach (var line in result.Explanation)
            {
                json.WriteStringValue(line);
            }
            json.WriteEndArray();
            json.WriteStartArray("levels");
            foreach (var level in result.Levels)
            {
                json.WriteStartObject();
                json.WriteNumber("probability", level.Probability);
                json.WriteNumber("people", level.People);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (result.Solver is { } solver)
            {
                json.WriteStartObject("solver");
                json.WriteString("lp", solver.LpSolver);
                json.WriteString("pricing", solver.PricingSolver);
                json.WriteNumber("stages", solver.Stages);
                json.WriteNumber("lpSolves", solver.LpSolves);
                json.WriteNumber("integerProgramSolves", solver.IntegerProgramSolves);
                json.WriteNumber("panelsGenerated", solver.PanelsGenerated);
                json.WriteNumber("panelsUsed", solver.PanelsUsed);
                json.WriteNumber("largestShortfall", solver.LargestShortfall);
                json.WriteEndObject();
            }
            if (result.Legacy is { } legacy)
            {
                json.WriteStartObject("legacy");
                json.WriteNumber("runs", legacy.Runs);
                json.WriteNumber("restarts", legacy.Restarts);
                json.WriteEndObject();
            }
            if (rounded is not null)
            {
                json.WriteStartObject("uniformLottery");
                json.WriteNumber("panels", rounded.Lottery.Panels.Count);
                json.WriteNumber("largestDeviation", rounded.LargestDeviation);
                json.WriteEndObject();
            }
            json.WriteStartArray("probabilities");
            foreach (var p in result.Probabilities)
            {
                json.WriteStartObject();
                json.WriteString("id", p.Id);
                json.WriteNumber("probability", p.Probability);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
