namespace Cocreo.Assessment;

/// <summary>
/// One respondent's answers to one version of an instrument: question id → answer option id. A question that is
/// not in <see cref="Answers"/> is unanswered (never "no"). A sheet always names the instrument version it was
/// answered under; it is scored only by that version.
/// </summary>
/// <param name="InstrumentId">The instrument answered, e.g. <c>co-ready</c>.</param>
/// <param name="InstrumentVersion">The version answered, e.g. <c>1.0</c>.</param>
/// <param name="Answers">Question id → answer option id.</param>
/// <param name="Respondent">Who answered (a pseudonymous id), when it matters.</param>
/// <param name="Role">The respondent's role for instruments with roles (Co-Master: organiser or participant).</param>
public sealed record AnswerSheet(
    string InstrumentId,
    string InstrumentVersion,
    IReadOnlyDictionary<string, string> Answers,
    string? Respondent = null,
    string? Role = null)
{
    /// <summary>An empty sheet for <paramref name="instrument"/>, to be filled with <see cref="With"/>.</summary>
    public static AnswerSheet For(Instrument instrument, string? respondent = null, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new AnswerSheet(instrument.Id, instrument.Version, new Dictionary<string, string>(), respondent, role);
    }

    /// <summary>A copy with one answer set (or removed, when <paramref name="optionId"/> is null).</summary>
    public AnswerSheet With(string questionId, string? optionId)
    {
        var answers = new Dictionary<string, string>(Answers);
        if (optionId is null)
        {
            answers.Remove(questionId);
        }
        else
        {
            answers[questionId] = optionId;
        }
        return this with { Answers = answers };
    }

    /// <summary>
    /// Checks the sheet against its instrument: same id and version, known questions and options, a known role
    /// when the instrument has roles, and only questions the role answers.
    /// </summary>
    /// <exception cref="InstrumentVersionMismatchException">The sheet belongs to another instrument or version.</exception>
    /// <exception cref="AnswerSheetException">The sheet does not fit the instrument.</exception>
    public void EnsureFits(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        instrument.EnsureSame(InstrumentId, InstrumentVersion, "answers");
        var who = Respondent is null ? "The answers" : $"The answers of respondent '{Respondent}'";
        if (instrument.Roles.Count > 0 && (Role is null || instrument.FindRole(Role) is null))
        {
            throw new AnswerSheetException(
                $"{who} to {instrument.Name} need a role: one of {string.Join(", ", instrument.Roles.Select(r => r.Id))}{(Role is null ? "" : $" (not '{Role}')")}.");
        }
        if (instrument.Roles.Count == 0 && Role is not null)
        {
            throw new AnswerSheetException($"{who} name the role '{Role}', but {instrument.Name} has no roles.");
        }
        foreach (var (questionId, optionId) in Answers)
        {
            var question = instrument.FindQuestion(questionId)
                ?? throw new AnswerSheetException($"{who} answer question '{questionId}', which {instrument.Name} does not have.");
            if (instrument.Scale.Find(optionId) is null)
            {
                throw new AnswerSheetException(
                    $"{who} give '{optionId}' to question '{questionId}'; the answers are {string.Join(", ", instrument.Scale.Options.Select(o => o.Id))}.");
            }
            if (!question.AppliesTo(Role))
            {
                throw new AnswerSheetException($"{who} answer question '{questionId}', which the role '{Role}' is not asked.");
            }
        }
    }
}
