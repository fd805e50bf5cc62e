using Microsoft.AspNetCore.Html;

namespace Cocreo.Web.Features.Assessments.Charts;

/// <summary>One shape on a radar chart: a value from 0 to 1 per axis (null where it could not be evaluated).</summary>
public sealed record RadarSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A ring of the radar drawn at a threshold, e.g. "medium from one third".</summary>
public sealed record RadarRing(double Value, string Label);

/// <summary>
/// A radar (spider) chart of scores from 0 to 1, one axis per category or dimension. Several series are told apart by
/// marker shape and line pattern as well as colour; axes without a value are left out of the shape and marked.
/// The page shows the same numbers in a table next to it.
/// </summary>
public static class RadarChart
{
    private const int Width = 640;
    private const double CentreX = Width / 2.0;
    private const double CentreY = 215;
    private const double Radius = 150;

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<string> axes, IReadOnlyList<RadarSeries> series, IReadOnlyList<RadarRing> rings)
    {
        var svg = new SvgWriter(id, Width, 430 + Legend.Height(series.Count), title, description);
        var n = axes.Count;
        (double X, double Y) Point(int axis, double value)
        {
            var angle = -Math.PI / 2 + 2 * Math.PI * axis / n;
            return (CentreX + Radius * value * Math.Cos(angle), CentreY + Radius * value * Math.Sin(angle));
        }

        svg.Polygon(Enumerable.Range(0, n).Select(a => Point(a, 1)), "grid-outer");
        foreach (var ring in rings)
        {
            svg.Polygon(Enumerable.Range(0, n).Select(a => Point(a, ring.Value)), "grid-ring");
            var (x, y) = Point(0, ring.Value);
            svg.Label(x + 4, y + 4, ring.Label, "ring-label", "start");
        }
        for (var a = 0; a < n; a++)
        {
            var (x, y) = Point(a, 1);
            svg.Line(CentreX, CentreY, x, y, "grid-axis");
            var (lx, ly) = Point(a, 1.16);
            var anchor = Math.Abs(lx - CentreX) < 1 ? "middle" : lx > CentreX ? "start" : "end";
            svg.Label(lx, ly + (ly > CentreY + 1 ? 12 : 0), SvgWriter.Wrap(axes[a], 16), "axis-label", anchor);
        }

        for (var s = 0; s < series.Count; s++)
        {
            var values = series[s].Values;
            var known = Enumerable.Range(0, n).Where(a => values[a] is not null).ToList();
            if (known.Count >= 3)
            {
                svg.Polygon(known.Select(a => Point(a, values[a]!.Value)), $"series series-{s}");
            }
            else if (known.Count == 2)
            {
                svg.Polyline(known.Select(a => Point(a, values[a]!.Value)), $"series series-{s}");
            }
            foreach (var a in known)
            {
                var (x, y) = Point(a, values[a]!.Value);
                svg.Marker(s, x, y, 5, $"marker series-{s}");
            }
        }

        Legend.Draw(svg, series.Select(s => s.Name).ToList(), 430);
        return svg.Close();
    }
}

/// <summary>A chart's legend: each series' line pattern, marker shape and name, one per row below the plot.</summary>
internal static class Legend
{
    private const int Row = 24;

    /// <summary>The height the legend of <paramref name="series"/> series needs.</summary>
    public static int Height(int series) => series * Row + 8;

    public static void Draw(SvgWriter svg, IReadOnlyList<string> names, double top)
    {
        for (var s = 0; s < names.Count; s++)
        {
            var y = top + s * Row + 12;
            svg.Line(30, y, 62, y, $"series-line series-{s}");
            svg.Marker(s, 46, y, 5, $"marker series-{s}");
            svg.Label(72, y + 5, names[s], "legend-label", "start");
        }
    }
}
