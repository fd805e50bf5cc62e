using System.CommandLine;
using Cocreo.Cli.Pb;

// The same commands as `cocreo pb`, at the root: `cocreo-pb run FILE ...`, `cocreo-pb check FILE`, `cocreo-pb compare FILE`.
var root = new RootCommand("cocreo-pb: participatory budgeting on pabulib .pb files (the `cocreo pb` commands, compiled to native code)");
foreach (var command in PbCommand.Subcommands())
{
    root.Subcommands.Add(command);
}
return root.Parse(args).Invoke();
