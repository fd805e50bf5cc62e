using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>Names of journey mapping's enumerations and scales in the reader's language.</summary>
public static class JourneyNames
{
    public static string Channel(IStringLocalizer<JourneyText> t, Channel channel) => channel switch
    {
        JourneyMapping.Channel.Online => t["Online"],
        JourneyMapping.Channel.Phone => t["Phone"],
        JourneyMapping.Channel.InPerson => t["In person"],
        JourneyMapping.Channel.Letter => t["Letter"],
        _ => t["Email"],
    };

    public static string Gathering(IStringLocalizer<JourneyText> t, Gathering gathering) => gathering switch
    {
        JourneyMapping.Gathering.Online => t["Online, by the person"],
        JourneyMapping.Gathering.Paper => t["On paper"],
        JourneyMapping.Gathering.InPerson => t["In person"],
        _ => t["By phone"],
    };

    public static string Status(IStringLocalizer<JourneyText> t, BacklogStatus status) => status switch
    {
        BacklogStatus.Proposed => t["Proposed"],
        BacklogStatus.Planned => t["Planned"],
        BacklogStatus.InProgress => t["In progress"],
        BacklogStatus.Done => t["Done"],
        _ => t["Not doing"],
    };

    public static string Input(IStringLocalizer<JourneyText> t, InputKind kind) => kind == InputKind.Idea ? t["Idea"] : t["Pain point"];

    /// <summary>The words of the 1–5 feeling scale: the words carry the meaning, the faces only decorate.</summary>
    public static string Rating(IStringLocalizer<JourneyText> t, int rating) => rating switch
    {
        1 => t["Very bad"],
        2 => t["Bad"],
        3 => t["Neither good nor bad"],
        4 => t["Good"],
        _ => t["Very good"],
    };

    public static string Face(int rating) => rating switch
    {
        1 => "😞",
        2 => "🙁",
        3 => "😐",
        4 => "🙂",
        _ => "😀",
    };

    /// <summary>The default stages of a new map, in the language of the person who starts it.</summary>
    public static IReadOnlyList<string> DefaultStages(IStringLocalizer<JourneyText> t) =>
    [
        t["Find information"], t["Prepare and apply"], t["Submit"], t["Wait"], t["Decision"], t["Use and follow-up"],
    ];

    /// <summary>The pain-point tags every new map starts with.</summary>
    public static IReadOnlyList<string> DefaultPainTags(IStringLocalizer<JourneyText> t) =>
    [
        t["Inconsistent information"], t["Hard to navigate"], t["Jargon"], t["Channels that don't connect"], t["No help when needed"],
    ];
}
