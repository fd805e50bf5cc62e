using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Charts;

/// <summary>A point of a scatter chart, marked with a short label (its number in the table) and optionally named.</summary>
public sealed record ScatterPoint(string Label, double X, double Y, bool Highlighted = false)
{
    /// <summary>What the point is ("City library"), for the table and the summary.</summary>
    public string? Name { get; init; }

    internal string Display => Name is null ? Label : Label + ". " + Name;
}

/// <summary>A value marked on both axes with a dashed line ("medium" from one third).</summary>
public sealed record AxisMark(double Value, string Label);

/// <summary>
/// Two values against each other, e.g. users' readiness across and the organisation's up, with marks on both axes.
/// Each point is written with its label; points at the same place share a marker and list every label; a
/// highlighted point gets a second ring and a solid fill, not only a colour.
/// </summary>
public sealed record ScatterChart(string Id, string Title, string Description, string XName, string YName, IReadOnlyList<ScatterPoint> Points) : Chart(Id, Title, Description)
{
    private const double Left = 58;
    private const double Top = 12;
    private const double Size = 300;
    private const double Font = 13;

    public IReadOnlyList<AxisMark> Marks { get; init; } = [];

    public double XMax { get; init; } = 1;

    public double YMax { get; init; } = 1;

    public ValueFormat Format { get; init; } = ValueFormat.Percent();

    /// <summary>What highlighted points are ("Most suitable"), for the legend, the summary and the table.</summary>
    public string? HighlightedName { get; init; }

    /// <summary>The heading of the names' column in the table, when points are named.</summary>
    public string? NameHeader { get; init; }

    internal override bool IsEmpty => !Drawn.Any();

    /// <summary>The points with both values; one without is in the table, not on the chart.</summary>
    private IEnumerable<ScatterPoint> Drawn => Points.Where(p => Known(p.X) is not null && Known(p.Y) is not null);

    private protected override string Summarise(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var sentences = new List<string>();
        string At(ScatterPoint p) => t["{0} ({1}: {2}; {3}: {4})", p.Display, XName, context.Write(Format, p.X), YName, context.Write(Format, p.Y)];
        if (HighlightedName is not null && Drawn.Any(p => p.Highlighted))
        {
            sentences.Add(t["{0}: {1}.", HighlightedName, ChartContext.List(Drawn.Where(p => p.Highlighted).Select(At))]);
        }
        var drawn = Drawn.ToList();
        if (drawn.Count == 1)
        {
            sentences.Add(t["One point: {0}.", At(drawn[0])]);
        }
        else if (drawn.Count > 1)
        {
            var (x, y) = (drawn.Max(p => p.X), drawn.Max(p => p.Y));
            sentences.Add(t["Highest on “{0}”: {1} ({2}).", XName, ChartContext.List(drawn.Where(p => p.X == x).Select(p => p.Display)), context.Write(Format, x)]);
            sentences.Add(t["Highest on “{0}”: {1} ({2}).", YName, ChartContext.List(drawn.Where(p => p.Y == y).Select(p => p.Display)), context.Write(Format, y)]);
        }
        return string.Join(" ", sentences);
    }

    private protected override ChartTable Tabulate(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var named = Points.Any(p => p.Name is not null);
        var headers = new List<string>();
        if (named)
        {
            headers.Add(NameHeader ?? t["Name"]);
        }
        headers.AddRange([XName, YName]);
        if (HighlightedName is not null)
        {
            headers.Add(HighlightedName);
        }
        return new ChartTable(Title, LabelHeader ?? t["Label"], headers, Points.Select(p =>
        {
            var cells = new List<string>();
            if (named)
            {
                cells.Add(p.Name ?? "");
            }
            cells.AddRange([context.Write(Format, p.X), context.Write(Format, p.Y)]);
            if (HighlightedName is not null)
            {
                cells.Add(p.Highlighted ? t["yes"] : t["no"]);
            }
            return new ChartRow(p.Label, cells);
        }).ToList());
    }

