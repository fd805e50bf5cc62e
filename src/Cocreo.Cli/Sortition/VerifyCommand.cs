using System.CommandLine;
using Cocreo.Sortition;

namespace Cocreo.Cli.Sortition;

/// <summary>
/// <c>cocreo sortition verify</c>: anyone can check a published draw: the seed against the commitment, the draw
/// reproduced from the seed and the published distribution, and (given the pool and quotas) every panel of the
/// distribution against the quotas.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var distribution = new Option<FileInfo>("--distribution") { Description = "The published distribution", Required = true };
        var draw = new Option<FileInfo>("--draw") { Description = "The published draw (from draw --out)", Required = true };
        var quotas = new Option<FileInfo?>("--quotas") { Description = "Also check every panel against these quotas (with --pool and --panel-size)" };
        var pool = new Option<FileInfo?>("--pool") { Description = "The pool file, to check the distribution's groups" };
        var panelSize = new Option<int?>("--panel-size", "-k") { Description = "The panel size" };
        var idColumn = new Option<string?>("--id-column") { Description = "The pool's id column" };
        var command = new Command("verify", "Reproduce a published draw from its seed and check it")
        {
            distribution, draw, quotas, pool, panelSize, idColumn,
        };
        command.SetAction(parse => SortitionCommand.Guard(parse, output =>
        {
            var published = SortitionCommand.ReadDistribution(parse.GetRequiredValue(distribution));
            var claimed = SortitionCommand.ReadDraw(parse.GetRequiredValue(draw));
            var problems = new List<string>();
            if (parse.GetValue(quotas) is { } quotaFile && parse.GetValue(pool) is { } poolFile)
            {
                var k = parse.GetValue(panelSize) ?? published.Distribution.PanelSize;
                var input = PoolFiles.Read(quotaFile.ToString(), poolFile.ToString(), k, new PoolReadOptions { IdColumn = parse.GetValue(idColumn) });
                problems.AddRange(published.Distribution.Problems(input.Pool, input.Quotas).Select(p => "distribution: " + p));
            }
            var verification = Lottery.Verify(published.Distribution, claimed);
            problems.AddRange(verification.Problems);
            if (problems.Count == 0)
            {
                output.WriteLine($"Verified: the seed{(claimed.Commitment is null ? "" : " matches the commitment and")} reproduces panel {claimed.PanelIndex + 1} of the distribution {claimed.DistributionDigest} with the same {claimed.Members.Count} members.");
                return 0;
            }
            output.WriteLine("NOT verified:");
            foreach (var problem in problems)
            {
                output.WriteLine("  - " + problem);
            }
            return SortitionCommand.No;
        }));
        return command;
    }
}
