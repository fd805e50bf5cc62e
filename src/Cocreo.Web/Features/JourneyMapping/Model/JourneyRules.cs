namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The messages for rules a journey map enforces (see <see cref="JourneyRuleException"/>).</summary>
public static class JourneyRules
{
    public static string Message(string code) => code switch
    {
        "Empty" => "Fill in the name: it cannot be empty.",
        "TooLong" => "A text is too long. Shorten it and send it again.",
        "TooManyStages" => "A journey can have at most 15 stages. Retire one first.",
        "TooManyTouchpoints" => "A stage can have at most 12 touchpoints.",
        "TooManyTags" => "There can be at most 30 pain-point tags.",
        "TooManyQuestions" => "There can be at most 8 profile questions.",
        "TooFewOptions" => "A question needs at least two answers to choose from.",
        "TooManyOptions" => "A question can have at most 12 answers.",
        "DuplicateOption" => "Each answer must be different.",
        "SharesOver100" => "The expected shares add up to more than 100%.",
        "ShareOutOfRange" => "An expected share must be between 0 and 100.",
        "CannotMoveStage" => "This stage cannot move further.",
        "StageRetired" => "This stage is no longer part of the journey.",
        "RatingOutOfRange" => "Choose how it felt, from 1 to 5.",
        "NothingToSubmit" => "Tell us about at least one stage before you send.",
        "AssistedNeedsChannel" => "Say how the contribution was gathered: on paper, in person or by phone.",
        "MapClosed" => "This journey map is not taking contributions now.",
        "OwnIdea" => "This is your own idea: support other people's ideas.",
        "NotAnIdea" => "There is no idea to support here.",
        "SupportNeedsContribution" => "Tell us about at least one stage of your own journey, then support other people's ideas.",
        "UnknownInput" => "This input cannot be linked: it has no pain point or idea of that kind.",
        "UnknownStatus" => "Choose a status.",
        "NoHidingReason" => "Give the reason for hiding: it is shown in public.",
        "UnknownChannel" => "Choose a channel.",
        "UnknownStage" or "UnknownTouchpoint" or "UnknownTag" or "UnknownQuestion" or "UnknownOption" => "Something you chose no longer exists. Reload the page and try again.",
        _ => "This change is not allowed.",
    };
}
