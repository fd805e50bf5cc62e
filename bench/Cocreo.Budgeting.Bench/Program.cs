using BenchmarkDotNet.Running;
using Cocreo.Budgeting.Bench;

// Runs the budgeting benchmarks: `dotnet run -c Release --project bench/Cocreo.Budgeting.Bench -- --filter '*'`.
// `-- retained FILE...` instead prints the managed memory an election keeps, read and after MES (see RetainedMemory).
if (args is ["retained", .. var files])
{
    RetainedMemory.Print(files, Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(BudgetingBenchmarks).Assembly).Run(args);
