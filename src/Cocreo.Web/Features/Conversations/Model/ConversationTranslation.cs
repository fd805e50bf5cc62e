using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>Who translated a conversation: its team (never a name; the log names the team member).</summary>
public enum ConversationTranslator
{
    Team,
}

/// <summary>
/// A conversation's words in one more language, by its team: the question, the context (Markdown) and the questions
/// about the participants with their answers. What a translation leaves empty is shown as written. Statements are not
/// translated: they stay in the language they were written in.
/// </summary>
public sealed class ConversationTranslation : ITranslation
{
    public int Id { get; private set; }
    public int ConversationId { get; private set; }
    public string Language { get; private set; } = "";
    public string Question { get; private set; } = "";
    public string Context { get; private set; } = "";

    /// <summary>
    /// The questions about the participants, in the conversation's order: for each, the question and then its
    /// answers, one a line; an empty line shows the original (the budget's <c>BudgetTranslation.Questions</c> shape).
    /// </summary>
    public List<string> Questions { get; private set; } = [];

    public ConversationTranslator TranslatedBy { get; private set; }
    public DateTime TranslatedAt { get; private set; }

    private ConversationTranslation()
    {
    }

    public static ConversationTranslation For(int conversationId, string language) => new() { ConversationId = conversationId, Language = language };

    /// <summary>
    /// Replaces the words: the question (needed), the context, and the words of the questions about the participants
    /// (more questions or answers than the conversation has are refused).
    /// </summary>
    public void Set(Conversation conversation, IReadOnlyList<ConversationQuestion> questions, ConversationTranslationContent content, DateTime now)
    {
        if (Language == conversation.Language)
        {
            throw new ConversationRuleException("TranslationSameLanguage");
        }
        var question = StatementText.Tidy(content.Question ?? "");
        if (question.Length == 0)
        {
            throw new ConversationRuleException("QuestionEmpty");
        }
        if (question.Length > ConversationLimits.Question)
        {
            throw new ConversationRuleException("QuestionTooLong");
        }
        var context = (content.Context ?? "").Trim();
        if (context.Length > ConversationLimits.Context)
        {
            throw new ConversationRuleException("ContextTooLong");
        }
        Questions = QuestionWords(questions.OrderBy(q => q.Position).ToList(), content.Questions ?? []);
        Question = question;
        Context = context;
        TranslatedBy = ConversationTranslator.Team;
        TranslatedAt = now;
    }

    private static List<string> QuestionWords(List<ConversationQuestion> ordered, IReadOnlyList<TranslatedConversationQuestion> questions)
    {
        if (questions.Count > ordered.Count)
        {
            throw new ConversationRuleException("TranslationQuestions", ordered.Count);
        }
        var words = new List<string>();
        for (var i = 0; i < questions.Count; i++)
        {
            var options = questions[i].Options ?? [];
            if (options.Count > ordered[i].Options.Count)
            {
                throw new ConversationRuleException("TranslationQuestions", ordered.Count);
            }
            var lines = new List<string> { Line(questions[i].Text, ConversationQuestions.TextLength) };
            lines.AddRange(options.Select(o => Line(o, ConversationQuestions.OptionLength)));
            while (lines.Count > 1 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }
            words.Add(string.Join('\n', lines));
        }
        while (words.Count > 0 && words[^1].Length == 0)
        {
            words.RemoveAt(words.Count - 1);
        }
        return words;

        static string Line(string? text, int most)
        {
            var line = (text ?? "").ReplaceLineEndings(" ").Trim();
            return line.Length > most ? throw new ConversationRuleException("TranslationTooLong", most) : line;
        }
    }
}

/// <summary>A question about the participants in another language: its text and its answers in order (empty ones show the original).</summary>
public sealed record TranslatedConversationQuestion(string? Text, IReadOnlyList<string?>? Options);

/// <summary>A translation's words as the page and the API send them.</summary>
public sealed record ConversationTranslationContent(string? Question, string? Context, IReadOnlyList<TranslatedConversationQuestion>? Questions);

/// <summary>A question about the participants in the reader's language, each text with the language it is in.</summary>
public sealed record LocalConversationQuestion(int Id, Written Text, IReadOnlyList<Written> Options);

/// <summary>
/// A conversation's words for one reader: the question, the context and the questions about the participants from
/// the reader's translation where it has them (not empty), else as written — each with its language, for
/// <c>lang</c> attributes. <see cref="Statements"/> is the language statements are marked with (the conversation's).
/// </summary>
public sealed record ConversationWords(Written Question, Written Context, IReadOnlyList<LocalConversationQuestion> Questions, string Statements, bool Translated)
{
    public static ConversationWords Of(Conversation conversation, IReadOnlyList<ConversationTranslation> translations, IReadOnlyList<ConversationQuestion> questions, string reader)
    {
        var question = Translations.Pick(conversation.Question, conversation.Language, translations, reader, t => t.Question);
        var context = Translations.Pick(conversation.Context, conversation.Language, translations, reader, t => t.Context);
        var translation = reader == conversation.Language ? null : translations.In(reader);
        var local = questions.OrderBy(q => q.Position).Select((q, i) =>
        {
            var words = translation is not null && i < translation.Questions.Count ? translation.Questions[i].Split('\n') : [];
            Written Pick(string original, int line) =>
                line < words.Length && words[line].Length > 0 ? new Written(words[line], reader) : new Written(original, conversation.Language);
            return new LocalConversationQuestion(q.Id, Pick(q.Text, 0), q.Options.Select((o, k) => Pick(o, k + 1)).ToList());
        }).ToList();
        return new ConversationWords(question, context, local, conversation.Language, question.Language != conversation.Language);
    }
}
