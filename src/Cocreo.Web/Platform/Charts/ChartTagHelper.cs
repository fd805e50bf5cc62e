using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Charts;

/// <summary>
/// <c>&lt;chart model="@chart" /&gt;</c>: a figure with the chart's SVG, how to read it, its summary in words and its
/// data table, all from the one <see cref="Chart"/>. With <c>open-table="true"</c> the table is shown open (the
/// reader can fold it away); otherwise it is folded under "Data table: …". Empty data gives a sentence, not an
/// empty frame. Pages load charts.css for the look.
/// </summary>
[HtmlTargetElement("chart", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChartTagHelper(IStringLocalizer<ChartText> text) : TagHelper
{
    public Chart Model { get; set; } = null!;

    public bool OpenTable { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "figure";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.SetHtmlContent(Html(Model.Render(text, CultureInfo.CurrentCulture), OpenTable));
        output.Attributes.SetAttribute("class", Model.IsEmpty ? "chart-figure chart-empty" : "chart-figure");
    }

    /// <summary>What goes inside the figure.</summary>
    internal string Html(RenderedChart rendered, bool openTable)
    {
        static string E(string s) => SvgWriter.Escape(s);
        var chart = rendered.Chart;
        var html = new StringBuilder();
        if (rendered.Svg is null || rendered.Table is not { } table)
        {
            html.Append(CultureInfo.InvariantCulture, $"<figcaption class=\"chart-title\">{E(chart.Title)}</figcaption><p class=\"chart-empty-text\">{E(rendered.Summary)}</p>");
            return html.ToString();
        }
        html.Append(rendered.Svg);
        html.Append("<figcaption>");
        if (!string.IsNullOrWhiteSpace(chart.Description))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"chart-description\">{E(chart.Description)}</p>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"chart-summary\">{E(rendered.Summary)}</p></figcaption>");
        var name = text["Data table: {0}", chart.Title].Value;
        html.Append(CultureInfo.InvariantCulture, $"<details class=\"chart-data\"{(openTable ? " open" : "")}><summary>{E(name)}</summary>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{E(name)}\"><table class=\"chart-table\"><caption>{E(table.Caption)}</caption><thead><tr>");
        html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(table.LabelHeader)}</th>");
        foreach (var header in table.Headers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(header)}</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"{(row.Language is { Length: > 0 } lang ? $" lang=\"{E(lang)}\"" : "")}>{E(row.Label)}</th>");
            foreach (var cell in row.Cells)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(cell)}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div></details>");
        return html.ToString();
    }
}
