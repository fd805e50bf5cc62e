using System.Globalization;
using System.Text;

namespace Cocreo.Web.Features.Conversations;

/// <summary>Who may take part in a conversation.</summary>
public enum ConversationAccess
{
    /// <summary>Anyone with the link, without an account (a participant key in a cookie).</summary>
    Link,

    /// <summary>People signed in to an account.</summary>
    SignedIn,

    /// <summary>People signed in to an account whose e-mail address is confirmed (the platform's verified account, as for a budget's vote).</summary>
    Verified,
}

/// <summary>When participants' statements are moderated.</summary>
public enum StatementModeration
{
    /// <summary>New statements are voted on at once; the moderators may reject them afterwards.</summary>
    Post,

    /// <summary>New statements wait in the moderation queue until a moderator accepts them.</summary>
    Pre,
}

public enum ConversationState
{
    Open,
    Closed,
}

public enum StatementStatus
{
    /// <summary>Waiting for a moderator: not shown for voting, not in the map.</summary>
    Pending,

    /// <summary>Shown for voting and in the map.</summary>
    Accepted,

    /// <summary>Rejected by a moderator, with a public reason: not shown for voting, left out of the map's math.</summary>
    Rejected,
}

public enum ConversationChoice
{
    Agree,
    Disagree,
    Pass,
}

/// <summary>The settings of a conversation as the team writes them.</summary>
public sealed record ConversationSettings(
    string Question,
    string Context,
    ConversationAccess Access,
    bool ParticipantsMayAdd,
    StatementModeration Moderation,
    int StatementLimit,
    bool AskImportance = false);

/// <summary>
/// A conversation in a process (in any phase): a question, its context, and short statements people agree with,
/// disagree with or pass on; the opinion map (Cocreo.OpinionMap) is computed from the votes.
/// </summary>
public sealed class Conversation
{
    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public int ProcessId { get; private set; }

    public string Question { get; private set; } = "";

    /// <summary>What people should know before they take part, in Markdown.</summary>
    public string Context { get; private set; } = "";

    public ConversationAccess Access { get; private set; }
    public bool ParticipantsMayAdd { get; private set; }
    public StatementModeration Moderation { get; private set; }

    /// <summary>The most characters a statement may have.</summary>
    public int StatementLimit { get; private set; } = ConversationLimits.DefaultStatementLength;

    /// <summary>Whether the voting card asks if a statement is important to the participant (Polis' "important" flag).</summary>
    public bool AskImportance { get; private set; }

