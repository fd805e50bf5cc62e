using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Charts;

/// <summary>A cell of a heat map: the mean (null when there is none) and how many it is the mean of.</summary>
public sealed record HeatCell(double? Mean, int Count);

/// <summary>
/// A grid of means, e.g. stages down and channels across. Each cell is shaded on a scale from warm (low) through light
/// to cool (high) in eight steps, and every cell has its mean and count written in it, so the shade only repeats
/// what the numbers say. A legend below names the two ends of the scale.
/// </summary>
/// <param name="Cells">One list per row, one cell per column.</param>
public sealed record HeatMap(string Id, string Title, string Description, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<HeatCell>> Cells) : Chart(Id, Title, Description)
{
    private const double Font = 13;
    private const double CellHeight = 44;
    private const double LabelWidth = 140;
    private const int Steps = 8;

    public double Min { get; init; } = 1;

    public double Max { get; init; } = 5;

    /// <summary>What the low end of the scale means ("very bad"), for the legend.</summary>
    public string? LowName { get; init; }

    /// <summary>What the high end of the scale means ("very good"), for the legend.</summary>
    public string? HighName { get; init; }

    public ValueFormat Format { get; init; } = ValueFormat.Decimal(2);

    internal override bool IsEmpty => Rows.Count == 0 || Columns.Count == 0;

    private HeatCell At(int row, int column) =>
        row < Cells.Count && column < Cells[row].Count ? Cells[row][column] with { Mean = Known(Cells[row][column].Mean) } : new HeatCell(null, 0);

    private IEnumerable<(int Row, int Column, HeatCell Cell)> All() =>
        from r in Enumerable.Range(0, Rows.Count) from c in Enumerable.Range(0, Columns.Count) select (r, c, At(r, c));

    /// <summary>The shade of a mean: 0 (lowest eighth of the scale) to 7 (highest).</summary>
    internal int Step(double mean) => Math.Clamp((int)Math.Floor((mean - Min) / (Max > Min ? Max - Min : 1) * Steps), 0, Steps - 1);

    private string Value(ChartContext context, HeatCell cell)
    {
        IStringLocalizer<ChartText> t = context.Text;
        return cell.Mean is null ? context.Missing : t["{0} (n={1})", context.Write(Format, cell.Mean), context.Count(cell.Count)];
    }

    private protected override string Summarise(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var known = All().Where(x => x.Cell.Mean is not null).ToList();
        if (known.Count == 0)
        {
            return t["No cell has a value."];
        }
        string Name((int Row, int Column, HeatCell Cell) x) => t["“{0}” and “{1}”: {2}", Rows[x.Row], Columns[x.Column], Value(context, x.Cell)];
        var low = known.MinBy(x => x.Cell.Mean!.Value);
        var high = known.MaxBy(x => x.Cell.Mean!.Value);
        var sentences = new List<string> { known.Count == 1 ? t["One cell has a value: {0}.", Name(low)] : t["Lowest: {0}. Highest: {1}.", Name(low), Name(high)] };
        var empty = Rows.Count * Columns.Count - known.Count;
        if (empty > 0)
        {
            sentences.Add(t["{0} of {1} cells have no value.", context.Count(empty), context.Count(Rows.Count * Columns.Count)]);
        }
        return string.Join(" ", sentences);
    }

    private protected override ChartTable Tabulate(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        return new(Title, LabelHeader ?? t["Name"], Columns, Rows.Select((row, r) => new ChartRow(row,
            Columns.Select((_, c) => Value(context, At(r, c))).ToList())).ToList());
    }

    private protected override string Draw(ChartContext context, string description)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var svg = new SvgWriter(Id);
        var longestWord = Columns.SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => SvgWriter.Width(w, Font)).DefaultIfEmpty(0).Max();
        var cellWidth = Math.Clamp(longestWord + 10, 80, 104);
        var headers = Columns.Select(c => SvgWriter.Wrap(c, SvgWriter.Fit(cellWidth - 6, Font), 3)).ToList();
        var top = 8 + headers.Max(h => h.Count) * 16 + 4;
        const double swatch = 26;
        var width = Math.Max(LabelWidth + Columns.Count * cellWidth + 4, LabelWidth + Steps * swatch + 4);

        for (var c = 0; c < Columns.Count; c++)
        {
            svg.Text(LabelWidth + c * cellWidth + cellWidth / 2, top - 8 - (headers[c].Count - 1) * 16, headers[c], 16, "axis-label", "middle");
        }
        for (var r = 0; r < Rows.Count; r++)
        {
            var y = top + r * CellHeight;
            var lines = SvgWriter.Wrap(Rows[r], SvgWriter.Fit(LabelWidth - 10, Font), 2);
            svg.Text(LabelWidth - 8, y + CellHeight / 2 + 4.5 - (lines.Count - 1) * 8, lines, 16, "axis-label", "end");
            for (var c = 0; c < Columns.Count; c++)
            {
                var x = LabelWidth + c * cellWidth;
                var cell = At(r, c);
                var shade = cell.Mean is { } mean ? $"heat-{Step(mean)}" : "heat-none";
                svg.Rect(x + 1, y + 1, cellWidth - 2, CellHeight - 2, $"cell {shade}");
                if (cell.Mean is { } m)
                {
                    svg.Text(x + cellWidth / 2, y + 20, context.Write(Format, m), $"cell-value {shade}", "middle");
                    svg.Text(x + cellWidth / 2, y + 36, t["n={0}", context.Count(cell.Count)], $"cell-count {shade}", "middle");
                }
                else
                {
                    svg.Text(x + cellWidth / 2, y + 27, context.Missing, $"cell-value {shade}", "middle");
                }
            }
        }

        // The scale: eight shades from the low end to the high end, each end named.
        var legendTop = top + Rows.Count * CellHeight + 16;
        for (var step = 0; step < Steps; step++)
        {
            svg.Rect(LabelWidth + step * swatch, legendTop, swatch, 16, $"cell heat-{step}");
        }
        var low = context.Write(Format, Min) + (LowName is null ? "" : " " + LowName);
        var high = context.Write(Format, Max) + (HighName is null ? "" : " " + HighName);
        svg.Text(LabelWidth - 8, legendTop + 12.5, SvgWriter.Wrap(low, SvgWriter.Fit(LabelWidth - 10, Font), 1), 16, "legend", "end");
        var scaleEnd = LabelWidth + Steps * swatch;
        if (scaleEnd + 8 + SvgWriter.Width(high, Font) <= width)
        {
            svg.Text(scaleEnd + 8, legendTop + 12.5, high, "legend");
        }
        else
        {
            svg.Text(scaleEnd, legendTop + 34, high, "legend", "end");
            legendTop += 22;
        }
        return svg.Close(width, legendTop + 24, Title, description);
    }
}
