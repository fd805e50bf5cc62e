using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>One bar: its label, its value, the text written after it, and whether it is highlighted.</summary>
public sealed record Bar(string Label, decimal Value, string ValueText, bool Highlighted);

/// <summary>
/// A horizontal bar chart as server-rendered SVG: a title and a description for screen readers, a label above each
/// bar and its value written after it, highlighted bars solid and the others hatched, with a legend in words, so
/// nothing depends on colour. Pages put the same data in a table next to it.
/// </summary>
public static class BarChart
{
    private const int Width = 360;
    private const int LabelHeight = 18;
    private const int BarHeight = 16;
    private const int RowGap = 10;
    private const int BarSpace = 200;

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<Bar> bars, string highlightedLegend, string otherLegend)
    {
        var enc = HtmlEncoder.Default;
        var max = bars.Count == 0 ? 1 : Math.Max(1m, bars.Max(b => b.Value));
        var rowHeight = LabelHeight + BarHeight + RowGap;
        var top = 34;
        var height = top + bars.Count * rowHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{enc.Encode(title)}</title><desc id=\"{id}-desc\">{enc.Encode(description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#4a4a55\" stroke-width=\"3\"/></pattern></defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<g aria-hidden=\"true\"><rect x=\"0\" y=\"4\" width=\"14\" height=\"14\" class=\"bar-highlighted\"/><text x=\"20\" y=\"16\" class=\"chart-text\">{enc.Encode(highlightedLegend)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"180\" y=\"4\" width=\"14\" height=\"14\" fill=\"url(#{id}-hatch)\" class=\"bar-other\"/><text x=\"200\" y=\"16\" class=\"chart-text\">{enc.Encode(otherLegend)}</text></g>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + i * rowHeight;
            var length = Math.Max(2m, BarSpace * bar.Value / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 13}\" class=\"chart-text chart-label\">{enc.Encode(Shorten(bar.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + LabelHeight}\" width=\"{length:0.##}\" height=\"{BarHeight}\" {(bar.Highlighted ? "class=\"bar-highlighted\"" : $"fill=\"url(#{id}-hatch)\" class=\"bar-other\"")}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{length + 6:0.##}\" y=\"{y + LabelHeight + 12}\" class=\"chart-text\">{enc.Encode(bar.ValueText)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Shorten(string label) => label.Length <= 48 ? label : label[..47] + "…";
}
