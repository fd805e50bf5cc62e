namespace Cocreo.Sortition;

/// <summary>
/// Writes a target vector of expected seats as a lottery over whole panels by peeling, after Carathéodory: take a
/// valid panel on the smallest face of the relaxation that contains the current point, remove as much of it as keeps
/// the remainder inside the relaxation, and go on from the remainder, which lies on a smaller face. Each step costs one
/// small integer program and at most one step per dimension is needed, so a target far inside the panels' hull is
/// decomposed without any large linear program. The peeling can get stuck (a remainder inside the relaxation but not
/// inside the hull of whole panels); the panels peeled so far then still serve the column generation.
/// </summary>
internal static class Decomposition
{
    private const double Tight = 1e-9;

    /// <summary>The panels peeled with their weights; <c>Complete</c> is false when the peeling got stuck.</summary>
    public static (List<(Composition Panel, double Weight)> Panels, bool Complete) Peel(PanelSpace face, double[] targetSeats, LeximinOptions options, Action<int> countIntegerProgram)
    {
        var x = (double[])targetSeats.Clone();
        var remaining = 1.0;
        var peeled = new List<(Composition, double)>();
        for (var step = 0; step <= face.GroupCount + 1 && remaining > Tight; step++)
        {
            var smallest = SmallestFace(face, x);
            using var pricing = PanelPricing.Create(smallest, options.PricingSolver);
            countIntegerProgram(1);
            // The panel most aligned with the point leaves the largest step before the remainder leaves the relaxation.
            var seats = pricing.Best(x.Select((v, g) => v / face.Capacity[g]).ToArray());
            if (seats is null)
            {
                return (peeled, false);
            }
            var step_ = Math.Min(1, LargestStep(face, x, seats));
            if (step_ <= Tight)
            {
                return (peeled, false);
            }
            peeled.Add((Composition.FromDense(seats), remaining * step_));
            if (step_ >= 1 - Tight)
            {
                return (peeled, true);
            }
            for (var g = 0; g < x.Length; g++)
            {
                x[g] = (x[g] - step_ * seats[g]) / (1 - step_);
            }
            remaining *= 1 - step_;
            options.Progress?.Invoke($"peeling: {peeled.Count} panels, {remaining:G3} of the target left");
        }
        return (peeled, remaining <= Tight);
    }

    /// <summary>The panel rules with every bound the point touches made an equality.</summary>
    private static PanelSpace SmallestFace(PanelSpace face, double[] x)
    {
        var lower = (int[])face.Lower.Clone();
        var upper = (int[])face.Upper.Clone();
        for (var g = 0; g < x.Length; g++)
        {
            if (x[g] - face.Lower[g] <= Tight)
            {
                upper[g] = face.Lower[g];
            }
            else if (face.Upper[g] - x[g] <= Tight)
            {
                lower[g] = face.Upper[g];
            }
        }
        var counts = Counts(face, x);
        var min = face.Min.Select(m => (int[])m.Clone()).ToArray();
        var max = face.Max.Select(m => (int[])m.Clone()).ToArray();
        for (var f = 0; f < min.Length; f++)
        {
            for (var v = 0; v < min[f].Length; v++)
            {
                if (counts[f][v] - face.Min[f][v] <= Tight)
                {
                    max[f][v] = face.Min[f][v];
                }
                else if (face.Max[f][v] - counts[f][v] <= Tight)
                {
                    min[f][v] = face.Max[f][v];
                }
            }
        }
        return face.Restrict(min, max, lower, upper);
    }

    /// <summary>The largest λ with (x − λ·c) / (1 − λ) still inside the relaxation (a ratio test over its constraints).</summary>
    private static double LargestStep(PanelSpace face, double[] x, int[] c)
    {
        var step = double.PositiveInfinity;
        // a·x − b ≥ λ (a·c − b) for each constraint a·y ≥ b the panel meets with room (a·c > b), likewise for ≤.
        void Limit(double pointSlack, double panelSlack)
        {
            if (panelSlack > Tight)
            {
                step = Math.Min(step, Math.Max(0, pointSlack) / panelSlack);
            }
        }
        for (var g = 0; g < x.Length; g++)
        {
            Limit(x[g] - face.Lower[g], c[g] - face.Lower[g]);
            Limit(face.Upper[g] - x[g], face.Upper[g] - c[g]);
        }
        var pointCounts = Counts(face, x);
        var panelCounts = face.CountByValue(c);
        for (var f = 0; f < pointCounts.Length; f++)
        {
            for (var v = 0; v < pointCounts[f].Length; v++)
            {
                Limit(pointCounts[f][v] - face.Min[f][v], panelCounts[f][v] - face.Min[f][v]);
                Limit(face.Max[f][v] - pointCounts[f][v], face.Max[f][v] - panelCounts[f][v]);
            }
        }
        foreach (var household in face.Households)
        {
            Limit(1 - household.Sum(g => x[g]), 1 - household.Sum(g => c[g]));
        }
        return step;
    }

    private static double[][] Counts(PanelSpace face, double[] x)
    {
        var counts = face.Min.Select(m => new double[m.Length]).ToArray();
        for (var g = 0; g < x.Length; g++)
        {
            for (var f = 0; f < face.FeatureCount; f++)
            {
                counts[f][face.ValueOf[g][f]] += x[g];
            }
        }
        return counts;
    }
}
