namespace Cocreo.Web.Features.Conversations;

/// <summary>The messages for rules a conversation enforces (see <see cref="ConversationRuleException"/>).</summary>
public static class ConversationRules
{
    public static string Message(string code) => code switch
    {
        "QuestionEmpty" => "Write the question the conversation is about.",
        "QuestionTooLong" => "The question can have at most 300 characters.",
        "ContextTooLong" => "The context can have at most 20,000 characters.",
        "StatementLimitOutOfRange" => "The length limit of statements must be between 40 and 1,000 characters.",
        "StatementEmpty" => "Write your statement: it cannot be empty.",
        "StatementTooLong" => "A statement can have at most {0} characters. Shorten it and send it again.",
        "Duplicate" => "This statement is already in the conversation: vote on it instead.",
        "NearDuplicate" => "A statement very like this one is already in the conversation: “{0}”. Vote on it, or say something different.",
        "AddingNotAllowed" => "In this conversation only the team adds statements.",
        "NotVotable" => "This statement is not open for voting: it waits for moderation or was rejected.",
        "UnknownStatement" => "There is no such statement in this conversation.",
        "PinNotVotable" => "Only a statement open for voting can be pinned.",
        "UnknownChoice" => "Choose agree, disagree or pass.",
        "NoParticipantKey" => "Your browser did not keep the cookie that lets you take part: allow cookies for this site and try again.",
        "MergeTarget" => "Choose the statement, open for voting, that this one repeats.",
        "NoReason" => "Give the reason for rejecting: it is shown in public.",
        "QuestionsLocked" => "People have answered the questions about themselves already: the questions can no longer change.",
        "NoQuestions" => "This conversation asks no questions about its participants.",
        "UnknownAnswer" => "Choose one of the answers offered to each question, or “Prefer not to say”.",
        "QuestionNeedsAnswers" => "The question that ends on line {0} needs at least two answers, one per line.",
        "TooManyAnswers" => "A question can have at most 12 answers (line {0}).",
        "TooManyQuestions" => "A conversation can ask at most five questions about its participants (line {0}).",
        "QuestionLine" => "Line {0}: a question can have at most 200 characters.",
        "AnswerLine" => "Line {0}: write an answer (at most 100 characters), then optionally “|” and its share of the population in per cent (for example: 65 or older | 21).",
        "SharesNot100" => "The population shares of the question that ends on line {0} must be given for every answer and add up to 100 %.",
        "ProposalNotAccepted" => "Only a statement open for voting (accepted) can become a proposal: this one waits for moderation or was rejected.",
        "ProposalDestination" => "Choose where the proposal goes: a budget of this process that collects proposals, or the process's own proposals.",
        "ProposalNotTaken" => "This budget is not collecting proposals now: choose another one, or ask its team to collect proposals.",
        "ProposalCategory" => "Choose one of the budget's categories.",
        "ProposalCost" => "Enter an estimated cost from 0 up to the whole budget.",
        "ProposalText" => "A proposal needs a title (at most 200 characters) and a description.",
        "TranslationSameLanguage" => "This is the language the conversation is written in; change the original instead.",
        "TranslationQuestions" => "Translate only the conversation's questions about the participants ({0}) and the answers each of them has.",
        "TranslationTooLong" => "Each question and answer can have at most {0} characters.",
        "UnknownLanguage" => "Choose a language from the list.",
        _ => "This change is not allowed.",
    };
}
