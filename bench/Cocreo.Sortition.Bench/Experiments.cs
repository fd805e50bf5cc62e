using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace Cocreo.Sortition.Bench;

internal static class Experiments
{
    public static void Realize(SelectionInput input, LeximinOptions options)
    {
        var groups = ProfileGroup.Form(input.Pool, input.Quotas);
        var space = new PanelSpace(input.Pool, input.Quotas, groups);
        var sw = Stopwatch.StartNew();
        var relaxed = RelaxedLeximin.Solve(space);
        Console.WriteLine($"relaxed: {relaxed.Stages.Count} stages in {sw.Elapsed.TotalSeconds:F2}s; min {relaxed.Probabilities.Min():R}");
        if (Environment.GetEnvironmentVariable("FACE") == "1")
        {
            space = relaxed.Face;
            Console.WriteLine($"face: {space.Lower.Zip(space.Upper).Count(p => p.First == p.Second)} groups fixed, {space.Min.Zip(space.Max).Sum(p => p.First.Zip(p.Second).Count(q => q.First == q.Second))} quotas tight");
        }
        using var cg = new ColumnGeneration(space, options, Environment.GetEnvironmentVariable("ZFORM") == "1" ? relaxed.Probabilities : null);
        var result = Environment.GetEnvironmentVariable("ZFORM") == "1" ? cg.Run(false) : cg.Realize(relaxed.Probabilities);
        Console.WriteLine($"realized in {sw.Elapsed.TotalSeconds:F2}s with {cg.PanelCount} panels, {cg.LpSolves} LPs, {cg.IntegerProgramSolves} IPs");
    }

    /// <summary>Leximin stage 1 over the LP relaxation Q of the panel polytope.</summary>
    public static void RelaxedMaximin(SelectionInput input)
    {
        var groups = ProfileGroup.Form(input.Pool, input.Quotas);
        var space = new PanelSpace(input.Pool, input.Quotas, groups);
        var sw = Stopwatch.StartNew();
        using var s = Solver.CreateSolver("GLOP")!;
        var seats = space.Capacity.Select(c => s.MakeNumVar(0, c, "")).ToArray();
        var z = s.MakeNumVar(0, 1, "");
        var total = s.MakeConstraint(space.PanelSize, space.PanelSize, "");
        foreach (var v in seats) total.SetCoefficient(v, 1);
        for (var f = 0; f < space.FeatureCount; f++)
            for (var v = 0; v < space.Min[f].Length; v++)
            {
                var c = s.MakeConstraint(space.Min[f][v], space.Max[f][v], "");
                for (var g = 0; g < space.GroupCount; g++) if (space.ValueOf[g][f] == v) c.SetCoefficient(seats[g], 1);
            }
        var rows = new Constraint[space.GroupCount];
        for (var g = 0; g < space.GroupCount; g++)
        {
            rows[g] = s.MakeConstraint(0, double.PositiveInfinity, "");
            rows[g].SetCoefficient(seats[g], 1.0 / space.Capacity[g]);
            rows[g].SetCoefficient(z, -1);
        }
        s.Objective().SetCoefficient(z, 1);
        s.Objective().SetMaximization();
        var fixedCount = 0;
        for (var stage = 1; fixedCount < space.GroupCount; stage++)
        {
            s.Solve();
            var level = z.SolutionValue();
            var fixedNow = 0;
            var toFix = Enumerable.Range(0, space.GroupCount).Where(g => rows[g].GetCoefficient(z) != 0 && -rows[g].DualValue() > 1e-7).ToList();
            foreach (var g in toFix)
            {
                {
                    rows[g].SetCoefficient(z, 0);
                    rows[g].SetLb(level);
                    fixedNow += space.Capacity[g];
                    fixedCount++;
                }
            }
            if (level >= 1 - 1e-9) { Console.WriteLine($"the rest reach 1 at stage {stage}"); break; }
            if (stage <= 60 || stage % 20 == 0) Console.WriteLine($"relaxed stage {stage}: level {level:R} fixes {fixedNow} people; {sw.Elapsed.TotalSeconds:F2}s");
        }
        Console.WriteLine($"relaxed leximin done in {sw.Elapsed.TotalSeconds:F2}s");
    }
}
