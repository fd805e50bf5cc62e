namespace Cocreo.Web.Features.Meetings.Profiles;

/// <summary>The messages for the rules of mixing attributes and answers (see <see cref="MixingRuleException"/>).</summary>
public static class MixingRules
{
    public static string Message(string code) => code switch
    {
        "TooManyAttributes" => "A meeting can have at most 4 attributes.",
        "AttributeName" => "The attribute name “{0}” is too long (at most 60 characters) or contains a bar (|).",
        "AttributeTwice" => "The attribute “{0}” is there twice.",
        "ValueLine" => "Write each value on its own line, optionally with its population share after a bar: “Resident | 62”. This line is not like that: “{0}”.",
        "Share" => "A population share is a number from 0 to 100: “{0}”.",
        "ValueTwice" => "The value “{0}” is there twice.",
        "ValueCount" => "The attribute “{0}” needs from 2 to 12 values, one a line under its name.",
        "SharesOver100" => "The population shares of “{0}” add up to more than 100.",
        "UnknownAnswer" => "Choose one of the answers offered.",
        _ => "This change is not allowed.",
    };
}
