using System.CommandLine;
using Cocreo.Sortition;

namespace Cocreo.Cli.Sortition;

/// <summary><c>cocreo sortition draw</c>: draws the panel from a published distribution with the revealed seed.</summary>
internal static class DrawCommand
{
    public static Command Create()
    {
        var distribution = new Option<FileInfo>("--distribution") { Description = "The published distribution (from select --out or replace --out)", Required = true };
        var seed = new Option<string>("--seed") { Description = "The seed, revealed now", Required = true };
        var publicValue = new Option<string?>("--public-value") { Description = "A public random value announced after the commitment (e.g. a lottery result), mixed into the draw" };
        var commitment = new Option<string?>("--commitment") { Description = "The published commitment; the seed must match it" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the draw (JSON) to publish with the seed" };
        var format = OutputFormatOption.Create();
        var command = new Command("draw", "Draw one panel from a published distribution with a seed")
        {
            distribution, seed, publicValue, commitment, output, format,
        };
        command.SetAction(parse => SortitionCommand.Guard(parse, writer =>
        {
            var published = SortitionCommand.ReadDistribution(parse.GetRequiredValue(distribution));
            var draw = Lottery.Draw(published.Distribution, parse.GetRequiredValue(seed), parse.GetValue(publicValue), parse.GetValue(commitment));
            if (parse.GetValue(output) is { } file)
            {
                SortitionCommand.Write(file, stream => PublishedFiles.WriteDraw(stream, draw));
            }
            Write(writer, draw, published.Distribution.Panels.Count, parse.GetValue(format));
            return 0;
        }));
        return command;
    }

    public static void Write(TextWriter output, DrawResult draw, int panelCount, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                using (var stream = new MemoryStream())
                {
                    PublishedFiles.WriteDraw(stream, draw);
                    output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                }
                break;
            case OutputFormat.Csv:
                output.WriteLine("id");
                foreach (var id in draw.Members)
                {
                    output.WriteLine(Csv.Field(id));
                }
                break;
            default:
                output.WriteLine($"Drew panel {draw.PanelIndex + 1} of {panelCount} from the distribution with digest {draw.DistributionDigest}.");
                if (draw.Commitment is not null)
                {
                    output.WriteLine($"The seed matches the commitment {draw.Commitment}.");
                }
                output.WriteLine($"{draw.Members.Count} members: {string.Join(", ", draw.Members)}");
                break;
        }
    }
}
