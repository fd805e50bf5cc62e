using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Charts;

/// <summary>One line: a value per point in time, in the order of the chart's times (null where there is none).</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A band of the value axis ("low" below one third), drawn as a labelled stripe behind the lines.</summary>
public sealed record ValueBand(double From, double To, string Label);

/// <summary>
/// Values over time, e.g. scores from 0 to 1 at each assessment, on an axis divided into labelled bands. Lines are
/// told apart by line pattern and marker shape as well as colour, and named in a legend below.
/// </summary>
public sealed record LineChart(string Id, string Title, string Description, IReadOnlyList<string> Times, IReadOnlyList<LineSeries> Series) : Chart(Id, Title, Description)
{
    private const double Width = 400;
    private const double Font = 13;
    private const double Top = 12;
    private const double PlotHeight = 200;

    public IReadOnlyList<ValueBand> Bands { get; init; } = [];

    /// <summary>The bottom of the value axis.</summary>
    public double Min { get; init; }

    /// <summary>The top of the value axis.</summary>
    public double Max { get; init; } = 1;

    public ValueFormat Format { get; init; } = ValueFormat.Percent();

    internal override bool IsEmpty => Times.Count == 0 || Series.All(s => s.Values.All(v => Known(v) is null));

    private static double? ValueAt(LineSeries series, int time) => time < series.Values.Count ? Known(series.Values[time]) : null;

    private protected override string Summarise(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        return string.Join(" ", Series.Select(series =>
        {
            var known = Enumerable.Range(0, Times.Count).Where(i => ValueAt(series, i) is not null).ToList();
            return known.Count switch
            {
                0 => t["{0}: no values.", series.Name].Value,
                1 => t["{0}: {1} ({2}).", series.Name, context.Write(Format, ValueAt(series, known[0])), Times[known[0]]].Value,
                _ => t["{0}: from {1} ({2}) to {3} ({4}).", series.Name, context.Write(Format, ValueAt(series, known[0])), Times[known[0]],
                    context.Write(Format, ValueAt(series, known[^1])), Times[known[^1]]].Value,
            };
        }));
    }

    private protected override ChartTable Tabulate(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        return new(Title, LabelHeader ?? t["Name"], Series.Select(s => s.Name).ToList(),
            Times.Select((time, i) => new ChartRow(time, Series.Select(s => context.Write(Format, ValueAt(s, i))).ToList())).ToList());
    }

    private protected override string Draw(ChartContext context, string description)
    {
        var svg = new SvgWriter(Id);
        var (low, high) = (Math.Min(Min, Max), Math.Max(Min, Max));
        var range = high > low ? high - low : 1;
        var left = Bands.Count > 0 ? 100.0 : 8 + Math.Max(SvgWriter.Width(context.Write(Format, low), Font), SvgWriter.Width(context.Write(Format, high), Font));
        var timeWidth = Times.Select(x => SvgWriter.Width(x, Font)).DefaultIfEmpty(0).Max();
        var right = Width - Math.Max(16, timeWidth / 2 + 4);
        var bottom = Top + PlotHeight;
        double Y(double value) => bottom - (Math.Clamp(value, low, high) - low) / range * PlotHeight;
        double X(int index) => Times.Count == 1 ? (left + right) / 2 : left + index * (right - left) / (Times.Count - 1);

        foreach (var (band, b) in Bands.Select((band, b) => (band, b)))
        {
            var (upper, lower) = (Y(band.To), Y(band.From));
            svg.Rect(left, upper, right - left, lower - upper, $"band band-{b % 3}");
            var lines = SvgWriter.Wrap(band.Label, SvgWriter.Fit(left - 8, Font), Math.Max(1, (int)((lower - upper) / 16)));
            svg.Text(left - 6, (upper + lower) / 2 + 4.5 - (lines.Count - 1) * 8, lines, 16, "axis-label", "end");
            if (band.From > low)
            {
                svg.Line(left, lower, right, lower, "grid-dashed");
            }
        }
        if (Bands.Count == 0)
        {
            svg.Text(left - 6, Y(high) + 4.5, context.Write(Format, high), "tick", "end");
            svg.Text(left - 6, Y(low) + 4.5, context.Write(Format, low), "tick", "end");
        }
        svg.Line(left, bottom, right, bottom, "axis");
        svg.Line(left, Top, left, bottom, "axis");

        // Dates take room: write every one that fits beside the last one written, and always the first and the last.
        var lastShown = double.NegativeInfinity;
        for (var i = 0; i < Times.Count; i++)
        {
            var x = X(i);
            var fitsAfter = x - lastShown >= timeWidth + 10;
            var fitsBeforeLast = i == Times.Count - 1 || X(Times.Count - 1) - x >= timeWidth + 10;
            if (i == 0 || i == Times.Count - 1 || (fitsAfter && fitsBeforeLast))
            {
                svg.Line(x, bottom, x, bottom + 5, "axis");
                svg.Text(x, bottom + 20, Times[i], "axis-label", "middle");
                lastShown = x;
            }
        }

        for (var s = 0; s < Series.Count; s++)
        {
            var points = Enumerable.Range(0, Times.Count).Where(i => ValueAt(Series[s], i) is not null).Select(i => (X(i), Y(ValueAt(Series[s], i)!.Value))).ToList();
            if (points.Count > 1)
            {
                svg.Polyline(points, $"line series-{s % SvgWriter.Palette}");
            }
            foreach (var (x, y) in points)
            {
                svg.Marker(s, x, y, 5);
            }
        }

        var legendBottom = svg.SeriesLegend(Series.Select(x => x.Name).ToList(), bottom + 40, Width);
        return svg.Close(Width, legendBottom + 4, Title, description);
    }
}
