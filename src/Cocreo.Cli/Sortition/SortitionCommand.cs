using System.CommandLine;
using Cocreo.Sortition;

namespace Cocreo.Cli.Sortition;

/// <summary><c>cocreo sortition</c>: check quotas, select (LEXIMIN, MAXIMIN, LEGACY), commit, draw, verify and replace.</summary>
public static class SortitionCommand
{
    /// <summary>Exit code when the answer is no: infeasible quotas, a draw that does not verify.</summary>
    internal const int No = 1;

    /// <summary>Exit code for input the user must fix.</summary>
    internal const int BadInput = 2;

    public static Command Create() => new("sortition", "Select a citizens' assembly by lot: quotas, fair selection probabilities, a verifiable draw, replacements")
    {
        CheckCommand.Create(),
        SelectCommand.Create(),
        CommitCommand.Create(),
        DrawCommand.Create(),
        VerifyCommand.Create(),
        ReplaceCommand.Create(),
    };

    /// <summary>Runs a command body, turning the errors a user can cause into a message and exit code 2.</summary>
    internal static int Guard(ParseResult parse, Func<TextWriter, int> body)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return body(parse.InvocationConfiguration.Output);
        }
        catch (InputFormatException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return BadInput;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + exception.Message);
            return BadInput;
        }
        catch (ArgumentException exception)
        {
            error.WriteLine("error: " + exception.Message.Split(" (Parameter")[0]);
            return BadInput;
        }
    }

    internal static PublishedDistribution ReadDistribution(FileInfo file)
    {
        using var stream = Open(file);
        var published = PublishedFiles.ReadDistribution(stream, file.ToString());
        var digest = published.Distribution.Digest();
        if (published.StatedDigest is not null && !string.Equals(published.StatedDigest, digest, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputFormatException(file.ToString(), null, null, "digest",
                $"the file states the digest {published.StatedDigest} but its content has the digest {digest}: it was changed after publication");
        }
        return published;
    }

    internal static DrawResult ReadDraw(FileInfo file)
    {
        using var stream = Open(file);
        return PublishedFiles.ReadDraw(stream, file.ToString());
    }

    internal static void Write(FileInfo file, Action<Stream> write)
    {
        using var stream = File.Create(file.FullName);
        write(stream);
    }

    private static FileStream Open(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new InputFormatException(file.ToString(), null, null, null, "the file does not exist");
        }
        return file.OpenRead();
    }
}
