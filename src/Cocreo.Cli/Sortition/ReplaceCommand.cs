using System.CommandLine;
using System.Globalization;
using Cocreo.Sortition;

namespace Cocreo.Cli.Sortition;

/// <summary>
/// <c>cocreo sortition replace</c>: the fairest lottery over replacements that keep every quota; publish it with
/// <c>--out</c>, then draw from it like the first panel (or draw at once with <c>--seed</c>).
/// </summary>
internal static class ReplaceCommand
{
    public static Command Create()
    {
        var input = new SortitionInputOptions();
        var panel = new Option<FileInfo>("--panel") { Description = "The published draw of the current panel", Required = true };
        var dropouts = IdList("--dropouts", "Ids of the members who dropped out");
        dropouts.Required = true;
        var unavailable = IdList("--unavailable", "Ids of pool members who cannot be asked (e.g. they declined earlier)");
        var output = new Option<FileInfo?>("--out") { Description = "Write the replacement distribution to publish before drawing from it" };
        var seed = new Option<string?>("--seed") { Description = "Draw the replacements at once with this revealed seed" };
        var publicValue = new Option<string?>("--public-value") { Description = "A public random value to mix into the draw" };
        var commitment = new Option<string?>("--commitment") { Description = "The published commitment; the seed must match it" };
        var drawOutput = new Option<FileInfo?>("--draw-out") { Description = "Write the replacement draw (JSON)" };
        var format = OutputFormatOption.Create();
        var command = new Command("replace", "Choose replacements for dropouts that keep every quota, fairly and verifiably")
        {
            panel, dropouts, unavailable, output, seed, publicValue, commitment, drawOutput, format,
        };
        input.AddTo(command);
        command.SetAction(parse => SortitionCommand.Guard(parse, writer =>
        {
            var (pool, quotas) = input.Read(parse);
            var current = SortitionCommand.ReadDraw(parse.GetRequiredValue(panel));
            var plan = Replacement.Plan(pool, quotas, current.Members, parse.GetValue(dropouts) ?? [], parse.GetValue(unavailable));
            var selection = plan.Selection;
            writer.WriteLine($"{plan.Dropouts.Count} vacancies; {plan.Remaining.Count} members stay; {plan.Candidates.Count} candidates.");
            if (!selection.Feasibility.IsFeasible || selection.Distribution is null)
            {
                CheckCommand.WriteDiagnosis(writer, selection.Feasibility);
                return SortitionCommand.No;
            }
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"LEXIMIN over the candidates: lowest probability {selection.Statistics.Minimum:P2}, highest {selection.Statistics.Maximum:P2}."));
            if (parse.GetValue(output) is { } file)
            {
                SortitionCommand.Write(file, stream => PublishedFiles.WriteDistribution(stream, selection.Distribution, pool.Features, "leximin-replacement", selection));
                writer.WriteLine($"Replacement distribution written to {file}; publish it before the draw.");
            }
            if (parse.GetValue(seed) is { } secret)
            {
                var draw = Lottery.Draw(selection.Distribution, secret, parse.GetValue(publicValue), parse.GetValue(commitment));
                if (parse.GetValue(drawOutput) is { } drawFile)
                {
                    SortitionCommand.Write(drawFile, stream => PublishedFiles.WriteDraw(stream, draw));
                }
                DrawCommand.Write(writer, draw, selection.Distribution.Panels.Count, parse.GetValue(format));
            }
            return 0;
        }));
        return command;
    }

    private static Option<string[]> IdList(string name, string description) => new(name)
    {
        Description = description + " (comma-separated)",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    };
}
