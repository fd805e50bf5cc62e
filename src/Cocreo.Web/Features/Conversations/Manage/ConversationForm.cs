using System.ComponentModel.DataAnnotations;

namespace Cocreo.Web.Features.Conversations;

/// <summary>The question and settings of a conversation as the team writes them.</summary>
public class ConversationForm
{
    [Required(ErrorMessage = "Write the question the conversation is about.")]
    [StringLength(ConversationLimits.Question, ErrorMessage = "The question can have at most {1} characters.")]
    public string Question { get; set; } = "";

    [StringLength(ConversationLimits.Context, ErrorMessage = "The context can have at most {1} characters.")]
    public string? Context { get; set; }

    public ConversationAccess Access { get; set; } = ConversationAccess.Link;

    public bool ParticipantsMayAdd { get; set; } = true;

    public StatementModeration Moderation { get; set; } = StatementModeration.Post;

    [Range(ConversationLimits.ShortestStatementLimit, ConversationLimits.LongestStatementLimit, ErrorMessage = "The length limit of statements must be between {1} and {2} characters.")]
    public int StatementLimit { get; set; } = ConversationLimits.DefaultStatementLength;

    /// <summary>Ask on the voting card whether the statement is important to the participant.</summary>
    public bool AskImportance { get; set; }

    /// <summary>Optional demographic questions as typed (<see cref="ConversationQuestions.Parse"/>).</summary>
    [StringLength(4000, ErrorMessage = "This text can have at most {1} characters.")]
    public string? Questions { get; set; }

    public ConversationSettings ToSettings() => new(Question, Context ?? "", Access, ParticipantsMayAdd, Moderation, StatementLimit, AskImportance);

    /// <summary>The questions as typed, checked; null (with the error on the field) when they break a rule.</summary>
    public List<QuestionDraft>? ParseQuestions(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, Microsoft.Extensions.Localization.IStringLocalizer<ConversationText> t)
    {
        var (questions, error) = ConversationQuestions.Parse(Questions);
        if (error is { } e)
        {
            modelState.AddModelError("Input." + nameof(Questions), t[ConversationRules.Message(e.Code), e.Line]);
            return null;
        }
        return questions;
    }

    public void From(Conversation conversation)
    {
        Question = conversation.Question;
        Context = conversation.Context;
        Access = conversation.Access;
        ParticipantsMayAdd = conversation.ParticipantsMayAdd;
        Moderation = conversation.Moderation;
        StatementLimit = conversation.StatementLimit;
        AskImportance = conversation.AskImportance;
    }

    public void From(Conversation conversation, IEnumerable<ConversationQuestion> questions)
    {
        From(conversation);
        Questions = ConversationQuestions.Text(questions.OrderBy(q => q.Position).Select(q => q.Draft));
    }
}

/// <summary>The names of settings as pages show them.</summary>
public static class ConversationNames
{
    public static string Access(Microsoft.Extensions.Localization.IStringLocalizer<ConversationText> t, ConversationAccess access) => access switch
    {
        ConversationAccess.Link => t["Anyone with the link, without an account"],
        ConversationAccess.SignedIn => t["Signed-in people"],
        _ => t["People with a verified account (confirmed e-mail address)"],
    };

    public static string Moderation(Microsoft.Extensions.Localization.IStringLocalizer<ConversationText> t, StatementModeration moderation) => moderation switch
    {
        StatementModeration.Pre => t["Before: new statements wait for a moderator"],
        _ => t["After: new statements are voted on at once; moderators may reject them"],
    };

    public static string LanguageName(Microsoft.Extensions.Localization.IStringLocalizer<ConversationText> t, string code) => code switch
    {
        "en" => t["English"],
        "sl" => t["Slovenian"],
        _ => Processes.ContentLanguages.NameOf(code),
    };

    public static string Status(Microsoft.Extensions.Localization.IStringLocalizer<ConversationText> t, StatementStatus status) => status switch
    {
        StatementStatus.Pending => t["Waiting for moderation"],
        StatementStatus.Rejected => t["Rejected"],
        _ => t["Open for voting"],
    };
}
