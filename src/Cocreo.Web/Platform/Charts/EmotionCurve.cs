using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Charts;

/// <summary>How a stage felt to a group: the mean rating (null when nobody rated it) and how many rated it.</summary>
public sealed record Feeling(double? Mean, int Count);

/// <summary>One group's curve: a feeling per stage, in the order of the stages.</summary>
public sealed record EmotionSeries(string Name, IReadOnlyList<Feeling> Feelings);

/// <summary>
/// The emotion curve of a customer journey: the stages left to right, the mean feeling of each on the rating scale
/// (1 very bad up to 5 very good, the words written on the axis). A single curve has its means written at each
/// point; several are told apart by line pattern, marker shape and colour, with a legend. The line breaks where a
/// stage has no rating, rather than drawing a feeling nobody gave.
/// </summary>
public sealed record EmotionCurve(string Id, string Title, string Description, IReadOnlyList<string> Stages, IReadOnlyList<string> Scale, IReadOnlyList<EmotionSeries> Series) : Chart(Id, Title, Description)
{
    private const double Font = 13;
    private const double Top = 26;
    private const double PlotHeight = 200;

    /// <summary>How means are written, on the chart and in the table.</summary>
    public ValueFormat Format { get; init; } = ValueFormat.Decimal(2);

    internal override bool IsEmpty => Stages.Count == 0 || Series.All(s => s.Feelings.All(f => Known(f.Mean) is null));

    private static Feeling At(EmotionSeries series, int stage) =>
        stage < series.Feelings.Count ? series.Feelings[stage] with { Mean = Known(series.Feelings[stage].Mean) } : new Feeling(null, 0);

    private protected override string Summarise(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var sentences = new List<string>();
        foreach (var series in Series)
        {
            var known = Enumerable.Range(0, Stages.Count).Where(s => At(series, s).Mean is not null).ToList();
            string StagesAt(double mean) => ChartContext.List(known.Where(s => At(series, s).Mean == mean).Select(s => context.Quote(Stages[s])));
            if (known.Count == 0)
            {
                sentences.Add(t["{0}: no values.", series.Name]);
                continue;
            }
            var low = known.Min(s => At(series, s).Mean!.Value);
            var high = known.Max(s => At(series, s).Mean!.Value);
            sentences.Add(low == high
                ? t["{0}: {1} on {2}.", series.Name, context.Write(Format, low), StagesAt(low)]
                : t["{0}: lowest {1} ({2}), highest {3} ({4}).", series.Name, StagesAt(low), context.Write(Format, low), StagesAt(high), context.Write(Format, high)]);
            if (known.Count < Stages.Count)
            {
                sentences.Add(t["No data for: {0}.", ChartContext.List(Enumerable.Range(0, Stages.Count).Except(known).Select(s => context.Quote(Stages[s])))]);
            }
        }
        return string.Join(" ", sentences);
    }

    private protected override ChartTable Tabulate(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var label = LabelHeader ?? t["Name"];
        if (Series.Count == 1)
        {
            return new ChartTable(Title, label, [t["Mean"], t["Ratings"]],
                Stages.Select((stage, s) => new ChartRow(stage, [context.Write(Format, At(Series[0], s).Mean), context.Count(At(Series[0], s).Count)])).ToList());
        }
        return new ChartTable(Title, label, Series.Select(s => s.Name).ToList(), Stages.Select((stage, s) => new ChartRow(stage,
            Series.Select(series => At(series, s).Mean is { } mean ? t["{0} (n={1})", context.Write(Format, mean), context.Count(At(series, s).Count)].Value : context.Missing).ToList())).ToList());
    }

    private protected override string Draw(ChartContext context, string description)
    {
        var svg = new SvgWriter(Id);
        var levels = Math.Max(2, Scale.Count);
        var scaleLabels = Enumerable.Range(1, levels).Select(r => r <= Scale.Count ? $"{context.Count(r)} {Scale[r - 1]}" : context.Count(r)).ToList();
        var left = Math.Min(130, scaleLabels.Max(l => SvgWriter.Width(l, Font)) + 12);
        // Wide enough for the longest word of a stage's name (up to a limit), so names wrap between words.
        var longestWord = Stages.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => SvgWriter.Width(w, Font)).DefaultIfEmpty(0).Max();
        var step = Math.Clamp(longestWord + 12, 72, 104);
        var width = left + Stages.Count * step + 8;
        var bottom = Top + PlotHeight;
        double Y(double mean) => bottom - (Math.Clamp(mean, 1, levels) - 1) / (levels - 1) * PlotHeight;
        double X(int stage) => left + step / 2 + stage * step;

        for (var r = 1; r <= levels; r++)
        {
            svg.Line(left, Y(r), width - 4, Y(r), r == 1 ? "axis" : "grid");
            var words = SvgWriter.Wrap(scaleLabels[r - 1], SvgWriter.Fit(left - 8, Font), 2);
            svg.Text(left - 8, Y(r) + 4.5 - (words.Count - 1) * 8, words, 16, "axis-label", "end");
        }
        var deepest = 0;
        for (var s = 0; s < Stages.Count; s++)
        {
            var lines = SvgWriter.Wrap(Stages[s], SvgWriter.Fit(step - 6, Font), 3);
            svg.Text(X(s), bottom + 20, lines, 16, "axis-label", "middle");
            deepest = Math.Max(deepest, lines.Count);
        }

        for (var c = 0; c < Series.Count; c++)
        {
            // One polyline per run of rated stages: a stage nobody rated breaks the line.
            var run = new List<(double X, double Y)>();
            void Flush()
            {
                if (run.Count > 1)
                {
                    svg.Polyline(run, $"line series-{c % SvgWriter.Palette}");
                }
                run.Clear();
            }
            for (var s = 0; s < Stages.Count; s++)
            {
                if (At(Series[c], s).Mean is { } mean)
                {
                    run.Add((X(s), Y(mean)));
                }
                else
                {
                    Flush();
                }
            }
            Flush();
            for (var s = 0; s < Stages.Count; s++)
            {
                if (At(Series[c], s).Mean is { } mean)
                {
                    svg.Marker(c, X(s), Y(mean), 5.5);
                    if (Series.Count == 1)
                    {
                        svg.Text(X(s), Y(mean) - 11, context.Write(Format, mean), "value", "middle");
                    }
                }
            }
        }

        var legendTop = bottom + 20 + (deepest - 1) * 16 + 14;
        if (Series.Count > 1)
        {
            legendTop = svg.SeriesLegend(Series.Select(s => s.Name).ToList(), legendTop + 6, Math.Min(width, 480));
        }
        return svg.Close(width, legendTop + 4, Title, description);
    }
}
