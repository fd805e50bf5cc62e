using System.Globalization;
using System.Xml.Linq;
using Cocreo.Web.Platform.Charts;
using Cocreo.Web.Platform.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Tests.Charts;

/// <summary>
/// The chart kit on its own: every kind draws an SVG that is valid XML and named for screen readers, its table holds
/// the numbers the chart draws, text is never markup, empty data says so, zeros and single points draw, long labels
/// stay inside the picture, and numbers and sentences follow the reader's language.
/// </summary>
public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly IStringLocalizer<ChartText> Text = new StringLocalizer<ChartText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static readonly string[] Scale = ["Very bad", "Bad", "Neither good nor bad", "Good", "Very good"];

    /// <summary>One chart of each kind, with ordinary data.</summary>
    public static TheoryData<string> Kinds => new(Charts().Keys);

    private static Dictionary<string, Chart> Charts(string label = "Second") => new()
    {
        ["bar"] = new BarChart("bar", "Votes per project", "Solid bars are funded.",
            [new Bar("First", 124, true), new Bar(label, 66, false, Note: "not funded"), new Bar("Third", 0)])
        { HighlightedName = "Funded", OtherName = "Not funded", ValueName = "Votes" },
        ["reference bar"] = new BarChart("reference-bar", "Share per answer", "The tick is the expected share.",
            [new Bar("Under 35", 0.32, Reference: 0.3), new Bar(label, 0.10, Reference: 0.22)])
        { Format = ValueFormat.Percent(), ValueName = "Share", ReferenceName = "Expected", ReferenceLabel = "expected" },
        ["stacked bar"] = new BarChart("stacked", "Ratings per stage", "The share of each rating.",
            [new Bar("Find information", 10) { Parts = [1, 2, 3, 4, 0] }, new Bar(label, 3) { Parts = [3, 0, 0, 0, 0] }])
        { PartNames = Scale },
        ["line"] = new LineChart("line", "Readiness over time", "Scores from 0 to 1.", ["17/04/2026", "21/11/2026", "03/02/2027"],
            [new LineSeries("Overall", [0.0, 0.5, 0.75]), new LineSeries(label, [0.45, null, 0.65])])
        { Bands = [new ValueBand(0, 1 / 3.0, "Low"), new ValueBand(1 / 3.0, 2 / 3.0, "Medium"), new ValueBand(2 / 3.0, 1, "High")] },
        ["radar"] = new RadarChart("radar", "Readiness per category", "Each axis is a category.", ["Capacity", label, "Context", "Leadership"],
            [new RadarSeries("Autumn", [0.65, 0.62, 0.5, 0.25]), new RadarSeries("Spring", [0.45, 0.25, null, 0.5])])
        { Rings = [new RadarRing(1 / 3.0, "medium"), new RadarRing(2 / 3.0, "high")] },
        ["scatter"] = new ScatterChart("scatter", "Users against organisation", "Up and right is better.", "Users", "Organisation",
            [new ScatterPoint("1", 0.83, 0.86, true) { Name = "Library" }, new ScatterPoint("2", 0.67, 0.57) { Name = label }, new ScatterPoint("3", 0.83, 0.57) { Name = "Waste" }])
        { HighlightedName = "Most suitable", Marks = [new AxisMark(1 / 3.0, "⅓")] },
        ["emotion curve"] = new EmotionCurve("curve", "Mean feeling per stage", "From 1 to 5.", ["Find information", label, "Submit", "Wait"], Scale,
            [new EmotionSeries("Everyone", [new Feeling(3.11, 36), new Feeling(2.73, 26), new Feeling(null, 0), new Feeling(1.89, 36)])]),
        ["emotion curves"] = new EmotionCurve("curves", "Mean feeling by age", "One line per answer.", ["Find information", label], Scale,
            [new EmotionSeries("Under 65", [new Feeling(4, 2), new Feeling(3.5, 2)]), new EmotionSeries("65 or older", [new Feeling(1, 1), new Feeling(null, 0)])]),
        ["heat map"] = new HeatMap("heat", "Mean feeling by stage and channel", "Rows are stages.", ["Find information", label], ["Online", "Phone"],
            [[new HeatCell(3.25, 16), new HeatCell(2.73, 15)], [new HeatCell(null, 0), new HeatCell(1.62, 16)]])
        { LowName = "Very bad", HighName = "Very good" },
    };

    private static CultureInfo English => Cultures.Formatting("en");

    private static (XElement Svg, RenderedChart Rendered, string Html) Render(Chart chart, CultureInfo? culture = null)
    {
        var rendered = chart.Render(Text, culture ?? English);
        var html = new ChartTagHelper(Text).Html(rendered, openTable: false);
        return (rendered.Svg is null ? new XElement("none") : XElement.Parse(rendered.Svg), rendered, html);
    }

    private static IEnumerable<string> Texts(XElement svg, string cssClass) =>
        svg.Descendants(Svg + "text").Where(t => ((string?)t.Attribute("class") ?? "").Split(' ').Contains(cssClass)).Select(t => t.Value);

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_is_valid_SVG_named_by_its_title_and_description(string kind)
    {
        var chart = Charts()[kind];
        var (svg, rendered, _) = Render(chart);

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal($"{chart.Id}-title {chart.Id}-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal(chart.Title, svg.Elements(Svg + "title").Single(t => (string?)t.Attribute("id") == chart.Id + "-title").Value);
        var desc = svg.Elements(Svg + "desc").Single(d => (string?)d.Attribute("id") == chart.Id + "-desc").Value;
        Assert.StartsWith(chart.Description, desc, StringComparison.Ordinal);
        Assert.Contains(rendered.Summary, desc, StringComparison.Ordinal);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null || e.Name.LocalName is "script" or "style");
        var viewBox = ((string)svg.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(new double[] { 0, 0 }, viewBox[..2]);
        // Shown at a fixed scale where there is room, so its 13 px text reads at about 16 px.
        Assert.Equal(viewBox[2] * SvgWriter.DisplayScale, Number(svg, "width"), 0.6);
        Assert.Equal(viewBox[3] * SvgWriter.DisplayScale, Number(svg, "height"), 0.6);
        Assert.All(svg.Descendants(Svg + "text"), t => Assert.True(FontSizes(t).Min() >= 12, $"{t.Value} is smaller than 12 px"));
    }

    private static readonly Lazy<string> Stylesheet = new(() =>
        File.ReadAllText(Path.Combine(Cocreo.Testing.SharedData.RepositoryRoot, "src", "Cocreo.Web", "wwwroot", "css", "charts.css")));

    /// <summary>
    /// The font sizes charts.css gives a text by its classes, or else the size of all chart text (the test reads the
    /// stylesheet itself, so a smaller font there fails it).
    /// </summary>
    private static List<double> FontSizes(XElement text)
    {
        var classes = ((string?)text.Attribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rules = System.Text.RegularExpressions.Regex.Matches(Stylesheet.Value, @"([^{}]+)\{[^}]*font-size:\s*(\d+)px")
            .Select(m => (Selectors: m.Groups[1].Value.Split(',').Select(x => x.Trim()).ToList(), Size: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        var byClass = rules.Where(r => r.Selectors.Any(x => classes.Any(c => x.EndsWith("." + c, StringComparison.Ordinal)))).Select(r => r.Size).ToList();
        var sizes = byClass.Count > 0 ? byClass : rules.Where(r => r.Selectors.Contains(".chart text")).Select(r => r.Size).ToList();
        Assert.NotEmpty(sizes);
        return sizes;
    }

    private static List<string> Cells(ChartTable table) => table.Rows.Select(r => string.Join(" | ", r.Cells)).ToList();

    [Fact]
    public void A_bar_charts_table_holds_the_values_written_on_its_bars()
    {
        var (svg, rendered, _) = Render(Charts()["bar"]);
        Assert.Equal(["124", "66 · not funded", "0"], Texts(svg, "value"));
        Assert.Equal(["124", "66", "0"], rendered.Table!.Rows.Select(r => r.Cells[0]));
        Assert.Equal(["First", "Second", "Third"], rendered.Table.Rows.Select(r => r.Label));
        // Bar lengths are in proportion to the values.
        var bars = svg.Descendants(Svg + "rect").Where(r => ((string?)r.Attribute("class"))?.StartsWith("bar", StringComparison.Ordinal) == true && Number(r, "y") > 30).ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(124.0 / 66, Number(bars[0], "width") / Number(bars[1], "width"), 2);
    }

    [Fact]
    public void A_reference_is_drawn_written_and_tabled()
    {
        var (svg, rendered, _) = Render(Charts()["reference bar"]);
        Assert.Equal(["32% (expected 30%)", "10% (expected 22%)"], Texts(svg, "value"));
        Assert.Equal(["32% | 30%", "10% | 22%"], Cells(rendered.Table!));
        Assert.Equal(["Share", "Expected"], rendered.Table!.Headers);
        // One tick per bar, and one in the legend.
        Assert.Equal(3, svg.Descendants(Svg + "line").Count(l => (string?)l.Attribute("class") == "reference"));
        Assert.Contains("Below the reference (Expected): Second.", rendered.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stacked_bars_parts_are_its_shares_and_its_table_gives_counts_and_shares()
    {
        var (svg, rendered, _) = Render(Charts()["stacked bar"]);
        Assert.Equal(["10%", "20%", "30%", "40%", "100%"], Texts(svg, "in-part"));
        Assert.Equal(["1 (10%)", "2 (20%)", "3 (30%)", "4 (40%)", "0 (0%)"], rendered.Table!.Rows[0].Cells);
        Assert.Equal(Scale, rendered.Table.Headers);
        Assert.Equal("Find information: most often “Good” (40%). Second: most often “Very bad” (100%).", rendered.Summary);
    }

    [Fact]
    public void A_radar_charts_points_lie_at_the_values_in_its_table()
    {
        var chart = (RadarChart)Charts()["radar"];
        var (svg, rendered, _) = Render(chart);
        var centre = svg.Descendants(Svg + "line").First(l => (string?)l.Attribute("class") == "axis");
        var (cx, cy) = (Number(centre, "x1"), Number(centre, "y1"));
        var edge = ((string)svg.Descendants(Svg + "polygon").First(p => (string?)p.Attribute("class") == "grid-outer").Attribute("points")!).Split(' ')[0].Split(',');
        var radius = cy - double.Parse(edge[1], CultureInfo.InvariantCulture);
        double Distance(double x, double y) => Math.Sqrt(Math.Pow(x - cx, 2) + Math.Pow(y - cy, 2)) / radius;
        var autumn = svg.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "marker series-0")
            .Select(c => Distance(Number(c, "cx"), Number(c, "cy"))).Where(d => d <= 1)
            .Select(v => ValueFormat.Percent().Write(v, English)).ToList();
        Assert.Equal(rendered.Table!.Rows.Select(r => r.Cells[0]), autumn);
        Assert.Equal(["65%", "62%", "50%", "25%"], autumn);
        Assert.Equal(["45%", "25%", "–", "50%"], rendered.Table.Rows.Select(r => r.Cells[1]));
        // Spring's square markers: three values, the axis without one has none (the legend has one more).
        Assert.Equal(3, svg.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "marker series-1" && Distance(Number(r, "x") + 4.5, Number(r, "y") + 4.5) <= 1));
        Assert.Equal("Autumn: highest on “Capacity” (65%), lowest on “Leadership” (25%). Spring: highest on “Leadership” (50%), lowest on “Second” (25%). No value for “Context”.", rendered.Summary);
    }

    [Fact]
    public void A_line_charts_points_lie_at_the_values_in_its_table()
    {
        var (svg, rendered, _) = Render(Charts()["line"]);
        var axes = svg.Descendants(Svg + "line").Where(l => (string?)l.Attribute("class") == "axis").ToList();
        var vertical = axes.First(l => Number(l, "x1") == Number(l, "x2"));
        var (top, bottom) = (Number(vertical, "y1"), Number(vertical, "y2"));
        var overall = svg.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "marker series-0" && Number(c, "cy") <= bottom)
            .Select(c => ValueFormat.Percent().Write((bottom - Number(c, "cy")) / (bottom - top), English)).ToList();
        Assert.Equal(rendered.Table!.Rows.Select(r => r.Cells[0]), overall);
        Assert.Equal(["45%", "–", "65%"], rendered.Table.Rows.Select(r => r.Cells[1]));
        Assert.Equal(["17/04/2026", "21/11/2026", "03/02/2027"], rendered.Table.Rows.Select(r => r.Label));
        Assert.Equal("Overall: from 0% (17/04/2026) to 75% (03/02/2027). Second: from 45% (17/04/2026) to 65% (03/02/2027).", rendered.Summary);
    }

    [Fact]
    public void A_scatter_charts_points_lie_at_the_values_in_its_table()
    {
        var (svg, rendered, _) = Render(Charts()["scatter"]);
        var frame = svg.Descendants(Svg + "rect").First(r => (string?)r.Attribute("class") == "grid-outer");
        var (left, top, size) = (Number(frame, "x"), Number(frame, "y"), Number(frame, "width"));
        var points = svg.Descendants(Svg + "circle").Where(c => ((string?)c.Attribute("class"))?.StartsWith("point", StringComparison.Ordinal) == true && Number(c, "cy") <= top + size)
            .Select(c => ValueFormat.Percent().Write((Number(c, "cx") - left) / size, English) + " | " + ValueFormat.Percent().Write((top + size - Number(c, "cy")) / size, English))
            .ToList();
        Assert.Equal(rendered.Table!.Rows.Select(r => string.Join(" | ", r.Cells.Skip(1).Take(2))), points);
        Assert.Equal(["Library", "83%", "86%", "yes"], rendered.Table.Rows[0].Cells);
        Assert.Equal(["1", "2", "3"], Texts(svg, "point-label"));
        Assert.Single(svg.Descendants(Svg + "circle"), c => (string?)c.Attribute("class") == "highlight-ring");
        Assert.Single(svg.Descendants(Svg + "circle"), c => (string?)c.Attribute("class") == "key-ring");
    }

    [Fact]
    public void An_emotion_curves_means_are_written_at_its_points_and_in_its_table()
    {
        var (svg, rendered, _) = Render(Charts()["emotion curve"]);
        Assert.Equal(["3.11", "2.73", "1.89"], Texts(svg, "value"));
        Assert.Equal(["3.11 | 36", "2.73 | 26", "– | 0", "1.89 | 36"], Cells(rendered.Table!));
        // The stage nobody rated breaks the line: a line over the first two stages and a lone point at the last,
        // not a line through a feeling nobody gave.
        Assert.Single(svg.Descendants(Svg + "polyline"));
        Assert.Equal("Everyone: lowest “Wait” (1.89), highest “Find information” (3.11). No data for: “Submit”.", rendered.Summary);

        var (several, comparison, _) = Render(Charts()["emotion curves"]);
        Assert.Empty(Texts(several, "value"));
        Assert.Equal(["4.00 (n=2) | 1.00 (n=1)", "3.50 (n=2) | –"], Cells(comparison.Table!));
        Assert.Equal(["line series-0"], several.Descendants(Svg + "polyline").Select(p => (string?)p.Attribute("class")));
        Assert.Equal(2, several.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "marker series-1"));
    }

    [Fact]
    public void A_heat_maps_cells_are_written_and_tabled_alike()
    {
        var (svg, rendered, _) = Render(Charts()["heat map"]);
        Assert.Equal(["3.25", "2.73", "–", "1.62"], Texts(svg, "cell-value"));
        Assert.Equal(["n=16", "n=15", "n=16"], Texts(svg, "cell-count"));
        Assert.Equal(["3.25 (n=16) | 2.73 (n=15)", "– | 1.62 (n=16)"], Cells(rendered.Table!));
        // Low means are warm and dark, high ones cool; the shade is a step of eight, and the number is always there.
        var shades = svg.Descendants(Svg + "rect").Select(r => (string?)r.Attribute("class")).Where(c => c?.StartsWith("cell heat-", StringComparison.Ordinal) == true).Take(4).ToList();
        Assert.Equal(["cell heat-4", "cell heat-3", "cell heat-none", "cell heat-1"], shades);
        Assert.Equal("Lowest: “Second” and “Phone”: 1.62 (n=16). Highest: “Find information” and “Online”: 3.25 (n=16). 1 of 4 cells have no value.", rendered.Summary);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_label_is_text_never_markup(string kind)
    {
        const string label = "<script>alert('x')</script> & \"quoted\"";
        var chart = Charts(label)[kind];
        var (svg, rendered, html) = Render(chart);

        Assert.DoesNotContain("<script", rendered.Svg!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Name.LocalName == "script");
        // The label is still there, as text, in full in the table.
        var table = XElement.Parse("<root>" + html[html.IndexOf("<details", StringComparison.Ordinal)..] + "</root>");
        Assert.Contains(label, table.Descendants().Select(e => e.Value));
    }

    public static TheoryData<string> EmptyKinds => new(EmptyCharts().Keys);

    private static Dictionary<string, Chart> EmptyCharts() => new()
    {
        ["bar"] = new BarChart("bar", "Pain points by tag", "How often.", []),
        ["line"] = new LineChart("line", "Over time", "", [], []),
        ["line without values"] = new LineChart("line", "Over time", "", ["17/04/2026"], [new LineSeries("Overall", [null])]),
        ["radar"] = new RadarChart("radar", "Per category", "", [], [new RadarSeries("Autumn", [])]),
        ["radar without series"] = new RadarChart("radar", "Per category", "", ["Capacity"], []),
        ["scatter"] = new ScatterChart("scatter", "Services", "", "Users", "Organisation", []),
        ["emotion curve"] = new EmotionCurve("curve", "Mean feeling per stage", "", ["Find information"], Scale, [new EmotionSeries("Everyone", [new Feeling(null, 0)])]),
        ["heat map"] = new HeatMap("heat", "By stage and channel", "", ["Find information"], [], []),
    };

    [Theory]
    [MemberData(nameof(EmptyKinds))]
    public void Empty_data_gives_a_sentence_not_a_broken_chart(string kind)
    {
        var chart = EmptyCharts()[kind];
        var (_, rendered, html) = Render(chart);
        Assert.Null(rendered.Svg);
        Assert.Null(rendered.Table);
        Assert.Equal("No data to show yet.", rendered.Summary);
        Assert.Equal($"<figcaption class=\"chart-title\">{SvgWriter.Escape(chart.Title)}</figcaption><p class=\"chart-empty-text\">No data to show yet.</p>", html);

        var (_, told, _) = Render(chart with { EmptyText = "No ratings yet." });
        Assert.Equal("No ratings yet.", told.Summary);
    }

    public static TheoryData<string> DegenerateKinds => new(DegenerateCharts().Keys);

    private static Dictionary<string, Chart> DegenerateCharts() => new()
    {
        ["bars of 0"] = new BarChart("bar", "Votes", "", [new Bar("A", 0), new Bar("B", 0, Reference: 0)]),
        ["one bar"] = new BarChart("bar", "Votes", "", [new Bar("A", 5)]) { Max = 0 },
        ["stacked bar of 0"] = new BarChart("bar", "Ratings", "", [new Bar("A", 0) { Parts = [0, 0, 0, 0, 0] }]) { PartNames = Scale },
        ["one time"] = new LineChart("line", "Over time", "", ["17/04/2026"], [new LineSeries("Overall", [0.0])]),
        ["flat line range"] = new LineChart("line", "Over time", "", ["a", "b"], [new LineSeries("Overall", [1.0, 1.0])]) { Min = 1, Max = 1 },
        ["radar of one axis"] = new RadarChart("radar", "Per category", "", ["Capacity"], [new RadarSeries("Autumn", [0.0])]),
        ["radar of 0"] = new RadarChart("radar", "Per category", "", ["A", "B", "C"], [new RadarSeries("Autumn", [0.0, 0.0, 0.0])]) { Max = 0 },
        ["one point at 0"] = new ScatterChart("scatter", "Services", "", "Users", "Organisation", [new ScatterPoint("1", 0, 0)]) { XMax = 0, YMax = 0 },
        ["one stage"] = new EmotionCurve("curve", "Feeling", "", ["Wait"], Scale, [new EmotionSeries("Everyone", [new Feeling(1, 1)])]),
        ["no scale"] = new EmotionCurve("curve", "Feeling", "", ["Wait", "Go"], [], [new EmotionSeries("Everyone", [new Feeling(3, 1), new Feeling(4, 1)])]),
        ["one cell"] = new HeatMap("heat", "By stage and channel", "", ["Wait"], ["Phone"], [[new HeatCell(5, 1)]]) { Min = 5, Max = 5 },
        // A mean of nothing (0 / 0) is NaN: the kit takes it for "no value", never for a point.
        ["bars not a number"] = new BarChart("bar", "Votes", "", [new Bar("A", double.NaN), new Bar("B", 2, Reference: double.PositiveInfinity)]),
        ["line not a number"] = new LineChart("line", "Over time", "", ["a", "b"], [new LineSeries("Overall", [double.NaN, 0.5])]),
        ["radar not a number"] = new RadarChart("radar", "Per category", "", ["A", "B", "C"], [new RadarSeries("Autumn", [double.NaN, 0.5, 0.2])]),
        ["scatter not a number"] = new ScatterChart("scatter", "Services", "", "Users", "Organisation", [new ScatterPoint("1", double.NaN, 0.5), new ScatterPoint("2", 0.2, 0.3)]),
        ["curve not a number"] = new EmotionCurve("curve", "Feeling", "", ["Wait", "Go"], Scale, [new EmotionSeries("Everyone", [new Feeling(double.NaN, 0), new Feeling(3, 1)])]),
        ["heat not a number"] = new HeatMap("heat", "By stage and channel", "", ["Wait"], ["Phone", "Online"], [[new HeatCell(double.NaN, 0), new HeatCell(2, 1)]]),
    };

    [Theory]
    [MemberData(nameof(DegenerateKinds))]
    public void A_zero_or_a_single_point_draws_without_dividing_by_zero(string kind)
    {
        var (svg, rendered, html) = Render(DegenerateCharts()[kind]);
        Assert.NotNull(rendered.Svg);
        Assert.DoesNotContain("NaN", rendered.Svg!, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", rendered.Svg!, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", rendered.Svg! + html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.NotEmpty(rendered.Summary);
        Assert.All(svg.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" or "cx" or "cy" or "r"),
            a => Assert.True(double.Parse(a.Value, CultureInfo.InvariantCulture) >= 0, $"{a.Parent!.Name.LocalName} {a.Name}={a.Value}"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Long_labels_wrap_inside_the_picture(string kind)
    {
        var label = string.Join(' ', Enumerable.Repeat("Submitting the application with all its annexes", 5)) + " Donaudampfschifffahrtsgesellschaftskapitän";
        var (svg, rendered, _) = Render(Charts(label)[kind]);
        var width = double.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[2], CultureInfo.InvariantCulture);

        foreach (var text in svg.Descendants(Svg + "text"))
        {
            var anchor = (string?)text.Attribute("text-anchor") ?? "start";
            var lines = text.Elements(Svg + "tspan").Any() ? text.Elements(Svg + "tspan").ToList() : [text];
            // A title turned upright (the scatter chart's y axis) runs along the height, about its y.
            var upright = text.Parent?.Attribute("transform") is not null;
            foreach (var line in lines)
            {
                var x = upright ? Number(text, "y") : Number(line, "x");
                var room = upright ? double.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[3], CultureInfo.InvariantCulture) : width;
                var w = SvgWriter.Width(line.Value, FontSizes(text).Max()) * 0.98;
                var (from, to) = anchor switch { "end" => (x - w, x), "middle" => (x - w / 2, x + w / 2), _ => (x, x + w) };
                Assert.True(from >= -1 && to <= room + 1, $"“{line.Value}” runs from {from:0} to {to:0}, outside 0 to {room:0}");
            }
        }
        // The table keeps the whole label.
        Assert.Contains(rendered.Table!.Rows.Select(r => r.Label).Concat(rendered.Table.Headers).Concat(rendered.Table.Rows.SelectMany(r => r.Cells)), l => l == label);
    }

    [Fact]
    public void Numbers_and_sentences_follow_the_readers_language()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            var slovenian = Cultures.Formatting("sl");
            CultureInfo.CurrentUICulture = slovenian;
            var (svg, rendered, html) = Render(Charts()["heat map"], slovenian);
            Assert.Equal(["3,25", "2,73", "–", "1,62"], Texts(svg, "cell-value"));
            Assert.Equal("3,25 (n=16)", rendered.Table!.Rows[0].Cells[0]);
            Assert.StartsWith("Najnižje: „Second“ in „Phone“: 1,62 (n=16).", rendered.Summary, StringComparison.Ordinal);
            Assert.Contains("Tabela s podatki: Mean feeling by stage and channel", html, StringComparison.Ordinal);

            var (bars, counted, _) = Render(new BarChart("bar", "Glasovi", "", [new Bar("A", 1234), new Bar("B", 12)]), slovenian);
            Assert.Equal("1.234", counted.Table!.Rows[0].Cells[0]);
            Assert.Equal("1.234", Texts(bars, "value").First());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void The_figure_always_has_the_chart_its_summary_and_its_table()
    {
        var chart = Charts()["bar"];
        var rendered = chart.Render(Text, English);
        var folded = XElement.Parse("<figure>" + new ChartTagHelper(Text).Html(rendered, openTable: false) + "</figure>");
        var open = new ChartTagHelper(Text).Html(rendered, openTable: true);

        Assert.Equal(Svg + "svg", folded.Elements().First().Name);
        Assert.Equal(["Solid bars are funded.", rendered.Summary], folded.Element("figcaption")!.Elements("p").Select(p => p.Value));
        var details = folded.Element("details")!;
        Assert.Null(details.Attribute("open"));
        Assert.Contains("<details class=\"chart-data\" open>", open, StringComparison.Ordinal);
        Assert.Equal("Data table: Votes per project", details.Element("summary")!.Value);
        var table = details.Descendants("table").Single();
        Assert.Equal("Votes per project", table.Element("caption")!.Value);
        Assert.Equal(["Name", "Votes"], table.Descendants("th").Where(th => (string?)th.Attribute("scope") == "col").Select(th => th.Value));
        Assert.Equal(["First", "Second", "Third"], table.Descendants("th").Where(th => (string?)th.Attribute("scope") == "row").Select(th => th.Value));
    }

    [Fact]
    public void Added_columns_join_the_table_in_their_place_and_need_a_cell_per_row()
    {
        var chart = (BarChart)Charts()["bar"] with
        {
            TableColumns = [new TableColumn("Cost", ["1 EUR", "2 EUR", "3 EUR"], First: true), new TableColumn("Why", ["a", "b", "c"])],
            HighlightHeader = "Outcome",
        };
        var table = chart.Render(Text, English).Table!;
        Assert.Equal(["Cost", "Votes", "Outcome", "Why"], table.Headers);
        Assert.Equal(["2 EUR", "66", "Not funded", "b"], table.Rows[1].Cells);

        var broken = chart with { TableColumns = [new TableColumn("Why", ["only one"])] };
        Assert.Throws<ArgumentException>(() => broken.Render(Text, English));
    }
}
