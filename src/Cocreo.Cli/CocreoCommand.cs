using System.CommandLine;

namespace Cocreo.Cli;

/// <summary>The root of the <c>cocreo</c> command line. Each capability adds its command here.</summary>
public static class CocreoCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("cocreo: command-line tools of the Cocreo co-creation platform");
        root.Add(Sortition.SortitionCommand.Create());
        root.Add(Log.LogCommand.Create());
        root.Add(Opinion.OpinionCommand.Create());
        root.Add(Pb.PbCommand.Create());
        return root;
    }

    /// <summary>Runs the command line with the given arguments, writing to the given streams (tests pass string writers).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
}
