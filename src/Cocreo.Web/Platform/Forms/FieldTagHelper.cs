using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Cocreo.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Forms;

/// <summary>
/// One labelled form field: label, optional hint, error message and control, tied together with
/// <c>aria-describedby</c> and <c>aria-invalid</c>. On a re-shown form it keeps what was typed.
/// Usage: <c>&lt;form-field for="Input.Title" label="@T["Title"]" hint="..." type="textarea" /&gt;</c>.
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedText> shared) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";
    public string? Hint { get; set; }

    /// <summary>text, email, password, date, number, url, textarea, select, checkbox.</summary>
    public string Type { get; set; } = "text";

    public IEnumerable<SelectListItem>? Options { get; set; }
    public int Rows { get; set; } = 5;
    public string? Autocomplete { get; set; }
    public bool Required { get; set; }
    public int? MaxLength { get; set; }
    public string? InputMode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var attempted = state?.AttemptedValue;
        var value = attempted ?? FormatModel(For.Model);
        var required = Required || For.Metadata.IsRequired && For.Metadata.ModelType != typeof(bool);
        var hintId = id + "-hint";
        var errorId = id + "-error";
        var describedBy = string.Join(' ', new[] { Hint is null ? null : hintId, errors.Count > 0 ? errorId : null }.Where(x => x is not null));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field field-error" : "field");

        var html = new HtmlContentBuilder();
        if (Type == "checkbox")
        {
            var isChecked = attempted is not null ? attempted.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase) : For.Model is true;
            html.AppendHtml("<div class=\"checkbox\">");
            html.AppendHtml($"<input type=\"checkbox\" id=\"{id}\" name=\"{Enc(name)}\" value=\"true\"{(isChecked ? " checked" : "")}{Described(describedBy)}{Invalid(errors)}>");
            html.AppendHtml($"<label for=\"{id}\">{Enc(Label)}</label></div>");
            // An unchecked box sends nothing; the hidden field makes "false" explicit.
            html.AppendHtml($"<input type=\"hidden\" name=\"{Enc(name)}\" value=\"false\">");
            AppendHintAndErrors(html, hintId, errorId, errors);
            output.Content.SetHtmlContent(html);
            return;
        }

        html.AppendHtml($"<label for=\"{id}\">{Enc(Label)}{(required ? "" : $" <span class=\"optional\">{Enc(shared["(optional)"])}</span>")}</label>");
        AppendHintAndErrors(html, hintId, errorId, errors);
        var common = $" id=\"{id}\" name=\"{Enc(name)}\"{Described(describedBy)}{Invalid(errors)}" +
            (required ? " required aria-required=\"true\"" : "") +
            (MaxLength is { } max ? $" maxlength=\"{max.ToString(CultureInfo.InvariantCulture)}\"" : "") +
            (Autocomplete is null ? "" : $" autocomplete=\"{Enc(Autocomplete)}\"") +
            (InputMode is null ? "" : $" inputmode=\"{Enc(InputMode)}\"");
        switch (Type)
        {
            case "textarea":
                html.AppendHtml($"<textarea{common} rows=\"{Rows.ToString(CultureInfo.InvariantCulture)}\">{Enc(value)}</textarea>");
                break;
            case "select":
                html.AppendHtml($"<select{common}>");
                foreach (var option in Options ?? [])
                {
                    var selected = string.Equals(option.Value, value, StringComparison.Ordinal);
                    html.AppendHtml($"<option value=\"{Enc(option.Value)}\"{(selected ? " selected" : "")}>{Enc(option.Text)}</option>");
                }
                html.AppendHtml("</select>");
                break;
            case "password":
                // A password is never sent back to the browser.
                html.AppendHtml($"<input type=\"password\"{common}>");
                break;
            default:
                html.AppendHtml($"<input type=\"{Enc(Type)}\"{common} value=\"{Enc(value)}\">");
                break;
        }
        output.Content.SetHtmlContent(html);
    }

    private void AppendHintAndErrors(HtmlContentBuilder html, string hintId, string errorId, List<string> errors)
    {
        if (Hint is not null)
        {
            html.AppendHtml($"<p class=\"hint\" id=\"{hintId}\">{Enc(Hint)}</p>");
        }
        if (errors.Count > 0)
        {
            html.AppendHtml($"<p class=\"error-message\" id=\"{errorId}\"><span class=\"visually-hidden\">{Enc(shared["Error:"])}</span>{Enc(string.Join(" ", errors))}</p>");
        }
    }

    private static string Described(string describedBy) => describedBy.Length == 0 ? "" : $" aria-describedby=\"{describedBy}\"";

    private static string Invalid(List<string> errors) => errors.Count > 0 ? " aria-invalid=\"true\"" : "";

    private string Enc(string? text) => encoder.Encode(text ?? "");

    private string? FormatModel(object? model) => model switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time when Type == "datetime-local" => time.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };
}
