using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>The strings of a meeting's live harvest (HarvestText.sl.resx).</summary>
public sealed class HarvestText : ILocalizedText
{
    /// <summary>A proposal's title drawn from an item's text: its first line, at most 120 characters, cut at a word.</summary>
    public static string TitleOf(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim().TrimStart('#', '-', '*', ' ');
        if (line.Length <= 120)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', 117);
        return line[..(cut > 40 ? cut : 117)] + "…";
    }
}
