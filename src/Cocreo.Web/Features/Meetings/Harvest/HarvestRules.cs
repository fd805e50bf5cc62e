namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>The messages for rules the harvest enforces (see <see cref="HarvestRuleException"/>).</summary>
public static class HarvestRules
{
    public static string Message(string code) => code switch
    {
        "Kind" => "Choose what it is: a note, an idea, a question or a decision.",
        "TextEmpty" => "Write what was said.",
        "TextTooLong" => "The text can have at most {0} characters.",
        "LabelTooLong" => "The label can have at most {0} characters.",
        "NotRegistered" => "Only people registered for the meeting can be named harvesters.",
        "UnknownItem" => "There is no such item in this meeting's harvest.",
        "NotPublished" => "Publish the item before turning it into something else.",
        "AlreadyTurned" => "This item was turned already: it became \"{0}\".",
        "NoConversation" => "Choose a conversation of this process that takes statements.",
        "NoProposals" => "This process does not take proposals now.",
        "TooMany" => "Choose at most 200 items at once.",
        "UnknownBlock" => "Choose a block of this meeting's run sheet, or none.",
        _ => "This change is not allowed.",
    };
}
