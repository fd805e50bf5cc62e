using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Cocreo.Web.Features.Assessments.Charts;

/// <summary>
/// Writes the SVG of a chart: numbers in invariant format, text escaped, and the accessible frame every chart has
/// (role="img" named by its title and description). No inline style: the look comes from assessments.css, so the
/// strict content security policy holds.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder svg = new();

    public SvgWriter(string id, int width, int height, string title, string description)
    {
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{Attr(id)}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{Attr(id)}-title {Attr(id)}-desc\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Attr(id)}-title\">{Text(title)}</title><desc id=\"{Attr(id)}-desc\">{Text(description)}</desc>");
    }

    public SvgWriter Raw(string markup)
    {
        svg.Append(markup);
        return this;
    }

    public SvgWriter Line(double x1, double y1, double x2, double y2, string cssClass) =>
        Raw($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" class=\"{Attr(cssClass)}\"/>");

    public SvgWriter Polygon(IEnumerable<(double X, double Y)> points, string cssClass) =>
        Raw($"<polygon points=\"{Points(points)}\" class=\"{Attr(cssClass)}\"/>");

    public SvgWriter Polyline(IEnumerable<(double X, double Y)> points, string cssClass) =>
        Raw($"<polyline points=\"{Points(points)}\" class=\"{Attr(cssClass)}\"/>");

    public SvgWriter Rect(double x, double y, double width, double height, string cssClass) =>
        Raw($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" class=\"{Attr(cssClass)}\"/>");

    /// <summary>Text, split on line breaks into lines 1.2em apart.</summary>
    public SvgWriter Label(double x, double y, string text, string cssClass, string anchor = "middle")
    {
        var lines = text.Split('\n');
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" class=\"{Attr(cssClass)}\" text-anchor=\"{anchor}\">");
        for (var i = 0; i < lines.Length; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{N(x)}\" dy=\"{(i == 0 ? "0" : "1.2em")}\">{Text(lines[i])}</tspan>");
        }
        svg.Append("</text>");
        return this;
    }

    /// <summary>A marker whose shape tells the series apart without colour: circle, square, triangle, diamond.</summary>
    public SvgWriter Marker(int series, double x, double y, double size, string cssClass)
    {
        var s = size;
        return (series % 4) switch
        {
            0 => Raw($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(s)}\" class=\"{Attr(cssClass)}\"/>"),
            1 => Rect(x - s, y - s, 2 * s, 2 * s, cssClass),
            2 => Polygon([(x, y - 1.2 * s), (x + 1.1 * s, y + 0.8 * s), (x - 1.1 * s, y + 0.8 * s)], cssClass),
            _ => Polygon([(x, y - 1.3 * s), (x + 1.3 * s, y), (x, y + 1.3 * s), (x - 1.3 * s, y)], cssClass),
        };
    }

    public IHtmlContent Close() => new HtmlString(svg.Append("</svg>").ToString());

    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Points(IEnumerable<(double X, double Y)> points) => string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"));

    public static string Text(string text) => WebUtility.HtmlEncode(text);

    public static string Attr(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Breaks a label into lines of about <paramref name="width"/> characters at spaces.</summary>
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }
}
