using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// What a section is called: "2. Walking first", or, for the text before the first heading (a section without heading),
/// "Preamble" in the reader's language, without a number. One place for the pages, the exports, the debate and the amendments.
/// </summary>
public static class TextNames
{
    public static string Section(IStringLocalizer<ParticipatoryTextsText> t, string heading, int number) =>
        heading.Length == 0 ? t["Preamble"] : $"{number}. {heading}";

    /// <summary>The section in a list of contents: its heading alone, or "Preamble".</summary>
    public static string Contents(IStringLocalizer<ParticipatoryTextsText> t, string heading) =>
        heading.Length == 0 ? t["Preamble"] : heading;

    /// <summary>The section with its text's title: "Charter · 2. Walking first", "Charter · Preamble".</summary>
    public static string InText(IStringLocalizer<ParticipatoryTextsText> t, string text, string heading, int number) =>
        $"{text} · {Section(t, heading, number)}";
}
