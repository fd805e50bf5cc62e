using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Charts;

/// <summary>One bar: its label and value; optionally highlighted, a reference value to compare it with (an expected
/// share, the population's share), a note written after the value, and the parts of a stacked bar.</summary>
public sealed record Bar(string Label, double Value, bool Highlighted = false, double? Reference = null, string? Note = null)
{
    /// <summary>For a stacked bar (<see cref="BarChart.PartNames"/>): the count in each part, in the order of the names.</summary>
    public IReadOnlyList<double>? Parts { get; init; }

    /// <summary>The language of the label when it may differ from the page's (a translated answer): marked with <c>lang</c>.</summary>
    public string? Language { get; init; }
}

/// <summary>
/// Horizontal bars, the phone's way round: each label above its bar (wrapped, never cut off in the table), the value
/// written after the bar, highlighted bars solid and the others hatched, a reference drawn as a thick tick and written
/// out, with a legend in words. Stacked bars (<see cref="PartNames"/>) show each part's share of the bar, each part
/// with its own fill and the share written in it where it fits.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<Bar> Bars) : Chart(Id, Title, Description)
{
    private const double Width = 360;
    private const double LabelFont = 14;
    private const double ValueFont = 13;
    private const double LineHeight = 17;
    private const double BarHeight = 20;
    private const double RowGap = 14;

    /// <summary>The heading of the values' column in the table ("Votes").</summary>
    public string? ValueName { get; init; }

    public ValueFormat Format { get; init; } = ValueFormat.Count;

    /// <summary>The value at the end of the axis; by default the largest value or reference.</summary>
    public double? Max { get; init; }

    /// <summary>What highlighted bars are ("Funded"); with <see cref="OtherName"/> it makes the legend.</summary>
    public string? HighlightedName { get; init; }

    /// <summary>What the other bars are ("Not funded"); they are hatched when there is a highlighted kind.</summary>
    public string? OtherName { get; init; }

    /// <summary>With it, the table has a column of this heading ("Outcome") saying which bars are highlighted.</summary>
    public string? HighlightHeader { get; init; }

    /// <summary>What the reference values are ("Share of the population"): the legend and the table's heading.</summary>
    public string? ReferenceName { get; init; }

    /// <summary>A short word for the reference after a bar's value ("population" in "67 % (population 50 %)").</summary>
    public string? ReferenceLabel { get; init; }

    /// <summary>The parts of stacked bars, in order ("1 very bad", …, "5 very good"); each bar gives its counts.</summary>
    public IReadOnlyList<string>? PartNames { get; init; }

    internal override bool IsEmpty => Bars.Count == 0;

    private bool Stacked => PartNames is not null;

    private bool HasHighlight => HighlightedName is not null;

    /// <summary>The length a bar stands for: its value, or 0 when it has none or a negative one.</summary>
    private static double Size(Bar bar) => Math.Max(0, Known(bar.Value) ?? 0);

    private double Top => Bars.SelectMany(b => Known(b.Reference) is { } r ? new[] { Size(b), r } : new[] { Size(b) }).DefaultIfEmpty(0).Max();

    private double AxisMax => Max is { } m && m > 0 ? m : Top > 0 ? Top : 1;

    private double[] PartsOf(Bar bar) => Enumerable.Range(0, PartNames!.Count).Select(k => bar.Parts is { } p && k < p.Count ? Math.Max(0, Known(p[k]) ?? 0) : 0).ToArray();

    private string ValueText(ChartContext context, Bar bar)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var value = context.Write(Format, bar.Value);
        if (Known(bar.Reference) is { } reference)
        {
            value = t["{0} ({1} {2})", value, ReferenceLabel ?? ReferenceName ?? t["reference"], context.Write(Format, reference)];
        }
        return bar.Note is { Length: > 0 } note ? value + " · " + note : value;
    }

    private protected override string Summarise(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var sentences = new List<string>();
        if (Stacked)
        {
            foreach (var bar in Bars)
            {
                var parts = PartsOf(bar);
                var total = parts.Sum();
                if (total > 0)
                {
                    var most = parts.Max();
                    var names = Enumerable.Range(0, parts.Length).Where(k => parts[k] == most).Select(k => context.Quote(PartNames![k]));
                    sentences.Add(t["{0}: most often {1} ({2}).", bar.Label, ChartContext.List(names), ValueFormat.Percent().Write(most / total, context.Culture)]);
                }
            }
            var none = Bars.Where(b => PartsOf(b).Sum() == 0).Select(b => b.Label).ToList();
            if (none.Count > 0)
            {
                sentences.Add(t["No data for: {0}.", ChartContext.List(none)]);
            }
            return string.Join(" ", sentences);
        }
        if (Bars.Count == 1)
        {
            sentences.Add(t["{0}: {1}.", Bars[0].Label, context.Write(Format, Bars[0].Value)]);
        }
        else
        {
            var known = Bars.Where(b => Known(b.Value) is not null).ToList();
            if (known.Count > 0)
            {
                var highest = known.Max(b => b.Value);
                var lowest = known.Min(b => b.Value);
                sentences.Add(highest == lowest
                    ? t["All the same: {0}.", context.Write(Format, highest)]
                    : t["Highest: {0} ({1}). Lowest: {2} ({3}).",
                        ChartContext.List(known.Where(b => b.Value == highest).Select(b => b.Label)), context.Write(Format, highest),
                        ChartContext.List(known.Where(b => b.Value == lowest).Select(b => b.Label)), context.Write(Format, lowest)]);
            }
        }
        if (HasHighlight)
        {
            var highlighted = Bars.Where(b => b.Highlighted).Select(b => b.Label).ToList();
            sentences.Add(t["{0}: {1}.", HighlightedName!, highlighted.Count == 0 ? t["none"] : ChartContext.List(highlighted)]);
        }
        if (Bars.Any(b => b.Reference is not null))
        {
            var below = Bars.Where(b => Known(b.Reference) is { } r && Known(b.Value) < r).Select(b => b.Label).ToList();
            sentences.Add(t["Below the reference ({0}): {1}.", ReferenceName ?? t["reference"], below.Count == 0 ? t["none"] : ChartContext.List(below)]);
        }
        return string.Join(" ", sentences);
    }

    private protected override ChartTable Tabulate(ChartContext context)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var label = LabelHeader ?? t["Name"];
        if (Stacked)
        {
            return new ChartTable(Title, label, [.. PartNames!, .. ValueName is null ? Array.Empty<string>() : [ValueName]], Bars.Select(bar =>
            {
                var parts = PartsOf(bar);
                var total = parts.Sum();
                var cells = parts.Select(p => total > 0 ? t["{0} ({1})", context.Write(Format, p), ValueFormat.Percent().Write(p / total, context.Culture)].Value : context.Write(Format, p));
                return new ChartRow(bar.Label, [.. cells, .. ValueName is null ? Array.Empty<string>() : [context.Write(Format, total)]], bar.Language);
            }).ToList());
        }
        var references = Bars.Any(b => b.Reference is not null);
        var headers = new List<string> { ValueName ?? t["Value"] };
        if (references)
        {
            headers.Add(ReferenceName ?? t["reference"]);
        }
        if (HasHighlight && HighlightHeader is not null)
        {
            headers.Add(HighlightHeader);
        }
        return new ChartTable(Title, label, headers, Bars.Select(bar =>
        {
            var cells = new List<string> { context.Write(Format, bar.Value) };
            if (references)
            {
                cells.Add(context.Write(Format, bar.Reference));
            }
            if (HasHighlight && HighlightHeader is not null)
            {
                cells.Add(bar.Highlighted ? HighlightedName! : OtherName ?? t["others"]);
            }
            return new ChartRow(bar.Label, cells, bar.Language);
        }).ToList());
    }

    private protected override string Draw(ChartContext context, string description)
    {
        var svg = new SvgWriter(Id);
        svg.Patterns();
        var texts = Bars.Select(b => Stacked ? "" : ValueText(context, b)).ToList();
        var longest = texts.Select(x => SvgWriter.Width(x, ValueFont)).DefaultIfEmpty(0).Max();
        var width = Width;
        var space = Stacked ? width : Math.Max(width * 0.45, width - longest - 10);
        width = Math.Max(width, space + longest + 10);

        var y = Legend(svg, context, width);
        var max = AxisMax;
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var lines = SvgWriter.Wrap(bar.Label, SvgWriter.Fit(width, LabelFont), 2);
            svg.Text(0, y + LabelFont, lines, LineHeight, "label", language: bar.Language);
            var barTop = y + lines.Count * LineHeight + 4;
            if (Stacked)
            {
                DrawParts(svg, context, bar, barTop, space);
            }
            else
            {
                var length = Size(bar) <= 0 ? 0 : Math.Max(2, Math.Min(Size(bar), max) / max * space);
                if (Size(bar) <= 0)
                {
                    svg.Line(0, barTop - 2, 0, barTop + BarHeight + 2, "zero");
                }
                else if (!HasHighlight || bar.Highlighted)
                {
                    svg.Rect(0, barTop, length, BarHeight, HasHighlight ? "bar highlighted" : "bar");
                }
                else
                {
                    svg.Rect(0, barTop, length, BarHeight, "bar other", "hatch");
                }
                var end = length;
                if (Known(bar.Reference) is { } reference)
                {
                    var x = Math.Clamp(reference / max * space, 1.5, space);
                    svg.Line(x, barTop - 4, x, barTop + BarHeight + 4, "reference");
                    end = Math.Max(end, x);
                }
                svg.Text(end + 6, barTop + BarHeight / 2 + 4.5, texts[i], "value");
            }
            y = barTop + BarHeight + RowGap;
        }
        return svg.Close(width, y - RowGap + 6, Title, description);
    }

    private void DrawParts(SvgWriter svg, ChartContext context, Bar bar, double top, double space)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var parts = PartsOf(bar);
        var total = parts.Sum();
        if (total <= 0)
        {
            svg.Rect(0, top, space, BarHeight, "part-none");
            svg.Text(6, top + BarHeight / 2 + 4.5, t["no data"], "value");
            return;
        }
        double x = 0;
        for (var k = 0; k < parts.Length; k++)
        {
            var w = parts[k] / total * space;
            if (w <= 0)
            {
                continue;
            }
            svg.Rect(x, top, w, BarHeight, $"part part-{k}", PartFill(k));
            var share = ValueFormat.Percent().Write(parts[k] / total, context.Culture);
            if (w >= SvgWriter.Width(share, 12) + 6)
            {
                svg.Text(x + w / 2, top + BarHeight / 2 + 4.5, share, $"in-part in-part-{k}", "middle");
            }
            x += w;
        }
    }

    private static string? PartFill(int part) => part switch { 0 => "hatch-low", 1 => "hatch-lower", _ => null };

    /// <summary>The legend in a row (wrapping) above the bars; returns where the bars start.</summary>
    private double Legend(SvgWriter svg, ChartContext context, double width)
    {
        IStringLocalizer<ChartText> t = context.Text;
        var items = new List<(string Name, Action<double, double> Key)>();
        if (Stacked)
        {
            for (var k = 0; k < PartNames!.Count; k++)
            {
                var part = k;
                items.Add((PartNames[k], (x, y) => svg.Rect(x, y - 12, 16, 16, $"part part-{part}", PartFill(part))));
            }
        }
        else
        {
            if (HasHighlight)
            {
                items.Add((HighlightedName!, (x, y) => svg.Rect(x, y - 12, 16, 16, "bar highlighted")));
                items.Add((OtherName ?? t["others"], (x, y) => svg.Rect(x, y - 12, 16, 16, "bar other", "hatch")));
            }
            if (Bars.Any(b => b.Reference is not null))
            {
                items.Add((ReferenceName ?? t["reference"], (x, y) => svg.Line(x + 8, y - 14, x + 8, y + 6, "reference")));
            }
        }
        if (items.Count == 0)
        {
            return 0;
        }
        double left = 0, baseline = 16, deeper = 0;
        foreach (var (name, key) in items)
        {
            var lines = SvgWriter.Wrap(name, SvgWriter.Fit(width - 24, ValueFont), 2);
            var itemWidth = 22 + lines.Max(l => SvgWriter.Width(l, ValueFont)) + 18;
            if (left > 0 && left + itemWidth > width)
            {
                left = 0;
                baseline += 24 + deeper;
                deeper = 0;
            }
            key(left, baseline);
            svg.Text(left + 22, baseline, lines, LineHeight, "legend");
            left += itemWidth;
            deeper = Math.Max(deeper, (lines.Count - 1) * LineHeight);
        }
        return baseline + deeper + 16;
    }
}
