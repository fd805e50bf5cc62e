using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Cocreo.Web.Platform.Text;

/// <summary>
/// The HTML of a diff's runs: shared text as is, added text in &lt;ins&gt;, removed text in &lt;del&gt;, each with a
/// visually hidden word for screen readers ("added", "removed"), so the change is not told by colour alone. Every text
/// is HTML-encoded; no whitespace is added between runs (the container keeps line breaks: <c>white-space: pre-wrap</c>).
/// </summary>
public static class TextDiffHtml
{
    public static IHtmlContent Render(IEnumerable<DiffRun> runs, string added, string removed)
    {
        var html = new StringBuilder();
        var encoder = HtmlEncoder.Default;
        foreach (var run in runs)
        {
            var text = encoder.Encode(run.Text);
            switch (run.Kind)
            {
                case DiffKind.Added:
                    html.Append("<ins><span class=\"visually-hidden\">[").Append(encoder.Encode(added)).Append(": </span>")
                        .Append(text).Append("<span class=\"visually-hidden\">]</span></ins>");
                    break;
                case DiffKind.Removed:
                    html.Append("<del><span class=\"visually-hidden\">[").Append(encoder.Encode(removed)).Append(": </span>")
                        .Append(text).Append("<span class=\"visually-hidden\">]</span></del>");
                    break;
                default:
                    html.Append(text);
                    break;
            }
        }
        return new HtmlString(html.ToString());
    }
}
