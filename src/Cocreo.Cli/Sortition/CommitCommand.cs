using System.CommandLine;
using System.Security.Cryptography;
using Cocreo.Sortition;

namespace Cocreo.Cli.Sortition;

/// <summary><c>cocreo sortition commit</c>: a fresh secret seed and the commitment to publish before the draw.</summary>
internal static class CommitCommand
{
    public static Command Create()
    {
        var seed = new Option<string?>("--seed") { Description = "Compute the commitment of this seed instead of creating a new one" };
        var command = new Command("commit", "Create a secret seed and print the SHA-256 commitment to publish before the draw") { seed };
        command.SetAction(parse => SortitionCommand.Guard(parse, output =>
        {
            var given = parse.GetValue(seed);
            var secret = given ?? SeedCommitment.NewSeed(RandomNumberGenerator.Create());
            if (given is null)
            {
                output.WriteLine($"seed:       {secret}");
                output.WriteLine("            keep it secret until the draw; anyone who knows it before can predict the panel");
            }
            output.WriteLine($"commitment: {SeedCommitment.Commit(secret)}");
            output.WriteLine("            publish it now, with the distribution, before the draw");
            return 0;
        }));
        return command;
    }
}
