using Google.OrTools.LinearSolver;
using Google.OrTools.Sat;

namespace Cocreo.Sortition.Tests;

public class SolverSmokeTests
{
    [Fact]
    public void Glop_solves_a_tiny_lp()
    {
        using var solver = Solver.CreateSolver("GLOP");
        var x = solver.MakeNumVar(0, 10, "x");
        var y = solver.MakeNumVar(0, 10, "y");
        var c = solver.MakeConstraint(double.NegativeInfinity, 4);
        c.SetCoefficient(x, 1); c.SetCoefficient(y, 1);
        solver.Objective().SetCoefficient(x, 1);
        solver.Objective().SetCoefficient(y, 2);
        solver.Objective().SetMaximization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        Assert.Equal(8, solver.Objective().Value(), 6);
        Assert.Equal(2, c.DualValue(), 6); // OR-Tools reports the dual of a maximisation with its sign as the objective gain
    }

    [Fact]
    public void Cp_sat_solves_a_tiny_ip()
    {
        var model = new CpModel();
        var a = model.NewBoolVar("a");
        var b = model.NewBoolVar("b");
        model.Add(a + b <= 1);
        model.Maximize(2 * a + 3 * b);
        var solver = new CpSolver();
        Assert.Equal(CpSolverStatus.Optimal, solver.Solve(model));
        Assert.Equal(3, solver.ObjectiveValue);
    }
}
