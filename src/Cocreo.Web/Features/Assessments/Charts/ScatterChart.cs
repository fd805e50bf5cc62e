using Microsoft.AspNetCore.Html;

namespace Cocreo.Web.Features.Assessments.Charts;

/// <summary>A point of a scatter chart, named by a short label (its number in the table beside the chart).</summary>
public sealed record ScatterPoint(string Label, double X, double Y, bool Highlighted);

/// <summary>
/// Two scores from 0 to 1 against each other (Co-Serve: users' readiness across, the organisation's readiness up),
/// with the level thresholds drawn on both axes. Points are numbered; points at the same place share a marker and
/// list every number; a highlighted point (the most suitable) gets a second ring, not only a colour.
/// </summary>
public static class ScatterChart
{
    private const int Size = 320;
    private const double Left = 80;
    private const double Top = 16;

    public static IHtmlContent Render(string id, string title, string description, string xAxis, string yAxis, IReadOnlyList<ScatterPoint> points, IReadOnlyList<(double Value, string Label)> thresholds)
    {
        var bottom = Top + Size;
        var svg = new SvgWriter(id, (int)Left + Size + 40, (int)bottom + 70, title, description);
        double X(double value) => Left + value * Size;
        double Y(double value) => bottom - value * Size;

        svg.Rect(Left, Top, Size, Size, "grid-outer");
        foreach (var (value, label) in thresholds)
        {
            svg.Line(X(value), Top, X(value), bottom, "grid-ring");
            svg.Line(Left, Y(value), Left + Size, Y(value), "grid-ring");
            svg.Label(X(value), bottom + 18, label, "ring-label");
            svg.Label(Left - 6, Y(value) + 4, label, "ring-label", "end");
        }
        svg.Label(Left, bottom + 18, "0", "ring-label");
        svg.Label(Left + Size, bottom + 18, "1", "ring-label");
        svg.Label(Left - 6, bottom + 4, "0", "ring-label", "end");
        svg.Label(Left - 6, Top + 4, "1", "ring-label", "end");
        svg.Label(Left + Size / 2.0, bottom + 50, xAxis, "axis-title");
        var middle = Top + Size / 2.0;
        svg.Raw($"<g transform=\"rotate(-90 {SvgWriter.N(24)} {SvgWriter.N(middle)})\">");
        svg.Label(24, middle, yAxis, "axis-title");
        svg.Raw("</g>");

        foreach (var place in points.GroupBy(p => (p.X, p.Y)))
        {
            var x = X(place.Key.X);
            var y = Y(place.Key.Y);
            if (place.Any(p => p.Highlighted))
            {
                svg.Raw($"<circle cx=\"{SvgWriter.N(x)}\" cy=\"{SvgWriter.N(y)}\" r=\"17\" class=\"highlight-ring\"/>");
            }
            svg.Raw($"<circle cx=\"{SvgWriter.N(x)}\" cy=\"{SvgWriter.N(y)}\" r=\"12\" class=\"point{(place.Any(p => p.Highlighted) ? " highlighted" : "")}\"/>");
            svg.Label(x, y + 5, string.Join(",", place.Select(p => p.Label)), "point-label");
        }
        return svg.Close();
    }
}
