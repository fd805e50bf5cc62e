using Microsoft.AspNetCore.Html;

namespace Cocreo.Web.Features.Assessments.Charts;

/// <summary>One line of a line chart: a value from 0 to 1 per point in time (null where there is none).</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A band of the value axis, e.g. "low" below one third; drawn as a labelled stripe.</summary>
public sealed record ValueBand(double From, double To, string Label);

/// <summary>
/// Scores over time (0 to 1) on an axis divided into the levels' bands. Lines are told apart by pattern and marker
/// shape as well as colour; the page shows the same numbers in a table.
/// </summary>
public static class LineChart
{
    private const int Width = 600;
    private const double Left = 150;
    private const double Right = 48;
    private const double Top = 16;
    private const double PlotHeight = 240;

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<string> times, IReadOnlyList<LineSeries> series, IReadOnlyList<ValueBand> bands)
    {
        var plotBottom = Top + PlotHeight;
        var svg = new SvgWriter(id, Width, (int)plotBottom + 56 + Legend.Height(series.Count), title, description);
        double Y(double value) => plotBottom - value * PlotHeight;
        double X(int index) => times.Count == 1 ? Left + (Width - Left - Right) / 2 : Left + index * (Width - Left - Right) / (times.Count - 1);

        for (var b = 0; b < bands.Count; b++)
        {
            var band = bands[b];
            svg.Rect(Left, Y(band.To), Width - Left - Right, Y(band.From) - Y(band.To), $"band band-{b}");
            var label = SvgWriter.Wrap(band.Label, 16);
            svg.Label(Left - 8, (Y(band.From) + Y(band.To)) / 2 + 5 - 8 * (label.Count(c => c == '\n')), label, "axis-label", "end");
            if (band.From > 0)
            {
                svg.Line(Left, Y(band.From), Width - Right, Y(band.From), "grid-ring");
            }
        }
        svg.Line(Left, plotBottom, Width - Right, plotBottom, "grid-axis");
        svg.Line(Left, Top, Left, plotBottom, "grid-axis");
        for (var i = 0; i < times.Count; i++)
        {
            svg.Label(X(i), plotBottom + 22, times[i], "axis-label");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var points = Enumerable.Range(0, times.Count).Where(i => series[s].Values[i] is not null)
                .Select(i => (X(i), Y(series[s].Values[i]!.Value))).ToList();
            if (points.Count > 1)
            {
                svg.Polyline(points, $"series-line series-{s}");
            }
            foreach (var (x, y) in points)
            {
                svg.Marker(s, x, y, 5, $"marker series-{s}");
            }
        }
        Legend.Draw(svg, series.Select(s => s.Name).ToList(), plotBottom + 40);
        return svg.Close();
    }
}
