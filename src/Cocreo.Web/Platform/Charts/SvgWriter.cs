using System.Globalization;
using System.Net;
using System.Text;

namespace Cocreo.Web.Platform.Charts;

/// <summary>
/// Writes the SVG of one chart: coordinates in invariant format, every text escaped, and the accessible frame all
/// charts share (role="img" named by its title and description). The look comes from classes styled in charts.css,
/// never from inline style, so the content security policy holds. The chart is shown at a fixed scale of its user
/// units (<see cref="DisplayScale"/>) where there is room and shrinks with its container on a narrow screen.
/// </summary>
internal sealed class SvgWriter(string id)
{
    /// <summary>
    /// How much larger than its user units a chart is shown where there is room: its 13 to 14 px text reads at 16 to
    /// 17.5 px beside the page's 16 px text. Charts are laid out about 360 units wide, so on a 320 px phone (about
    /// 288 px for the chart) they shrink to 0.8 and the text stays above 10 px.
    /// </summary>
    public const double DisplayScale = 1.25;

    /// <summary>Rough width of an average character as a share of the font size, for laying out wrapped labels.</summary>
    public const double CharWidth = 0.58;

    private readonly StringBuilder body = new();

    public string Id { get; } = id;

    public void Raw(string markup) => body.Append(markup);

