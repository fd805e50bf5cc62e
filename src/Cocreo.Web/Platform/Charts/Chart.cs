using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Charts;

/// <summary>
/// A chart described by plain data: what it shows (<see cref="Title"/>), how to read it (<see cref="Description"/>)
/// and, in each kind, its labels, series and values. Pages show it with the chart tag helper
/// (<c>&lt;chart model="…" /&gt;</c>), which always writes the SVG together with a summary in words and the data
/// table, all three from the same data; there is no other way to put a chart on a page.
/// </summary>
/// <param name="Id">Unique on the page; the SVG's id, and the prefix of the ids inside it.</param>
/// <param name="Title">The chart's accessible name, and the caption of its table.</param>
/// <param name="Description">How to read it, in the page's words: shown under the chart and read with it.</param>
public abstract record Chart(string Id, string Title, string Description)
{
    /// <summary>The heading of the table's first column (the labels): "Stage", "Project"…</summary>
    public string? LabelHeader { get; init; }

    /// <summary>What to say instead of a chart when there is nothing to draw; a general sentence when not given.</summary>
    public string? EmptyText { get; init; }

    /// <summary>What the table writes for a value that is not known.</summary>
    public string Missing { get; init; } = "–";

    /// <summary>
    /// More columns for the data table, in the page's words (a reason, a count), one cell per row in the order of the
    /// chart's labels. They add to the chart's numbers; the chart's own columns are always there.
    /// </summary>
    public IReadOnlyList<TableColumn> TableColumns { get; init; } = [];

    internal abstract bool IsEmpty { get; }

    /// <summary>The SVG, the data table and the summary, in the reader's culture and language.</summary>
    internal RenderedChart Render(IStringLocalizer<ChartText> text, CultureInfo culture)
    {
        var context = new ChartContext(new RememberedText(text), culture, Missing);
        if (IsEmpty)
        {
            return new RenderedChart(this, null, null, EmptyText ?? text["No data to show yet."]);
        }
        var summary = Summarise(context);
        var table = Tabulate(context);
        var svg = Draw(context, string.IsNullOrWhiteSpace(Description) ? summary : Description + " " + summary);
        return new RenderedChart(this, svg, table.With(TableColumns), summary);
    }

    /// <summary>A value, or null when it is none (NaN, an infinity): a mean of nothing is not known, not a point.</summary>
    internal static double? Known(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>The chart's numbers in a few sentences, from the same data the SVG draws.</summary>
    private protected abstract string Summarise(ChartContext context);

    private protected abstract ChartTable Tabulate(ChartContext context);

    private protected abstract string Draw(ChartContext context, string description);
}

/// <summary>The language and culture a chart is written in.</summary>
internal sealed record ChartContext(IStringLocalizer<ChartText> Text, CultureInfo Culture, string Missing)
{
    public string Write(ValueFormat format, double? value) => Chart.Known(value) is { } v ? format.Write(v, Culture) : Missing;

    public string Count(int count) => count.ToString("N0", Culture);

    /// <summary>A name in the language's quotation marks.</summary>
    public string Quote(string name) => Text["“{0}”", name];

    /// <summary>Items in a sentence, comma-separated (the culture's list separator is meant for spreadsheets).</summary>
    public static string List(IEnumerable<string> items) => string.Join(", ", items);
}

/// <summary>
/// The kit's words for one chart, each looked up once: a heat map writes "{0} (n={1})" for every cell, and a lookup
/// that finds no English resource walks the culture's fallbacks each time.
/// </summary>
internal sealed class RememberedText(IStringLocalizer<ChartText> text) : IStringLocalizer<ChartText>
{
    private readonly Dictionary<string, LocalizedString> found = new(StringComparer.Ordinal);

    public LocalizedString this[string name]
    {
        get
        {
            if (!found.TryGetValue(name, out var value))
            {
                value = text[name];
                found[name] = value;
            }
            return value;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => text.GetAllStrings(includeParentCultures);
}

/// <summary>A chart ready for the page: its SVG (null when empty), its table and its summary.</summary>
internal sealed record RenderedChart(Chart Chart, string? Svg, ChartTable? Table, string Summary);

/// <summary>A column the page adds to a chart's table: a heading and one cell per row.</summary>
/// <param name="First">Put it right after the labels, before the chart's values, instead of after them.</param>
public sealed record TableColumn(string Header, IReadOnlyList<string> Cells, bool First = false);

/// <summary>The data table of a chart: one row per label, one column per series (and the page's added columns).</summary>
internal sealed record ChartTable(string Caption, string LabelHeader, IReadOnlyList<string> Headers, IReadOnlyList<ChartRow> Rows)
{
    public ChartTable With(IReadOnlyList<TableColumn> columns)
    {
        if (columns.Count == 0)
        {
            return this;
        }
        foreach (var column in columns.Where(c => c.Cells.Count != Rows.Count))
        {
            throw new ArgumentException($"The column \"{column.Header}\" has {column.Cells.Count} cells for the {Rows.Count} rows of the chart \"{Caption}\".", nameof(columns));
        }
        var first = columns.Where(c => c.First).ToList();
        var last = columns.Where(c => !c.First).ToList();
        return this with
        {
            Headers = [.. first.Select(c => c.Header), .. Headers, .. last.Select(c => c.Header)],
            Rows = Rows.Select((row, r) => row with { Cells = [.. first.Select(c => c.Cells[r]), .. row.Cells, .. last.Select(c => c.Cells[r])] }).ToList(),
        };
    }
}

/// <param name="Language">The label's language where it may differ from the page's, marked with <c>lang</c>.</param>
internal sealed record ChartRow(string Label, IReadOnlyList<string> Cells, string? Language = null);
