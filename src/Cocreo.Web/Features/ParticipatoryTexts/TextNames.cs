using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// What a section is called: "1. Walking first", or, for the text before the first heading (a section without heading),
/// "Preamble" in the reader's language, without a number. One place for the pages, the exports, the debate and the amendments.
/// </summary>
public static class TextNames
{
    /// <summary>
    /// A section's name: "Preamble", or its number and heading. <paramref name="position"/> is where the section is
    /// stored (the preamble is position 1); when the text opens with a preamble the sections after it are numbered from 1
    /// (position 2 is shown as 1). Display only: anchors (<c>#section-N</c>) and links keep the stored position.
    /// </summary>
    public static string Section(IStringLocalizer<ParticipatoryTextsText> t, string heading, int position, bool preamble) =>
        heading.Length == 0 ? t["Preamble"] : $"{Number(position, preamble)}. {heading}";

    /// <summary>The number a section is shown with: its position, one less after a preamble.</summary>
    public static int Number(int position, bool preamble) => preamble ? position - 1 : position;

    /// <summary>Whether these sections (a version's, or the draft's) open with a preamble: a section without heading at position 1.</summary>
    public static bool HasPreamble(IEnumerable<TextVersion.SectionCopy> sections) => sections.Any(s => s.Number == 1 && s.Heading.Length == 0);

    public static bool HasPreamble(IEnumerable<TextSection> sections) => sections.Any(s => s.Position == 1 && s.Heading.Length == 0 && !s.Removed);

    /// <summary>The section in a list of contents: its heading alone, or "Preamble".</summary>
    public static string Contents(IStringLocalizer<ParticipatoryTextsText> t, string heading) =>
        heading.Length == 0 ? t["Preamble"] : heading;

    /// <summary>The section with its text's title: "Charter · 1. Walking first", "Charter · Preamble".</summary>
    public static string InText(IStringLocalizer<ParticipatoryTextsText> t, string text, string heading, int position, bool preamble) =>
        $"{text} · {Section(t, heading, position, preamble)}";
}