    public void Line(double x1, double y1, double x2, double y2, string cssClass) =>
        body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" class=\"{cssClass}\"/>");

    public void Rect(double x, double y, double width, double height, string cssClass, string? fill = null) =>
        body.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" class=\"{cssClass}\"{(fill is null ? "" : $" fill=\"url(#{Escape(Id)}-{fill})\"")}/>");

    public void Circle(double x, double y, double r, string cssClass) =>
        body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" class=\"{cssClass}\"/>");

    public void Polygon(IEnumerable<(double X, double Y)> points, string cssClass) =>
        body.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{Points(points)}\" class=\"{cssClass}\"/>");

    public void Polyline(IEnumerable<(double X, double Y)> points, string cssClass) =>
        body.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{Points(points)}\" class=\"{cssClass}\"/>");

    /// <summary>One line of text.</summary>
    public void Text(double x, double y, string text, string cssClass, string anchor = "start", string? language = null) =>
        body.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" class=\"{cssClass}\" text-anchor=\"{anchor}\"{Lang(language)}>{Escape(text)}</text>");

    private static string Lang(string? language) => language is { Length: > 0 } ? $" lang=\"{Escape(language)}\"" : "";

    /// <summary>Several lines of text, the first at <paramref name="y"/>, each <paramref name="lineHeight"/> below the last.</summary>
    public void Text(double x, double y, IReadOnlyList<string> lines, double lineHeight, string cssClass, string anchor = "start", string? language = null)
    {
        if (lines.Count == 1)
        {
            Text(x, y, lines[0], cssClass, anchor, language);
            return;
        }
        body.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" class=\"{cssClass}\" text-anchor=\"{anchor}\"{Lang(language)}>");
        for (var i = 0; i < lines.Count; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{N(x)}\" dy=\"{N(i == 0 ? 0 : lineHeight)}\">{Escape(lines[i])}</tspan>");
        }
        body.Append("</text>");
    }

    /// <summary>
    /// A marker whose shape tells a series apart without colour: circle, square, triangle, diamond, cross, in turn.
    /// </summary>
    public void Marker(int series, double x, double y, double size)
    {
        var cssClass = $"marker series-{series % Palette}";
        var s = size;
        switch (series % Palette)
        {
            case 0: Circle(x, y, s, cssClass); break;
            case 1: Rect(x - 0.9 * s, y - 0.9 * s, 1.8 * s, 1.8 * s, cssClass); break;
            case 2: Polygon([(x, y - 1.25 * s), (x + 1.15 * s, y + 0.8 * s), (x - 1.15 * s, y + 0.8 * s)], cssClass); break;
            case 3: Polygon([(x, y - 1.3 * s), (x + 1.3 * s, y), (x, y + 1.3 * s), (x - 1.3 * s, y)], cssClass); break;
            default:
                Polygon([(x - s, y - 1.4 * s), (x, y - 0.4 * s), (x + s, y - 1.4 * s), (x + 1.4 * s, y - s), (x + 0.4 * s, y), (x + 1.4 * s, y + s),
                    (x + s, y + 1.4 * s), (x, y + 0.4 * s), (x - s, y + 1.4 * s), (x - 1.4 * s, y + s), (x - 0.4 * s, y), (x - 1.4 * s, y - s)], cssClass);
                break;
        }
    }

    /// <summary>
    /// The legend of a chart's series, one per row from <paramref name="top"/>: the line's pattern, the marker's shape
    /// and the name. Returns the bottom of the legend.
    /// </summary>
    public double SeriesLegend(IReadOnlyList<string> names, double top, double width)
    {
        for (var s = 0; s < names.Count; s++)
        {
            var lines = Wrap(names[s], Fit(width - 48, 13), 2);
            var y = top + 4;
            Line(0, y, 34, y, $"line series-{s % Palette}");
            Marker(s, 17, y, 5);
            Text(44, y + 4.5, lines, 16, "legend");
            top += 8 + lines.Count * 16;
        }
        return top;
    }

    /// <summary>How many series the kit tells apart by colour, line pattern and marker shape before repeating.</summary>
    public const int Palette = 5;

    /// <summary>
    /// The hatched fills a chart may use (ids prefixed with the chart's id, so two charts on a page never share one):
    /// "hatch" for bars that are not highlighted, "hatch-low" and "hatch-lower" for the two worst ratings.
    /// </summary>
    public void Patterns()
    {
        var id = Escape(Id);
        body.Append(CultureInfo.InvariantCulture,
            $"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"hatch-ground\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/></pattern>" +
            $"<pattern id=\"{id}-hatch-low\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"hatch-low-ground\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-low-line\"/></pattern>" +
            $"<pattern id=\"{id}-hatch-lower\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><rect width=\"6\" height=\"6\" class=\"hatch-lower-ground\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-lower-line\"/></pattern></defs>");
    }

    /// <summary>The finished SVG, <paramref name="width"/> by <paramref name="height"/> user units, shown <see cref="DisplayScale"/> times that in CSS pixels where it fits.</summary>
    public string Close(double width, double height, string title, string description)
    {
        var id = Escape(Id);
        var (w, h) = (Math.Ceiling(width), Math.Ceiling(height));
        var size = string.Create(CultureInfo.InvariantCulture, $"width=\"{N(w * DisplayScale)}\" height=\"{N(h * DisplayScale)}\" viewBox=\"0 0 {w} {h}\"");
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{id}\" {size} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">" +
            $"<title id=\"{id}-title\">{Escape(title)}</title><desc id=\"{id}-desc\">{Escape(description)}</desc>{body}</svg>";
    }

    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Text safe in SVG and HTML alike: markup characters become entities, so a label is never markup.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Points(IEnumerable<(double X, double Y)> points) => string.Join(' ', points.Select(p => N(p.X) + "," + N(p.Y)));

    /// <summary>How many characters of text in <paramref name="fontSize"/> fit in <paramref name="width"/>, at least 4.</summary>
    public static int Fit(double width, double fontSize) => Math.Max(4, (int)(width / (fontSize * CharWidth)));

    /// <summary>The estimated width of <paramref name="text"/> in <paramref name="fontSize"/>.</summary>
    public static double Width(string text, double fontSize) => text.Length * fontSize * CharWidth;

    /// <summary>
    /// Breaks a label into lines of at most <paramref name="width"/> characters at spaces (a longer word is cut),
    /// at most <paramref name="maxLines"/> of them; what does not fit ends in "…". The table gives the full label.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > width)
            {
                if (line.Length > 0)
                {
                    lines.Add(line);
                    line = "";
                }
                lines.Add(rest[..(width - 1)] + "-");
                rest = rest[(width - 1)..];
            }
            if (line.Length == 0)
            {
                line = rest;
            }
            else if (line.Length + 1 + rest.Length <= width)
            {
                line += " " + rest;
            }
            else
            {
                lines.Add(line);
                line = rest;
            }
        }
        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }
        if (lines.Count <= maxLines)
        {
            return lines;
        }
        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1].TrimEnd('-');
        kept[^1] = (last.Length >= width ? last[..(width - 1)] : last) + "…";
        return kept;
    }
}
