using BenchmarkDotNet.Running;

// Runs the budgeting benchmarks: `dotnet run -c Release --project bench/Cocreo.Budgeting.Bench -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Cocreo.Budgeting.Bench.BudgetingBenchmarks).Assembly).Run(args);
