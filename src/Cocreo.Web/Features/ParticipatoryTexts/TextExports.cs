using System.Net;
using System.Reflection;
using System.Text;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Markdown;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// A published version of a text with its history, exported: Markdown, standalone printable HTML and PDF. Each says
/// the text's title, the version's number and date, its sections with their numbered articles, and the list of all
/// versions with their notes. Articles are numbered through the whole text (1, 2, 3...), as on the page.
/// </summary>
public sealed class TextExports(IStringLocalizer<ParticipatoryTextsText> t, DateDisplay dates, MarkdownRenderer markdown)
{
    /// <summary>The amendments a version took, as the exports' history lists them ("Amendment 12 (2. Walking first): why", with its absolute link).</summary>
    private IEnumerable<(string Words, string Link)> Taken(TakenVersions taken, int number) =>
        (taken.ByVersion.GetValueOrDefault(number) ?? []).Select(a => (
            $"{t["Amendment {0}", a.Amendment.Id]} ({a.Section})" + (a.Amendment.Explanation.Length > 0 ? ": " + a.Amendment.Explanation.ReplaceLineEndings(" ") : ""),
            taken.BaseUrl + a.Amendment.Link));

    public string Markdown(ParticipatoryText text, TextVersion version, IReadOnlyList<TextVersion> versions, TakenVersions taken)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(text.Title).Append("\n\n");
        md.Append('*').Append(t["Version {0}, published {1}", version.Number, dates.Show(version.PublishedAt)]).Append("*\n\n");
        var article = 0;
        var preamble = TextNames.HasPreamble(version.Sections);
        foreach (var section in version.Sections)
        {
            md.Append("## ").Append(SectionTitle(section, preamble)).Append("\n\n");
            foreach (var a in section.Articles)
            {
                md.Append("**").Append(t["Article {0}", ++article]).Append(".** ").Append(a).Append("\n\n");
            }
        }
        md.Append("## ").Append(t["Versions"]).Append("\n\n");
        foreach (var v in versions)
        {
            md.Append("- ").Append(t["Version {0}, published {1}", v.Number, dates.Show(v.PublishedAt)]);
            if (v.Note.Length > 0)
            {
                md.Append(": ").Append(v.Note.ReplaceLineEndings(" "));
            }
            md.Append('\n');
            foreach (var (words, link) in Taken(taken, v.Number))
            {
                md.Append("  - [").Append(words).Append("](").Append(link).Append(")\n");
            }
        }
        return md.ToString();
    }

    public string Html(ParticipatoryText text, TextVersion version, IReadOnlyList<TextVersion> versions, TakenVersions taken)
    {
        string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(Cultures.Current)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(E(text.Title)).Append("</title>\n")
            .Append("<style>body{font-family:Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}")
            .Append("h1{font-size:1.8rem}h2{font-size:1.25rem;margin-top:2rem}.meta{color:#444}ol.articles{padding-left:0;list-style:none}")
            .Append("ol.articles li{margin:.6rem 0}.n{font-weight:bold}@media print{body{margin:0;max-width:none}a{color:inherit}h2{break-after:avoid}}</style>\n")
            .Append("</head>\n<body>\n<header>\n<h1>").Append(E(text.Title)).Append("</h1>\n<p class=\"meta\">")
            .Append(E(t["Version {0}, published {1}", version.Number, dates.Show(version.PublishedAt)])).Append("</p>\n</header>\n<main>\n");
        var article = 0;
        var preamble = TextNames.HasPreamble(version.Sections);
        foreach (var section in version.Sections)
        {
            html.Append("<section id=\"").Append(TextLinks.Anchor(section.Number)).Append("\">\n<h2>").Append(E(SectionTitle(section, preamble))).Append("</h2>\n");
            html.Append("<ol class=\"articles\">\n");
            foreach (var a in section.Articles)
            {
                article++;
                html.Append("<li id=\"article-").Append(article).Append("\"><span class=\"n\">").Append(E(t["Article {0}", article])).Append(".</span> ")
                    .Append(Inline(a)).Append("</li>\n");
            }
            html.Append("</ol>\n</section>\n");
        }
        html.Append("</main>\n<footer>\n<h2>").Append(E(t["Versions"])).Append("</h2>\n<ol reversed>\n");
        foreach (var v in versions)
        {
            html.Append("<li><strong>").Append(E(t["Version {0}, published {1}", v.Number, dates.Show(v.PublishedAt)])).Append("</strong>");
            if (v.Note.Length > 0)
            {
                html.Append(ToHtml(markdown.Render(v.Note)));
            }
            var took = Taken(taken, v.Number).ToList();
            if (took.Count > 0)
            {
                html.Append("<p>").Append(E(t["Amendments taken"])).Append(":</p>\n<ul>\n");
                foreach (var (words, link) in took)
                {
                    html.Append("<li><a href=\"").Append(E(link)).Append("\">").Append(E(words)).Append("</a></li>\n");
                }
                html.Append("</ul>\n");
            }
            html.Append("</li>\n");
        }
        html.Append("</ol>\n</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The PDF, laid out by hand with PDFsharp (the only PDF library the project's package registry serves: MigraDoc
    /// and QuestPDF are not): A4, a title, the version line, each section's heading in bold and its articles as
    /// paragraphs wrapped word by word to the page width, a new page when one is full, then the versions. Markdown
    /// marks inside an article are printed as written. Fonts: DejaVu Sans, carried in the app (no system fonts needed).
    /// </summary>
    public byte[] Pdf(ParticipatoryText text, TextVersion version, IReadOnlyList<TextVersion> versions, TakenVersions taken)
    {
        TextFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = text.Title;
        var layout = new PdfLayout(document);
        layout.Paragraph(text.Title, layout.Title, after: 6);
        layout.Paragraph(t["Version {0}, published {1}", version.Number, dates.Show(version.PublishedAt)], layout.Small, after: 14);
        var article = 0;
        var preamble = TextNames.HasPreamble(version.Sections);
        foreach (var section in version.Sections)
        {
            layout.Paragraph(SectionTitle(section, preamble), layout.Heading, before: 10, after: 6, keepWithNext: true);
            foreach (var a in section.Articles)
            {
                layout.Paragraph($"{t["Article {0}", ++article]}. {a}", layout.Body, after: 6);
            }
        }
        layout.Paragraph(t["Versions"], layout.Heading, before: 16, after: 6, keepWithNext: true);
        foreach (var v in versions)
        {
            layout.Paragraph(t["Version {0}, published {1}", v.Number, dates.Show(v.PublishedAt)], layout.Body, after: 2);
            if (v.Note.Length > 0)
            {
                layout.Paragraph(v.Note.ReplaceLineEndings(" "), layout.Small, after: 6);
            }
            foreach (var (words, link) in Taken(taken, v.Number))
            {
                layout.Paragraph($"{words} — {link}", layout.Small, after: 4);
            }
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    public string SectionTitle(TextVersion.SectionCopy section, bool preamble) =>
        TextNames.Section(t, section.Heading, section.Number, preamble);

    private string Inline(string article)
    {
        // An article is one paragraph of Markdown: render it and drop the paragraph element around it.
        var rendered = ToHtml(markdown.Render(article)).Trim();
        return rendered.StartsWith("<p>", StringComparison.Ordinal) && rendered.EndsWith("</p>", StringComparison.Ordinal) ? rendered[3..^4] : rendered;
    }

    private static string ToHtml(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>Pages, a cursor and word wrapping: the whole of the hand layout.</summary>
    private sealed class PdfLayout
    {
        private const double Margin = 56;
        private readonly PdfDocument document;
        private XGraphics graphics = null!;
        private PdfPage page = null!;
        private double y;

        public XFont Title { get; } = new(TextFonts.Family, 18, XFontStyleEx.Bold);
        public XFont Heading { get; } = new(TextFonts.Family, 13, XFontStyleEx.Bold);
        public XFont Body { get; } = new(TextFonts.Family, 10.5);
        public XFont Small { get; } = new(TextFonts.Family, 9);

        public PdfLayout(PdfDocument document)
        {
            this.document = document;
            NewPage();
        }

        private double Width => page.Width.Point - 2 * Margin;

        private double Bottom => page.Height.Point - Margin;

        private void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        public void Paragraph(string text, XFont font, double before = 0, double after = 0, bool keepWithNext = false)
        {
            var lineHeight = font.GetHeight() * 1.15;
            var lines = Wrap(text, font);
            y += before;
            // A heading keeps at least two lines of what follows on its page.
            var needed = lineHeight * (keepWithNext ? lines.Count + 2 : 1);
            if (y + needed > Bottom)
            {
                NewPage();
            }
            foreach (var line in lines)
            {
                if (y + lineHeight > Bottom)
                {
                    NewPage();
                }
                graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, Width, lineHeight), XStringFormats.TopLeft);
                y += lineHeight;
            }
            y += after;
        }

        private List<string> Wrap(string text, XFont font)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (graphics.MeasureString(candidate, font).Width <= Width || line.Length == 0)
                {
                    line = candidate;
                    // A single word wider than the page is cut where it no longer fits.
                    while (graphics.MeasureString(line, font).Width > Width && line.Length > 1)
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && graphics.MeasureString(line[..cut], font).Width > Width)
                        {
                            cut--;
                        }
                        lines.Add(line[..cut]);
                        line = line[cut..];
                    }
                    continue;
                }
                lines.Add(line);
                line = word;
            }
            if (line.Length > 0)
            {
                lines.Add(line);
            }
            return lines.Count == 0 ? [""] : lines;
        }
    }
}

/// <summary>The PDF export's fonts: DejaVu Sans regular and bold, embedded in the app, given to PDFsharp once per process.</summary>
internal sealed class TextFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not TextFonts)
            {
                GlobalFontSettings.FontResolver = new TextFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Cocreo.Web.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>What each version took (<see cref="TextAmendments.TakenAsync"/>) and the platform's public address (never a request header), for the links of an exported file.</summary>
public sealed record TakenVersions(IReadOnlyDictionary<int, IReadOnlyList<TakenAmendment>> ByVersion, string BaseUrl);
