using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// A draft split into numbered sections (one per heading) and articles (the paragraphs and list items under a
/// heading), read from Markdown or from a .docx the same way: a heading of any level starts a section, every other
/// paragraph or list item is an article of the section above it, and text before the first heading is a section
/// without heading (a preamble). Emphasis and links are kept as Markdown inside an article; nothing else of the
/// layout is. Reading refuses (<see cref="TextRuleException"/>) with the reason, before anything is written.
/// </summary>
public sealed record TextDraft(IReadOnlyList<(string Heading, IReadOnlyList<string> Articles)> Sections)
{
    private const string ArticleBreak = "\n\n";

    private static readonly Regex HeadingLine = new(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex ListItem = new(@"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$", RegexOptions.CultureInvariant);

    /// <summary>Articles as stored: one a paragraph, separated by an empty line (an article never holds one).</summary>
    public static string Join(IEnumerable<string> articles) => string.Join(ArticleBreak, articles);

    public static IReadOnlyList<string> Split(string body) =>
        body.Length == 0 ? [] : body.Split(ArticleBreak, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The sections as Markdown (a level-2 heading each, an article a paragraph), which <see cref="FromMarkdown"/> reads back the same.</summary>
    public static string ToMarkdown(IEnumerable<(string Heading, IReadOnlyList<string> Articles)> sections)
    {
        var text = new StringBuilder();
        foreach (var (heading, articles) in sections)
        {
            if (heading.Length > 0)
            {
                text.Append("## ").Append(heading).Append("\n\n");
            }
            foreach (var article in articles)
            {
                text.Append(article).Append("\n\n");
            }
        }
        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>Reads a Markdown draft: ATX headings (<c>#</c> to <c>######</c>) start sections; paragraphs and list items are articles.</summary>
    public static TextDraft FromMarkdown(string? markdown)
    {
        var text = (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.Length > TextLimits.MarkdownChars)
        {
            throw new TextRuleException("DraftTooLong", "Input.Markdown", TextLimits.MarkdownChars);
        }
        var builder = new Builder("DraftEmpty", "Input.Markdown");
        var paragraph = new List<string>();
        void EndParagraph()
        {
            if (paragraph.Count > 0)
            {
                builder.Article(string.Join(" ", paragraph));
                paragraph.Clear();
            }
        }
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Trim().Length == 0)
            {
                EndParagraph();
                continue;
            }
            if (HeadingLine.Match(line) is { Success: true } heading)
            {
                EndParagraph();
                builder.Heading(heading.Groups[2].Value);
                continue;
            }
            if (ListItem.Match(line) is { Success: true } item)
            {
                EndParagraph();
                paragraph.Add(item.Groups[1].Value.Trim());
                continue;
            }
            paragraph.Add(line.Trim());
        }
        EndParagraph();
        return builder.Build();
    }

    /// <summary>
    /// Reads a .docx: paragraphs styled as headings (Heading 1–9, Title, or with an outline level) start sections,
    /// every other paragraph with text (list items included, table cells paragraph by paragraph) is an article.
    /// Refuses what it cannot read with the reason: too large, not a zip, encrypted, no document part, empty.
    /// </summary>
    public static TextDraft FromDocx(Stream file)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = file.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > TextLimits.DocxBytes)
            {
                throw new TextRuleException("DocxTooLarge", "Input.File", TextLimits.DocxBytes / (1024 * 1024));
            }
        }
        var bytes = buffer.ToArray();
        if (bytes.Length >= 8 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            // An OLE compound file: what Word writes for a password-protected .docx, and an old .doc.
            throw new TextRuleException("DocxEncrypted", "Input.File");
        }
        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
        {
            throw new TextRuleException("DocxNotZip", "Input.File");
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            _ = zip.Entries.Count;
        }
        catch (InvalidDataException)
        {
            throw new TextRuleException("DocxNotZip", "Input.File");
        }
        try
        {
            using var stream = new MemoryStream(bytes);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = TextLimits.DocxPartChars });
            var body = document.MainDocumentPart?.Document?.Body ?? throw new TextRuleException("DocxNoDocument", "Input.File");
            var styles = document.MainDocumentPart!.StyleDefinitionsPart?.Styles;
            var builder = new Builder("DocxEmpty", "Input.File");
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                var words = TextOf(paragraph);
                if (words.Length == 0)
                {
                    continue;
                }
                if (IsHeading(paragraph, styles))
                {
                    builder.Heading(words);
                }
                else
                {
                    builder.Article(words);
                }
            }
            return builder.Build();
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            if (error.Message.Contains("main part", StringComparison.OrdinalIgnoreCase) || error.Message.Contains("document part", StringComparison.OrdinalIgnoreCase))
            {
                throw new TextRuleException("DocxNoDocument", "Input.File");
            }
            throw new TextRuleException("DocxUnreadable", "Input.File", error.Message);
        }
    }

    private static string TextOf(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break:
                    text.Append(' ');
                    break;
            }
        }
        return Regex.Replace(text.ToString(), @"\s+", " ").Trim();
    }

    private static bool IsHeading(Paragraph paragraph, Styles? styles)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.OutlineLevel?.Val?.Value is { } level && level < 9)
        {
            return true;
        }
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        if (styleId is null)
        {
            return false;
        }
        if (IsHeadingName(styleId))
        {
            return true;
        }
        // A style named "heading 1" under another id (a translated Word: "Naslov1"), or based on a heading, or with an outline level.
        var style = styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
        for (var depth = 0; style is not null && depth < 10; depth++)
        {
            if (IsHeadingName(style.StyleName?.Val?.Value) || style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9)
            {
                return true;
            }
            var basedOn = style.BasedOn?.Val?.Value;
            style = basedOn is null ? null : styles!.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == basedOn);
        }
        return false;
    }

    private static bool IsHeadingName(string? name) =>
        name is not null && (name.Equals("Title", StringComparison.OrdinalIgnoreCase)
            || Regex.IsMatch(name, @"^heading\s?[1-9]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    /// <summary>Gathers sections and articles with the limits every format shares.</summary>
    private sealed class Builder(string emptyCode, string field)
    {
        private readonly List<(string Heading, List<string> Articles)> sections = [];

        public void Heading(string heading)
        {
            var text = heading.Trim();
            if (text.Length > TextLimits.Heading)
            {
                throw new TextRuleException("HeadingTooLong", field, TextLimits.Heading);
            }
            sections.Add((text, []));
            if (sections.Count > TextLimits.Sections)
            {
                throw new TextRuleException("TooManySections", field, TextLimits.Sections);
            }
        }

        public void Article(string article)
        {
            var text = article.Trim();
            if (text.Length == 0)
            {
                return;
            }
            if (text.Length > TextLimits.Article)
            {
                throw new TextRuleException("ArticleTooLong", field, TextLimits.Article);
            }
            if (sections.Count == 0)
            {
                sections.Add(("", []));
            }
            sections[^1].Articles.Add(text);
        }

        public TextDraft Build()
        {
            if (sections.Count == 0 || sections.All(s => s.Articles.Count == 0 && s.Heading.Length == 0))
            {
                throw new TextRuleException(emptyCode, field);
            }
            return new TextDraft(sections.Select(s => (s.Heading, (IReadOnlyList<string>)s.Articles)).ToList());
        }
    }
}
