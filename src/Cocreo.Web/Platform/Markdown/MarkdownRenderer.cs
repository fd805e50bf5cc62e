using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Cocreo.Web.Platform.Markdown;

/// <summary>
/// Renders user-written Markdown to HTML that is safe to show: Markdig with raw HTML disabled, then HtmlSanitizer
/// as a second line of defence (links, images and attributes are allow-listed).
/// The safe HTML is a function of the text alone, so it is kept by the text itself (not a hash of it): a thread page
/// shows the same comments to every reader, and the sanitizer's parse of each was most of the page's time.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UsePipeTables()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>Texts longer than this are rendered each time (a participatory text's draft is read rarely and is long).</summary>
    private const int LongestKept = 20_000;

    /// <summary>Characters of text and HTML kept at most (about 32 MB), the least recently used dropped first.</summary>
    private readonly MemoryCache rendered = new(new MemoryCacheOptions { SizeLimit = 16_000_000 });

    public IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        if (markdown.Length > LongestKept)
        {
            return new HtmlString(Sanitize(markdown));
        }
        if (!rendered.TryGetValue(markdown, out string? html))
        {
            html = Sanitize(markdown);
            rendered.Set(markdown, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        }
        return new HtmlString(html);
    }

    private string Sanitize(string markdown) => sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links written by users open normally but never pass on the referrer or gain window.opener.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
