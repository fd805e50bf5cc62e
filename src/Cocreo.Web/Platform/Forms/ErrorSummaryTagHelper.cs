using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Cocreo.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Forms;

/// <summary>
/// The list of problems at the top of a form that failed validation, each linked to its field (the pattern of
/// the GOV.UK design system, which screen-reader users find first). Renders nothing when the form is valid.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedText> shared) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.SetAttribute("data-focus-on-load", "true");
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<h2 id=\"error-summary-title\">{encoder.Encode(shared["There is a problem"])}</h2><ul>");
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                var message = encoder.Encode(error.ErrorMessage);
                html.AppendHtml(key.Length == 0
                    ? $"<li>{message}</li>"
                    : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{message}</a></li>");
            }
        }
        html.AppendHtml("</ul>");
        output.Content.SetHtmlContent(html);
    }
}
