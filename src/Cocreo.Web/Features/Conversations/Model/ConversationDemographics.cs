using System.Globalization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// An optional question about the participants (age group, district ...) with the population share of each answer,
/// for representativeness: as a budget's ballot question (<see cref="Budgeting.DemographicQuestion"/>), copied on
/// purpose rather than shared, because a conversation's answers are tied to a participant (for the per-group
/// breakdown) while a ballot's are part of a secret ballot; here shares, when given, must add up to 100 %.
/// </summary>
public sealed class ConversationQuestion
{
    public int Id { get; private set; }
    public int ConversationId { get; private set; }
    public int Position { get; private set; }
    public string Text { get; private set; } = "";
    public List<string> Options { get; private set; } = [];

    /// <summary>The share of the population (per cent) of each option, in the order of <see cref="Options"/>; null where unknown.</summary>
    public List<decimal?> PopulationShares { get; private set; } = [];

    private ConversationQuestion()
    {
    }

    public static ConversationQuestion For(int conversationId, int position, QuestionDraft draft) => new()
    {
        ConversationId = conversationId,
        Position = position,
        Text = draft.Text,
        Options = draft.Options.ToList(),
        PopulationShares = draft.Shares.ToList(),
    };

    public QuestionDraft Draft => new(Text, Options, PopulationShares);
}

/// <summary>A demographic question as the team writes it: its text, its answers and their population shares (or null).</summary>
public sealed record QuestionDraft(string Text, IReadOnlyList<string> Options, IReadOnlyList<decimal?> Shares)
{
    public bool Same(QuestionDraft other) => Text == other.Text && Options.SequenceEqual(other.Options) && Shares.SequenceEqual(other.Shares);
}

/// <summary>
/// A participant's answer to a demographic question: the option's number, or null for "prefer not to say" (also what
/// skipping the step stores, so the participant is not asked again). Personal data: exported and deleted with the
/// account, never logged, never in the open-data export; one per participant and question (a unique key).
/// </summary>
public sealed class ConversationAnswer
{
    public long Id { get; private set; }
    public int ConversationId { get; private set; }
    public int ParticipantId { get; private set; }
    public int QuestionId { get; private set; }
    public int? Option { get; private set; }
    public DateTime AnsweredAt { get; private set; }

    private ConversationAnswer()
    {
    }

    public static ConversationAnswer Given(int conversationId, int participantId, int questionId, int? option, DateTime now) =>
        new() { ConversationId = conversationId, ParticipantId = participantId, QuestionId = questionId, Option = option, AnsweredAt = now };

    /// <summary>Replaces the answer; false when it was the same.</summary>
    public bool Change(int? option, DateTime now)
    {
        if (Option == option)
        {
            return false;
        }
        Option = option;
        AnsweredAt = now;
        return true;
    }
}

/// <summary>The demographic questions as typed in the settings form, and their rules.</summary>
public static class ConversationQuestions
{
    public const int Most = 5;
    public const int TextLength = 200;
    public const int OptionLength = 100;
    public const int MostOptions = 12;

    /// <summary>
    /// Questions as typed (the budget's format): blocks separated by an empty line; the first line of a block is the
    /// question, each other line an answer, optionally followed by "|" and its share of the population in per cent.
    /// Shares, when given, are given for every answer of the question and add up to 100 (± 0.1 for rounding).
    /// </summary>
    public static (List<QuestionDraft> Questions, (string Code, int Line)? Error) Parse(string? text)
    {
        var questions = new List<QuestionDraft>();
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        string? question = null;
        var options = new List<(string Option, decimal? Share)>();
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].Trim() : "";
            if (line.Length == 0)
            {
                if (question is not null)
                {
                    if (options.Count < 2)
                    {
                        return (questions, ("QuestionNeedsAnswers", i));
                    }
                    if (options.Count > MostOptions)
                    {
                        return (questions, ("TooManyAnswers", i));
                    }
                    var given = options.Count(o => o.Share is not null);
                    if (given > 0 && (given < options.Count || Math.Abs(options.Sum(o => o.Share!.Value) - 100m) > 0.1m))
                    {
                        return (questions, ("SharesNot100", i));
                    }
                    questions.Add(new QuestionDraft(question, options.Select(o => o.Option).ToList(), options.Select(o => o.Share).ToList()));
                    if (questions.Count > Most)
                    {
                        return (questions, ("TooManyQuestions", i));
                    }
                }
                question = null;
                options = [];
                continue;
            }
            if (question is null)
            {
                if (line.Length > TextLength)
                {
                    return (questions, ("QuestionLine", i + 1));
                }
                question = line;
                continue;
            }
            var parts = line.Split('|');
            decimal? share = null;
            if (parts.Length > 2 || parts[0].Trim().Length is 0 or > OptionLength)
            {
                return (questions, ("AnswerLine", i + 1));
            }
            if (parts.Length == 2)
            {
                if (!decimal.TryParse(parts[1].Trim().TrimEnd('%').Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 100)
                {
                    return (questions, ("AnswerLine", i + 1));
                }
                share = value;
            }
            options.Add((parts[0].Trim(), share));
        }
        return (questions, null);
    }

    public static string Text(IEnumerable<QuestionDraft> questions) => string.Join("\n\n", questions.Select(q =>
        q.Text + "\n" + string.Join('\n', q.Options.Select((o, i) => q.Shares[i] is { } share ? $"{o} | {share.ToString(CultureInfo.InvariantCulture)}" : o))));
}