    public ConversationState State { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public bool IsDemo { get; private set; }

    /// <summary>The language the team writes the conversation in (its process's when it was started); translations (<see cref="ConversationTranslation"/>) carry the others. Statements keep the language they were written in.</summary>
    public string Language { get; private set; } = "en";

    public bool IsOpen => State == ConversationState.Open;

    private Conversation()
    {
    }

    public static Conversation Start(int organisationId, int processId, ConversationSettings settings, DateTime now, bool isDemo = false, string language = "en")
    {
        var conversation = new Conversation { OrganisationId = organisationId, ProcessId = processId, CreatedAt = now, IsDemo = isDemo, Language = language };
        conversation.Change(settings);
        return conversation;
    }

    /// <summary>Marks a conversation the demo city made through a use case (the import) as demo.</summary>
    public void MarkDemo() => IsDemo = true;

    public void Change(ConversationSettings settings)
    {
        Question = StatementText.Tidy(settings.Question);
        if (Question.Length == 0)
        {
            throw new ConversationRuleException("QuestionEmpty");
        }
        if (Question.Length > ConversationLimits.Question)
        {
            throw new ConversationRuleException("QuestionTooLong");
        }
        Context = (settings.Context ?? "").Trim();
        if (Context.Length > ConversationLimits.Context)
        {
            throw new ConversationRuleException("ContextTooLong");
        }
        if (settings.StatementLimit is < ConversationLimits.ShortestStatementLimit or > ConversationLimits.LongestStatementLimit)
        {
            throw new ConversationRuleException("StatementLimitOutOfRange");
        }
        Access = settings.Access;
        ParticipantsMayAdd = settings.ParticipantsMayAdd;
        Moderation = settings.Moderation;
        StatementLimit = settings.StatementLimit;
        AskImportance = settings.AskImportance;
    }

    public ConversationSettings Settings => new(Question, Context, Access, ParticipantsMayAdd, Moderation, StatementLimit, AskImportance);

    /// <summary>Closes the conversation; false when it was already closed.</summary>
    public bool Close(DateTime now)
    {
        if (!IsOpen)
        {
            return false;
        }
        State = ConversationState.Closed;
        ClosedAt = now;
        return true;
    }

    /// <summary>Opens a closed conversation again; false when it was open.</summary>
    public bool Reopen()
    {
        if (IsOpen)
        {
            return false;
        }
        State = ConversationState.Open;
        ClosedAt = null;
        return true;
    }
}

/// <summary>A statement of a conversation: a seed by the team, or a participant's.</summary>
public sealed class ConversationStatement
{
    public int Id { get; private set; }
    public int ConversationId { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>The text folded for the duplicate check (<see cref="StatementText.Normalize"/>).</summary>
    public string NormalizedText { get; private set; } = "";

    /// <summary>The participant who wrote it; null for the team's statements.</summary>
    public int? AuthorParticipantId { get; private set; }

    /// <summary>Written by the team (a seed statement, or added by staff later).</summary>
    public bool ByTeam { get; private set; }

    /// <summary>A seed statement: there from the start, so the first participants have something to vote on.</summary>
    public bool IsSeed { get; private set; }

    public StatementStatus Status { get; private set; }

    /// <summary>Why it was rejected, shown in public.</summary>
    public string? RejectedReason { get; private set; }

    /// <summary>Pinned by the team: shown first to every participant and on top of the map.</summary>
    public bool IsPinned { get; private set; }

    public DateTime CreatedAt { get; private set; }

    private ConversationStatement()
    {
    }

    public static ConversationStatement ByTheTeam(Conversation conversation, string text, bool seed, DateTime now) =>
        new()
        {
            ConversationId = conversation.Id,
            Text = Checked(conversation, text),
            NormalizedText = StatementText.Normalize(text),
            ByTeam = true,
            IsSeed = seed,
            Status = StatementStatus.Accepted,
            CreatedAt = now,
        };

    public static ConversationStatement ByParticipant(Conversation conversation, int participantId, string text, bool held, DateTime now) =>
        new()
        {
            ConversationId = conversation.Id,
            Text = Checked(conversation, text),
            NormalizedText = StatementText.Normalize(text),
            AuthorParticipantId = participantId,
            Status = held ? StatementStatus.Pending : StatementStatus.Accepted,
            CreatedAt = now,
        };

    public bool IsVotable => Status == StatementStatus.Accepted;

    public void Accept()
    {
        Status = StatementStatus.Accepted;
        RejectedReason = null;
    }

    public void Reject(string reason)
    {
        Status = StatementStatus.Rejected;
        RejectedReason = reason;
        IsPinned = false;
    }

    /// <summary>Pins or unpins; false when nothing changed. Only a statement open for voting can be pinned.</summary>
    public bool Pin(bool pinned)
    {
        if (pinned && !IsVotable)
        {
            throw new ConversationRuleException("PinNotVotable");
        }
        if (IsPinned == pinned)
        {
            return false;
        }
        IsPinned = pinned;
        return true;
    }

    private static string Checked(Conversation conversation, string text)
    {
        var trimmed = StatementText.Tidy(text);
        if (trimmed.Length == 0)
        {
            throw new ConversationRuleException("StatementEmpty");
        }
        if (trimmed.Length > conversation.StatementLimit)
        {
            throw new ConversationRuleException("StatementTooLong", conversation.StatementLimit);
        }
        return trimmed;
    }
}

/// <summary>
/// Someone taking part in a conversation: by their account, or (in a link conversation, without an account) by a
/// random key held in their browser's cookie, of which only the SHA-256 is stored.
/// </summary>
public sealed class ConversationParticipant
{
    public int Id { get; private set; }
    public int ConversationId { get; private set; }
    public string? UserId { get; private set; }
    public string? KeyHash { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private ConversationParticipant()
    {
    }

    public static ConversationParticipant WithAccount(int conversationId, string userId, DateTime now) =>
        new() { ConversationId = conversationId, UserId = userId, CreatedAt = now };

    public static ConversationParticipant WithKey(int conversationId, string keyHash, DateTime now) =>
        new() { ConversationId = conversationId, KeyHash = keyHash, CreatedAt = now };

    /// <summary>A participant of an imported conversation (a Polis export): no account and no key, so nobody can ever take part as them.</summary>
    public static ConversationParticipant Imported(int conversationId, DateTime firstSeen) =>
        new() { ConversationId = conversationId, CreatedAt = firstSeen };

    /// <summary>
    /// Someone who took part by link signed in: the key's participant becomes their account's (one participant, not
    /// two). The key hash is dropped, so the browser's cookie no longer speaks for the account once they sign out.
    /// </summary>
    public void AttachAccount(string userId)
    {
        UserId = userId;
        KeyHash = null;
    }

    /// <summary>The account is deleted: the participant stays (their votes keep the map as it was), no longer tied to anyone.</summary>
    public void ForgetAccount() => UserId = null;
}

/// <summary>A participant's vote on a statement; one per (participant, statement): voting again replaces the choice.</summary>
public sealed class ConversationVote
{
    public long Id { get; private set; }
    public int ConversationId { get; private set; }
    public int ParticipantId { get; private set; }
    public int StatementId { get; private set; }
    public ConversationChoice Choice { get; private set; }