    private protected override string Draw(ChartContext context, string description)
    {
        var svg = new SvgWriter(Id);
        var bottom = Top + Size;
        var width = Left + Size + 24;
        var (xMax, yMax) = (XMax > 0 ? XMax : 1, YMax > 0 ? YMax : 1);
        double X(double value) => Left + Math.Clamp(value / xMax, 0, 1) * Size;
        double Y(double value) => bottom - Math.Clamp(value / yMax, 0, 1) * Size;

        svg.Rect(Left, Top, Size, Size, "grid-outer");
        foreach (var mark in Marks)
        {
            svg.Line(X(mark.Value), Top, X(mark.Value), bottom, "grid-dashed");
            svg.Line(Left, Y(mark.Value), Left + Size, Y(mark.Value), "grid-dashed");
            svg.Text(X(mark.Value), bottom + 18, mark.Label, "tick", "middle");
            svg.Text(Left - 6, Y(mark.Value) + 4.5, mark.Label, "tick", "end");
        }
        svg.Text(Left, bottom + 18, context.Write(Format, 0), "tick", "middle");
        svg.Text(Left + Size, bottom + 18, context.Write(Format, xMax), "tick", "end");
        svg.Text(Left - 6, bottom, context.Write(Format, 0), "tick", "end");
        svg.Text(Left - 6, Top + 10, context.Write(Format, yMax), "tick", "end");

        var xTitle = SvgWriter.Wrap(XName, SvgWriter.Fit(Size + Left - 10, 14), 2);
        svg.Text(Left + Size / 2, bottom + 42, xTitle, 17, "axis-title", "middle");
        var yTitle = SvgWriter.Wrap(YName, SvgWriter.Fit(Size, 14), 2);
        var middle = Top + Size / 2;
        var yx = yTitle.Count == 1 ? 18.0 : 12.0;
        svg.Raw(string.Create(CultureInfo.InvariantCulture, $"<g transform=\"rotate(-90 {SvgWriter.N(yx)} {SvgWriter.N(middle)})\">"));
        svg.Text(yx, middle, yTitle, 17, "axis-title", "middle");
        svg.Raw("</g>");

        foreach (var place in Drawn.GroupBy(p => (X(p.X), Y(p.Y))))
        {
            var (x, y) = place.Key;
            var highlighted = place.Any(p => p.Highlighted);
            if (highlighted)
            {
                svg.Circle(x, y, 17, "highlight-ring");
            }
            svg.Circle(x, y, 12, highlighted ? "point highlighted" : "point");
            var label = string.Join(",", place.Select(p => p.Label));
            if (label.Length <= 2)
            {
                svg.Text(x, y + 4.5, label, highlighted ? "point-label on-highlight" : "point-label", "middle");
            }
            else
            {
                // Too long for the circle: beside it, on the side with room.
                var right = x + 20 + SvgWriter.Width(label, 12) < width;
                svg.Text(right ? x + 20 : x - 20, y + 4.5, label, "point-label beside", right ? "start" : "end");
            }
        }

        var legendTop = bottom + 42 + xTitle.Count * 17 + 8;
        if (HighlightedName is not null && Drawn.Any(p => p.Highlighted))
        {
            var centre = legendTop + 17;
            // The legend's key looks like a highlighted point but is not one (its classes say so, for styling alike).
            svg.Circle(Left + 17, centre, 17, "key-ring");
            svg.Circle(Left + 17, centre, 12, "key-point");
            var lines = SvgWriter.Wrap(HighlightedName, SvgWriter.Fit(Size - 44, Font), 2);
            svg.Text(Left + 44, centre + 4.5, lines, 16, "legend");
            legendTop = centre + 21 + (lines.Count - 1) * 16;
        }
        return svg.Close(width, legendTop, Title, description);
    }
}
