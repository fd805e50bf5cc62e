using System.Text.Json.Serialization;

namespace Cocreo.Assessment;

/// <summary>
/// Turns several respondents' answers to the same instrument version into one answer sheet and shows how far
/// they agreed, so that the result can be scored once and disagreement can be talked about.
/// </summary>
/// <remarks>
/// The rule, per question: the answer given by most of the respondents who answered it. On a tie, the tied
/// answer that counts least favourably (after reversal) is taken, and the tie is reported: a self-assessment
/// should not claim a strength that half of the team disputes. A question nobody answered stays unanswered.
/// Disagreement is measured with Leik's ordinal dispersion (0 when everyone gave the same answer, 1 when the
/// answers split evenly between the two ends of the scale; for yes/no it is twice the minority's share).
/// </remarks>
public static class Consolidation
{
    /// <summary>Consolidates <paramref name="sheets"/> (one per respondent, all of the same role).</summary>
    /// <exception cref="ArgumentException">No sheets, or sheets of different roles.</exception>
    /// <exception cref="InstrumentVersionMismatchException">A sheet belongs to another instrument or version.</exception>
    /// <exception cref="AnswerSheetException">A sheet does not fit the instrument.</exception>
    public static ConsolidatedAnswers Of(Instrument instrument, IReadOnlyList<AnswerSheet> sheets, ConsolidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(sheets);
        options ??= ConsolidationOptions.Default;
        if (sheets.Count == 0)
        {
            throw new ArgumentException("Consolidating needs at least one respondent's answers.", nameof(sheets));
        }
        foreach (var sheet in sheets)
        {
            sheet.EnsureFits(instrument);
        }
        var roles = sheets.Select(s => s.Role).Distinct().ToList();
        if (roles.Count > 1)
        {
            throw new ArgumentException(
                $"The answers come from different roles ({string.Join(", ", roles.Select(r => r ?? "none"))}); consolidate each role on its own.",
                nameof(sheets));
        }
        var role = roles[0];

        var consolidated = new Dictionary<string, string>();
        var spread = new List<QuestionSpread>();
        foreach (var question in instrument.Questions.Where(q => q.AppliesTo(role)))
        {
            var given = sheets.Select(s => s.Answers.GetValueOrDefault(question.Id)).OfType<string>().ToList();
            var counts = instrument.Scale.Options.Select(o => new AnswerCount(o.Id, given.Count(g => g == o.Id))).ToList();
            string? chosen = null;
            var tie = false;
            if (given.Count > 0)
            {
                var most = counts.Max(c => c.Count);
                var tied = counts.Where(c => c.Count == most).Select(c => c.OptionId).ToList();
                tie = tied.Count > 1;
                chosen = tied.OrderBy(id => Favourability(instrument, question, id)).First();
                consolidated[question.Id] = chosen;
            }
            var dispersion = Dispersion(counts, given.Count);
            spread.Add(new QuestionSpread(
                question.Id, counts, given.Count, sheets.Count - given.Count, chosen, tie, dispersion,
                dispersion is { } d && d >= options.DisagreementFrom));
        }

        return new ConsolidatedAnswers(
            new AnswerSheet(instrument.Id, instrument.Version, consolidated, Role: role),
            sheets.Count,
            spread);
    }

    /// <summary>How favourably an option counts for a question: by its effect after reversal, then by its place on the scale.</summary>
    private static (Polarity, int) Favourability(Instrument instrument, Question question, string optionId)
    {
        var index = instrument.Scale.IndexOf(optionId);
        return (TreeScoring.Effect(instrument, question, optionId), question.Reversed ? -index : index);
    }

    /// <summary>Leik's ordinal dispersion: 2·Σ min(Fᵢ, 1 − Fᵢ) / (m − 1) over the cumulative shares Fᵢ of the first m − 1 options.</summary>
    private static Ratio? Dispersion(IReadOnlyList<AnswerCount> counts, int answered)
    {
        if (answered == 0)
        {
            return null;
        }
        long cumulative = 0, sum = 0;
        foreach (var count in counts.Take(counts.Count - 1))
        {
            cumulative += count.Count;
            sum += Math.Min(cumulative, answered - cumulative);
        }
        return new Ratio(2 * sum, (long)answered * (counts.Count - 1));
    }
}

/// <summary>How consolidation flags disagreement.</summary>
/// <param name="DisagreementFrom">The dispersion from which a question is flagged as disagreed on (default 1/2: for yes/no, a quarter or more answered against the rest).</param>
public sealed record ConsolidationOptions(Ratio DisagreementFrom)
{
    /// <summary>Flags questions with a dispersion of 1/2 or more.</summary>
    public static ConsolidationOptions Default { get; } = new(new Ratio(1, 2));
}

/// <summary>Several respondents' answers as one sheet, with the spread behind every answer.</summary>
/// <param name="Answers">The consolidated sheet, ready to be scored by <see cref="AssessmentEvaluator"/>.</param>
/// <param name="Respondents">How many respondents' answers were consolidated.</param>
/// <param name="Spread">Per question: what everyone answered.</param>
public sealed record ConsolidatedAnswers(AnswerSheet Answers, int Respondents, IReadOnlyList<QuestionSpread> Spread)
{
    /// <summary>The questions whose consolidated answer was decided by the tie rule.</summary>
    [JsonIgnore]
    public IEnumerable<QuestionSpread> Ties => Spread.Where(s => s.Tie);

    /// <summary>The questions flagged as disagreed on, the most dispersed first.</summary>
    [JsonIgnore]
    public IEnumerable<QuestionSpread> Disagreements =>
        Spread.Where(s => s.Disagreement).OrderByDescending(s => s.Dispersion!.Value);
}

/// <summary>The answers respondents gave to one question.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Counts">How many respondents chose each option, in the scale's order (zeros included).</param>
/// <param name="Answered">How many respondents answered.</param>
/// <param name="Unanswered">How many respondents left the question unanswered.</param>
/// <param name="Consolidated">The consolidated answer, or null when nobody answered.</param>
/// <param name="Tie">True when two or more answers were given equally often and the tie rule decided.</param>
/// <param name="Dispersion">Leik's ordinal dispersion of the answers (0 all agree … 1 split between the extremes); null when nobody answered.</param>
/// <param name="Disagreement">True when the dispersion reaches the flagging threshold.</param>
public sealed record QuestionSpread(
    string QuestionId,
    IReadOnlyList<AnswerCount> Counts,
    int Answered,
    int Unanswered,
    string? Consolidated,
    bool Tie,
    Ratio? Dispersion,
    bool Disagreement);

/// <summary>How many respondents chose one option.</summary>
/// <param name="OptionId">The option.</param>
/// <param name="Count">How many chose it.</param>
public sealed record AnswerCount(string OptionId, int Count);