    /// <summary>The participant marked the statement as important to them (where the conversation asks).</summary>
    public bool Important { get; private set; }

    /// <summary>When the current choice was made (a changed vote moves it).</summary>
    public DateTime VotedAt { get; private set; }

    private ConversationVote()
    {
    }

    public static ConversationVote Cast(int conversationId, int participantId, int statementId, ConversationChoice choice, DateTime now, bool important = false) =>
        new() { ConversationId = conversationId, ParticipantId = participantId, StatementId = statementId, Choice = choice, VotedAt = now, Important = important };

    /// <summary>Replaces the choice (and the importance mark); false when both were the same (nothing changes).</summary>
    public bool Change(ConversationChoice choice, DateTime now, bool important = false)
    {
        if (Choice == choice && Important == important)
        {
            return false;
        }
        Important = important;
        if (Choice != choice)
        {
            Choice = choice;
            VotedAt = now;
        }
        return true;
    }
}

/// <summary>The last opinion map computed for a conversation, as its pages show it (JSON of <see cref="MapSummary"/>).</summary>
public sealed class ConversationMapSnapshot
{
    public int ConversationId { get; set; }
    public DateTime ComputedAt { get; set; }
    public int VoteCount { get; set; }
    public string Fingerprint { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>
    /// The engine's state after this map (JSON of <see cref="Cocreo.OpinionMap.OpinionMapState"/>): the warm start of
    /// the next computation on any instance, so groups keep their ids across restarts and instances. Null in maps
    /// stored before it was kept.
    /// </summary>
    public string? EngineState { get; set; }
}

public static class ConversationLimits
{
    public const int Question = 300;
    public const int Context = 20_000;
    public const int DefaultStatementLength = 280;
    public const int ShortestStatementLimit = 40;
    public const int LongestStatementLimit = 1_000;
    public const int Reason = 1_000;
}

/// <summary>Statement text: tidying, the folding for the duplicate check, and near-duplicate similarity.</summary>
public static class StatementText
{
    /// <summary>
    /// Two statements whose character-trigram sets (of the folded text) overlap this much (Jaccard: shared / all) are
    /// near-duplicates. 0.8 catches the same sentence with a typo, a changed word order of two words or an added
    /// article in a statement of ordinary length (~ 10 words), while "Build more bike lanes" and "Build fewer bike
    /// lanes" (0.6) stay apart: a near-duplicate must be refused with its reason, so a false match would silence a
    /// real opinion, which is worse than letting a rephrasing through to the moderators.
    /// </summary>
    public const double NearDuplicateSimilarity = 0.8;

    /// <summary>The text as stored: trimmed, inner runs of white space made one space.</summary>
    public static string Tidy(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Lower case, without diacritics (č = c), letters and digits only, one space between words.</summary>
    public static string Normalize(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return Tidy(folded.ToString());
    }

    /// <summary>Jaccard similarity of the character trigrams of two folded texts (padded with a space at each end).</summary>
    public static double Similarity(string normalizedA, string normalizedB)
    {
        if (normalizedA == normalizedB)
        {
            return 1;
        }
        var a = Trigrams(normalizedA);
        var b = Trigrams(normalizedB);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    private static HashSet<string> Trigrams(string text)
    {
        var padded = " " + text + " ";
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add(padded.Substring(i, 3));
        }
        return set;
    }
}

public sealed class ConversationRuleException(string code, params object[] arguments) : Platform.Changes.RuleException(code)
{
    public override string Text => ConversationRules.Message(Code);

    public override object[] Arguments => arguments;

    public override string? Field => Code switch
    {
        "StatementEmpty" or "StatementTooLong" or "Duplicate" or "NearDuplicate" => "Text",
        "QuestionEmpty" or "QuestionTooLong" => "Input.Question",
        "ContextTooLong" => "Input.Context",
        "StatementLimitOutOfRange" => "Input.StatementLimit",
        "QuestionsLocked" or "TranslationQuestions" or "TranslationTooLong" => "Input.Questions",
        "TranslationSameLanguage" or "UnknownLanguage" => "Language",

        "ProposalDestination" or "ProposalNotTaken" => "Input.Destination",
        "ProposalCategory" => "Input.Category",
        "ProposalCost" => "Input.EstimatedCost",
        "ProposalText" => "Input.Title",
        _ => null,
    };
}
