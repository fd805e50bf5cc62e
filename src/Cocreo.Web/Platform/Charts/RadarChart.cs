using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Charts;

/// <summary>One shape on a radar chart: a value per axis, in the order of the axes (null where there is none).</summary>
public sealed record RadarSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A ring drawn at a threshold ("medium" from one third), labelled on the first axis.</summary>
public sealed record RadarRing(double Value, string Label);

/// <summary>
/// A radar (spider) chart: one axis per category, the centre 0 and the edge <see cref="Max"/>. Shapes are told apart
/// by line pattern and marker shape as well as colour; an axis without a value is left out of that shape (the
/// summary and the table say so).
/// </summary>
public sealed record RadarChart(string Id, string Title, string Description, IReadOnlyList<string> Axes, IReadOnlyList<RadarSeries> Series) : Chart(Id, Title, Description)
{
    private const double Width = 440;
    private const double Font = 13;
    private const double Radius = 110;
    private const double LabelGap = 14;

    public IReadOnlyList<RadarRing> Rings { get; init; } = [];

    public double Max { get; init; } = 1;

    public ValueFormat Format { get; init; } = ValueFormat.Percent();

    internal override bool IsEmpty => Axes.Count == 0 || Series.Count == 0;

    private static double? ValueAt(RadarSeries series, int axis) => axis < series.Values.Count ? Known(series.Values[axis]) : null;

    private protected override string Summarise(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var sentences = new List<string>();
        foreach (var series in Series)
        {
            var known = Enumerable.Range(0, Axes.Count).Where(a => ValueAt(series, a) is not null).ToList();
            if (known.Count == 0)
            {
                sentences.Add(t["{0}: no values.", series.Name]);
                continue;
            }
            var high = known.Max(a => ValueAt(series, a)!.Value);
            var low = known.Min(a => ValueAt(series, a)!.Value);
            string On(double value) => ChartContext.List(known.Where(a => ValueAt(series, a) == value).Select(a => context.Quote(Axes[a])));
            sentences.Add(known.Count == 1 || high == low
                ? t["{0}: {1} on {2}.", series.Name, context.Write(Format, high), On(high)]
                : t["{0}: highest on {1} ({2}), lowest on {3} ({4}).", series.Name, On(high), context.Write(Format, high), On(low), context.Write(Format, low)]);
            if (known.Count < Axes.Count)
            {
                sentences.Add(t["No value for {0}.", ChartContext.List(Enumerable.Range(0, Axes.Count).Except(known).Select(a => context.Quote(Axes[a])))]);
            }
        }
        return string.Join(" ", sentences);
    }

    private protected override ChartTable Tabulate(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        return new(Title, LabelHeader ?? t["Name"], Series.Select(s => s.Name).ToList(),
            Axes.Select((axis, a) => new ChartRow(axis, Series.Select(s => context.Write(Format, ValueAt(s, a))).ToList())).ToList());
    }

    private protected override string Draw(ChartContext context, string description)
    {
        var svg = new SvgWriter(Id);
        var n = Axes.Count;
        const double centreX = Width / 2;
        var labels = new List<(IReadOnlyList<string> Lines, double X, double Y, string Anchor)>();
        for (var a = 0; a < n; a++)
        {
            var angle = Angle(a, n);
            var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
            var x = centreX + (Radius + LabelGap) * cos;
            var anchor = Math.Abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
            var room = anchor switch { "middle" => Width - 40, "start" => Width - x - 4, _ => x - 4 };
            labels.Add((SvgWriter.Wrap(Axes[a], SvgWriter.Fit(room, Font), 3), x, sin, anchor));
        }
        // Where each label's first line goes, relative to the centre: labels pointing down start below the edge,
        // labels pointing up end above it, side labels are centred on it.
        double FirstLine((IReadOnlyList<string> Lines, double X, double Y, string Anchor) label)
        {
            var y = (Radius + LabelGap) * label.Y;
            return label.Y > 0.2 ? y + Font : label.Y < -0.2 ? y - (label.Lines.Count - 1) * 16 : y + 4.5 - (label.Lines.Count - 1) * 8;
        }
        var top = Math.Min(-Radius * Enumerable.Range(0, n).Select(a => -Math.Sin(Angle(a, n))).Max(), labels.Select(l => FirstLine(l) - Font).Min());
        var bottom = Math.Max(Radius * Enumerable.Range(0, n).Select(a => Math.Sin(Angle(a, n))).Max(), labels.Select(l => FirstLine(l) + (l.Lines.Count - 1) * 16 + 4).Max());
        var centreY = 8 - top;
        var max = Max > 0 ? Max : 1;
        (double X, double Y) Point(int axis, double value)
        {
            var r = Radius * Math.Clamp(value / max, 0, 1);
            return (centreX + r * Math.Cos(Angle(axis, n)), centreY + r * Math.Sin(Angle(axis, n)));
        }

        svg.Polygon(Enumerable.Range(0, n).Select(a => Point(a, max)), "grid-outer");
        foreach (var ring in Rings)
        {
            svg.Polygon(Enumerable.Range(0, n).Select(a => Point(a, ring.Value)), "grid-dashed");
            var (x, y) = Point(0, ring.Value);
            svg.Text(x + 5, y + 13, ring.Label, "ring-label");
        }
        for (var a = 0; a < n; a++)
        {
            var (x, y) = Point(a, max);
            svg.Line(centreX, centreY, x, y, "axis");
            var label = labels[a];
            svg.Text(label.X, centreY + FirstLine(label), label.Lines, 16, "axis-label", label.Anchor);
        }

        for (var s = 0; s < Series.Count; s++)
        {
            var known = Enumerable.Range(0, n).Where(a => ValueAt(Series[s], a) is not null).ToList();
            var points = known.Select(a => Point(a, ValueAt(Series[s], a)!.Value)).ToList();
            if (known.Count >= 3)
            {
                svg.Polygon(points, $"series series-{s % SvgWriter.Palette}");
            }
            else if (known.Count == 2)
            {
                svg.Polyline(points, $"series series-{s % SvgWriter.Palette}");
            }
            foreach (var (x, y) in points)
            {
                svg.Marker(s, x, y, 5);
            }
        }

        var legendBottom = svg.SeriesLegend(Series.Select(x => x.Name).ToList(), centreY + bottom + 18, Width);
        return svg.Close(Width, legendBottom + 4, Title, description);
    }

    /// <summary>The first axis points up; the others follow clockwise.</summary>
    private static double Angle(int axis, int count) => -Math.PI / 2 + 2 * Math.PI * axis / count;
}
