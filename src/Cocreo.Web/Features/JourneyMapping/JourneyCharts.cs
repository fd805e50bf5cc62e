using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The dashboard's charts as server-rendered SVG. Each is an image with a title and a description; the numbers are
/// written on the chart, so nothing is told by colour alone, and every chart also has a data table on the page.
/// </summary>
public static class JourneyCharts
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    // Rating fills from 1 to 5, dark to light and warm to cool; 1 and 2 are also hatched.
    private static readonly string[] RatingFills = ["hatch-1", "hatch-2", "#d9d9d9", "#9cc3e6", "#2f6fb3"];
    private static readonly string[] RatingText = ["#ffffff", "#1b1b1f", "#1b1b1f", "#1b1b1f", "#ffffff"];
    private static readonly string[] Markers = ["circle", "square", "triangle", "diamond", "cross"];
    private static readonly string[] Dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2"];

    public sealed record Point(string Label, double? Value, int Count);

    public sealed record Series(string Name, IReadOnlyList<Point> Points);

    /// <summary>The mean feeling per stage as a line over 1 (very bad) to 5 (very good), the words on the scale.</summary>
    public static IHtmlContent Curve(string id, string title, string description, IReadOnlyList<string> scaleWords, IReadOnlyList<Series> series)
    {
        var stages = series.Count == 0 ? 0 : series[0].Points.Count;
        const int left = 180, top = 20, height = 220, bottom = 70;
        var step = stages <= 1 ? 120 : Math.Max(70, 520 / (stages - 1));
        var width = left + 40 + step * Math.Max(0, stages - 1) + 40;
        double Y(double v) => top + height - (v - 1) / 4 * height;
        double X(int i) => left + 40 + i * step;

        var svg = Open(id, title, description, width, top + height + bottom);
        for (var r = 1; r <= 5; r++)
        {
            svg.Append(Line(left, Y(r), width - 10, Y(r), "grid"));
            svg.Append(Text(left - 8, Y(r) + 5, $"{r} {scaleWords[r - 1]}", "axis", "end"));
        }
        for (var i = 0; i < stages; i++)
        {
            svg.Append(Text(X(i), top + height + 22, Short(series[0].Points[i].Label, 14), "axis", "middle"));
            svg.Append(Text(X(i), top + height + 40, Invariant($"{i + 1}."), "axis muted", "middle"));
        }
        for (var s = 0; s < series.Count; s++)
        {
            var points = series[s].Points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null).ToList();
            if (points.Count > 1)
            {
                var path = string.Join(" ", points.Select((x, k) => Invariant($"{(k == 0 ? "M" : "L")}{X(x.i):0.#},{Y(x.p.Value!.Value):0.#}")));
                svg.Append(Invariant($"<path d=\"{path}\" class=\"series series-{s}\" fill=\"none\" stroke-width=\"3\"{DashAttribute(s)}/>"));
            }
            foreach (var (p, i) in points)
            {
                svg.Append(Marker(s, X(i), Y(p.Value!.Value)));
                if (series.Count == 1)
                {
                    svg.Append(Text(X(i), Y(p.Value!.Value) - 12, p.Value!.Value.ToString("0.0", CultureInfo.CurrentCulture), "value", "middle"));
                }
            }
        }
        if (series.Count > 1)
        {
            var y = top + height + 58.0;
            var x = (double)left;
            for (var s = 0; s < series.Count; s++)
            {
                svg.Append(Invariant($"<line x1=\"{x:0.#}\" y1=\"{y - 4:0.#}\" x2=\"{x + 24:0.#}\" y2=\"{y - 4:0.#}\" class=\"series series-{s}\" stroke-width=\"3\"{DashAttribute(s)}/>"));
                svg.Append(Marker(s, x + 12, y - 4));
                svg.Append(Text(x + 30, y, Short(series[s].Name, 18), "axis", "start"));
                x += 170;
            }
        }
        return Close(svg);
    }

    /// <summary>How many gave each rating per stage, as 100% bars with the share written in each part.</summary>
    public static IHtmlContent Distribution(string id, string title, string description, IReadOnlyList<string> scaleWords, IReadOnlyList<(string Stage, int[] Counts)> rows)
    {
        const int left = 170, barWidth = 460, rowHeight = 34, top = 10;
        var legendTop = top + rows.Count * rowHeight + 12;
        var svg = Open(id, title, description, left + barWidth + 20, legendTop + 56);
        for (var r = 0; r < rows.Count; r++)
        {
            var (stage, counts) = rows[r];
            var total = counts.Sum();
            var y = top + r * rowHeight;
            svg.Append(Text(left - 8, y + 20, Short(stage, 22), "axis", "end"));
            if (total == 0)
            {
                svg.Append(Text(left + 4, y + 20, "–", "axis", "start"));
                continue;
            }
            double x = left;
            for (var k = 0; k < 5; k++)
            {
                var w = (double)counts[k] / total * barWidth;
                if (w <= 0)
                {
                    continue;
                }
                svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{rowHeight - 8}\" fill=\"{Fill(id, k)}\" stroke=\"#1b1b1f\" stroke-width=\"0.5\"/>"));
                if (w >= 34)
                {
                    svg.Append(Invariant($"<text x=\"{x + w / 2:0.#}\" y=\"{y + 21}\" text-anchor=\"middle\" class=\"in-bar\" fill=\"{RatingText[k]}\">{Encode(Percent((double)counts[k] / total))}</text>"));
                }
                x += w;
            }
        }
        for (var k = 0; k < 5; k++)
        {
            var x = 20 + k % 3 * 210.0;
            var ly = legendTop + k / 3 * 26;
            svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{ly}\" width=\"18\" height=\"18\" fill=\"{Fill(id, k)}\" stroke=\"#1b1b1f\" stroke-width=\"0.5\"/>"));
            svg.Append(Text(x + 24, ly + 14, $"{k + 1} {scaleWords[k]}", "axis small", "start"));
        }
        return Close(svg);
    }

    /// <summary>Stages down, channels across; each cell shows the mean feeling and the number of uses.</summary>
    public static IHtmlContent HeatMap(string id, string title, string description, IReadOnlyList<string> stages, IReadOnlyList<string> channels, Func<int, int, Score> cell)
    {
        const int left = 170, top = 36, cellWidth = 92, cellHeight = 40;
        var svg = Open(id, title, description, left + channels.Count * cellWidth + 10, top + stages.Count * cellHeight + 10);
        for (var c = 0; c < channels.Count; c++)
        {
            svg.Append(Text(left + c * cellWidth + cellWidth / 2.0, top - 12, Short(channels[c], 12), "axis", "middle"));
        }
        for (var s = 0; s < stages.Count; s++)
        {
            var y = top + s * cellHeight;
            svg.Append(Text(left - 8, y + cellHeight / 2.0 + 5, Short(stages[s], 22), "axis", "end"));
            for (var c = 0; c < channels.Count; c++)
            {
                var x = left + c * cellWidth;
                var score = cell(s, c);
                var empty = score.Count == 0;
                var fill = empty ? "#ffffff" : Diverging(score.Mean);
                var ink = empty || PrefersDarkInk(fill) ? "#1b1b1f" : "#ffffff";
                svg.Append(Invariant($"<rect x=\"{x}\" y=\"{y}\" width=\"{cellWidth - 2}\" height=\"{cellHeight - 2}\" fill=\"{fill}\" stroke=\"#b8bcc6\"/>"));
                var label = empty ? "–" : $"{score.Mean.ToString("0.0", CultureInfo.CurrentCulture)} (n={score.Count.ToString(CultureInfo.CurrentCulture)})";
                svg.Append(Invariant($"<text x=\"{x + cellWidth / 2.0 - 1:0.#}\" y=\"{y + cellHeight / 2.0 + 4:0.#}\" text-anchor=\"middle\" class=\"in-bar\" fill=\"{ink}\">{Encode(label)}</text>"));
            }
        }
        return Close(svg);
    }

    /// <summary>Horizontal bars with their values written at the end; an optional marker shows an expected value.</summary>
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<(string Label, double Value, string ValueText, double? Expected)> bars, double max)
    {
        const int left = 200, barWidth = 330, rowHeight = 30, top = 8;
        var svg = Open(id, title, description, left + barWidth + 190, top + Math.Max(1, bars.Count) * rowHeight + 8);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, valueText, expected) = bars[i];
            var y = top + i * rowHeight;
            var w = max <= 0 ? 0 : value / max * barWidth;
            svg.Append(Text(left - 8, y + 19, Short(label, 28), "axis", "end"));
            svg.Append(Invariant($"<rect x=\"{left}\" y=\"{y + 4}\" width=\"{Math.Max(w, 1):0.#}\" height=\"{rowHeight - 10}\" class=\"bar\"/>"));
            if (expected is { } e && max > 0)
            {
                var ex = left + e / max * barWidth;
                svg.Append(Invariant($"<line x1=\"{ex:0.#}\" y1=\"{y}\" x2=\"{ex:0.#}\" y2=\"{y + rowHeight - 2}\" class=\"expected\" stroke-width=\"3\"/>"));
            }
            svg.Append(Text(left + Math.Max(w, expected is { } e2 && max > 0 ? e2 / max * barWidth : 0) + 8, y + 19, valueText, "value", "start"));
        }
        return Close(svg);
    }

    public static string Percent(double share) => share.ToString("0%", CultureInfo.CurrentCulture);

    private static StringBuilder Open(string id, string title, string description, double width, double height)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width:0} {height:0}\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Invariant($"<title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>"));
        svg.Append("<defs>");
        svg.Append("<pattern id=\"" + id + "-hatch-1\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#8c1c13\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#5a120c\" stroke-width=\"3\"/></pattern>");
        svg.Append("<pattern id=\"" + id + "-hatch-2\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><rect width=\"6\" height=\"6\" fill=\"#f2b8a2\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#d9826a\" stroke-width=\"2\"/></pattern>");
        svg.Append("</defs>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Line(double x1, double y1, double x2, double y2, string cssClass) =>
        Invariant($"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" class=\"{cssClass}\"/>");

    private static string Text(double x, double y, string text, string cssClass, string anchor) =>
        Invariant($"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" class=\"{cssClass}\">{Encode(text)}</text>");

    private static string Marker(int series, double x, double y) => Markers[series % Markers.Length] switch
    {
        "circle" => Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"6\" class=\"marker series-{series}\"/>"),
        "square" => Invariant($"<rect x=\"{x - 5:0.#}\" y=\"{y - 5:0.#}\" width=\"10\" height=\"10\" class=\"marker series-{series}\"/>"),
        "triangle" => Invariant($"<path d=\"M{x:0.#},{y - 7:0.#} L{x + 7:0.#},{y + 5:0.#} L{x - 7:0.#},{y + 5:0.#} Z\" class=\"marker series-{series}\"/>"),
        "diamond" => Invariant($"<path d=\"M{x:0.#},{y - 7:0.#} L{x + 7:0.#},{y:0.#} L{x:0.#},{y + 7:0.#} L{x - 7:0.#},{y:0.#} Z\" class=\"marker series-{series}\"/>"),
        _ => Invariant($"<path d=\"M{x - 6:0.#},{y - 6:0.#} L{x + 6:0.#},{y + 6:0.#} M{x + 6:0.#},{y - 6:0.#} L{x - 6:0.#},{y + 6:0.#}\" class=\"series series-{series}\" stroke-width=\"3\"/>"),
    };

    private static string DashAttribute(int series) => Dashes[series % Dashes.Length] is { Length: > 0 } dash ? $" stroke-dasharray=\"{dash}\"" : "";

    /// <summary>Low feelings warm and dark, high ones cool and dark, the middle light; the number in the cell tells the value.</summary>
    private static string Diverging(double mean)
    {
        var stops = new (double At, int R, int G, int B)[] { (1, 140, 28, 19), (2, 217, 130, 106), (3, 240, 240, 240), (4, 156, 195, 230), (5, 31, 82, 140) };
        var v = Math.Clamp(mean, 1, 5);
        var i = Math.Min(3, (int)Math.Floor(v - 1));
        var f = v - stops[i].At;
        int Mix(int a, int b) => (int)Math.Round(a + (b - a) * f);
        return Invariant($"#{Mix(stops[i].R, stops[i + 1].R):x2}{Mix(stops[i].G, stops[i + 1].G):x2}{Mix(stops[i].B, stops[i + 1].B):x2}");
    }

    private static string Fill(string chartId, int rating) => RatingFills[rating].StartsWith('#') ? RatingFills[rating] : $"url(#{chartId}-{RatingFills[rating]})";

    /// <summary>Dark or white ink, whichever contrasts more with the fill (WCAG relative luminance).</summary>
    private static bool PrefersDarkInk(string fill)
    {
        double Channel(int at)
        {
            var c = Convert.ToInt32(fill.Substring(at, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05);
    }

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Encode(string text) => Encoder.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
