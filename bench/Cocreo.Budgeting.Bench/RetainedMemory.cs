using Cocreo.Budgeting.Pabulib;
using Cocreo.Budgeting.Rules;

namespace Cocreo.Budgeting.Bench;

/// <summary>
/// Managed memory kept alive by a parsed election and by MES's outcome, as GC.GetTotalMemory(forceFullCollection: true)
/// differences (garbage excluded), and the process's peak resident memory so far (runtime, code and garbage included).
/// BenchmarkDotNet's memory diagnoser counts allocations, not what stays; this is the other half.
/// </summary>
internal static class RetainedMemory
{
    public static void Print(IEnumerable<string> files, TextWriter output)
    {
        foreach (var name in files)
        {
            var path = BudgetingBenchmarks.DataFile(name);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var election = PabulibReader.ReadFile(path);
            var read = GC.GetTotalMemory(forceFullCollection: true);
            var outcome = new EqualSharesRule().Compute(election.Instance, election.Profile);
            var afterMes = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(election);
            GC.KeepAlive(outcome);
            var megabytes = new FileInfo(path).Length / 1e6;
            output.WriteLine(
                $"{name}: file {megabytes:F2} MB; election kept {(read - before) / 1e6:F1} MB ({(read - before) / 1e6 / megabytes:F1}x); " +
                $"with MES outcome {(afterMes - before) / 1e6:F1} MB; peak RSS so far {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F1} MB");
        }
    }
}
