using System.Globalization;
using CsvHelper;

namespace Cocreo.Assessment;

/// <summary>
/// CSV export and import of answers and results (comma-separated, a header row, numbers in invariant format so
/// that any spreadsheet reads them the same). Answers are one row per respondent and question, and every row
/// names the instrument id and version.
/// </summary>
public static class AssessmentCsv
{
    private static readonly string[] AnswerColumns = ["instrument", "version", "respondent", "role", "question", "answer"];

    // Respondent ids and texts are user input: a field that a spreadsheet would run as a formula is escaped.
    private static readonly CsvWriterOptions WriterOptions = new() { Injection = CsvInjection.Escape };

    private static readonly CsvReaderOptions ReaderOptions = new() { Separator = ',', TrackLineNumbers = true };

    /// <summary>Writes answer sheets: instrument, version, respondent, role, question, answer.</summary>
    public static void WriteAnswers(TextWriter writer, IEnumerable<AnswerSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
        Header(csv, AnswerColumns);
        foreach (var sheet in sheets)
        {
            foreach (var (question, answer) in sheet.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                Row(csv, sheet.InstrumentId, sheet.InstrumentVersion, sheet.Respondent, sheet.Role, question, answer);
            }
        }
    }

    /// <summary>
    /// Reads answers written by <see cref="WriteAnswers"/> (one sheet per respondent and role, in order of first
    /// appearance) and checks every row against <paramref name="instrument"/>.
    /// </summary>
    /// <exception cref="AnswerSheetException">A column is missing, or a row names an unknown question or answer, or repeats one; the message gives the line.</exception>
    /// <exception cref="InstrumentVersionMismatchException">A row belongs to another instrument or version; nothing is re-scored.</exception>
    public static IReadOnlyList<AnswerSheet> ReadAnswers(TextReader reader, Instrument instrument, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        using var csv = CsvReader.Create(reader, ReaderOptions, leaveOpen: true);
        var missing = AnswerColumns.Where(c => !csv.TryGetFieldIndex(c, out _)).ToList();
        if (missing.Count > 0)
        {
            throw new AnswerSheetException($"{sourceName}, line 1: the header lacks the column(s) {string.Join(", ", missing)}.");
        }

        var sheets = new List<(string? Respondent, string? Role, Dictionary<string, string> Answers)>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            var where = $"{sourceName}, line {line}";
            instrument.EnsureSame(Field(csv, "instrument"), Field(csv, "version"), $"answers in {where}");
            var respondent = Optional(csv, "respondent");
            var role = Optional(csv, "role");
            var question = Field(csv, "question");
            var answer = Field(csv, "answer");
            if (instrument.FindQuestion(question) is null)
            {
                throw new AnswerSheetException($"{where}: {instrument.Name} has no question '{question}'.");
            }
            if (instrument.Scale.Find(answer) is null)
            {
                throw new AnswerSheetException(
                    $"{where}: '{answer}' is not an answer of {instrument.Name}; the answers are {string.Join(", ", instrument.Scale.Options.Select(o => o.Id))}.");
            }
            var index = sheets.FindIndex(s => s.Respondent == respondent && s.Role == role);
            if (index < 0)
            {
                sheets.Add((respondent, role, []));
                index = sheets.Count - 1;
            }
            if (!sheets[index].Answers.TryAdd(question, answer))
            {
                throw new AnswerSheetException($"{where}: question '{question}' is answered twice by respondent '{respondent ?? ""}'.");
            }
        }

        var result = sheets.Select(s => new AnswerSheet(instrument.Id, instrument.Version, s.Answers, s.Respondent, s.Role)).ToList();
        foreach (var sheet in result)
        {
            try
            {
                sheet.EnsureFits(instrument);
            }
            catch (AnswerSheetException e)
            {
                throw new AnswerSheetException($"{sourceName}: {e.Message}", e);
            }
        }
        return result;
    }

    /// <summary>Writes a result, one row per node: node, parent, depth, name, level, level name, score (fraction and percent), evaluation, inputs.</summary>
    public static void WriteResult(TextWriter writer, AssessmentResult result, Instrument instrument, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(instrument);
        instrument.EnsureSame(result.InstrumentId, result.InstrumentVersion, "result");
        using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
        Header(csv, ["instrument", "version", "node", "parent", "depth", "name", "level", "level_name", "score", "score_percent", "evaluation", "inputs", "evaluated_inputs"]);
        foreach (var node in result.Nodes)
        {
            Row(csv,
                result.InstrumentId, result.InstrumentVersion, node.NodeId, node.ParentId, Number(node.Depth),
                instrument.Node(node.NodeId).Name.For(culture),
                node.Level?.Name(), node.Level is { } level ? instrument.LevelNames[level].For(culture) : null,
                node.Score?.ToString(), Percent(node.Score),
                node.Evaluation.ToString(), Number(node.Inputs), Number(node.EvaluatedInputs));
        }
    }

    /// <summary>Writes a result's questions, one row each: question, node, text, answer, how it counts.</summary>
    public static void WriteQuestions(TextWriter writer, AssessmentResult result, Instrument instrument, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(instrument);
        instrument.EnsureSame(result.InstrumentId, result.InstrumentVersion, "result");
        using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
        Header(csv, ["instrument", "version", "question", "node", "text", "reversed", "asked", "answer", "counts_as"]);
        foreach (var outcome in result.Questions)
        {
            var question = instrument.Question(outcome.QuestionId);
            Row(csv,
                result.InstrumentId, result.InstrumentVersion, outcome.QuestionId, outcome.NodeId,
                question.TextFor(result.Answers.Role).For(culture), question.Reversed ? "yes" : "no",
                outcome.Asked ? "yes" : "no", outcome.Answer, outcome.Effect?.ToString().ToLowerInvariant());
        }
    }

    /// <summary>Writes the spread of several respondents' answers: one row per question with a count column per answer option.</summary>
    public static void WriteSpread(TextWriter writer, ConsolidatedAnswers consolidated, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(consolidated);
        ArgumentNullException.ThrowIfNull(instrument);
        instrument.EnsureSame(consolidated.Answers.InstrumentId, consolidated.Answers.InstrumentVersion, "consolidated answers");
        using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
        Header(csv, ["question", .. instrument.Scale.Options.Select(o => $"count_{o.Id}"), "answered", "unanswered", "consolidated", "tie", "dispersion", "disagreement"]);
        foreach (var spread in consolidated.Spread)
        {
            Row(csv, [
                spread.QuestionId,
                .. spread.Counts.Select(c => Number(c.Count)),
                Number(spread.Answered), Number(spread.Unanswered), spread.Consolidated,
                spread.Tie ? "yes" : "no", spread.Dispersion?.ToString(), spread.Disagreement ? "yes" : "no"]);
        }
    }

    /// <summary>
    /// Writes a Co-Master report, one row per dimension and role: responses, whether the role is suppressed (then no
    /// numbers), level, score, and the gap between the roles with its flag.
    /// </summary>
    public static void WriteQuality(TextWriter writer, QualityReport report, Instrument instrument, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(instrument);
        instrument.EnsureSame(report.InstrumentId, report.InstrumentVersion, "report");
        using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
        Header(csv, ["instrument", "version", "dimension", "name", "role", "responses", "suppressed", "level", "level_name", "score", "score_percent", "gap", "gap_flagged"]);
        foreach (var dimension in report.Dimensions)
        {
            foreach (var view in dimension.ByRole)
            {
                var responses = report.Roles.Single(r => r.RoleId == view.RoleId).Responses;
                Row(csv,
                    report.InstrumentId, report.InstrumentVersion, dimension.DimensionId, instrument.Node(dimension.DimensionId).Name.For(culture),
                    view.RoleId, Number(responses), view.Suppressed ? "yes" : "no",
                    view.Level?.Name(), view.Level is { } level ? instrument.LevelNames[level].For(culture) : null,
                    view.Score?.ToString(), Percent(view.Score),
                    dimension.Gap?.ToString(), dimension.GapFlagged ? "yes" : "no");
            }
        }
    }

    /// <summary>Writes a Co-Serve ranking, one row per service: rank, most suitable, suitability and both perspectives' scores.</summary>
    public static void WriteRanking(TextWriter writer, ServiceRanking ranking, Instrument instrument, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(instrument);
        instrument.EnsureSame(ranking.InstrumentId, ranking.InstrumentVersion, "ranking");
        using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
        Header(csv, ["instrument", "version", "rank", "service", "name", "most_suitable", "suitability", "suitability_name", "users_score", "users_level", "organisation_score", "organisation_level", "combined_score"]);
        foreach (var standing in ranking.Standings)
        {
            Row(csv,
                ranking.InstrumentId, ranking.InstrumentVersion, Number(standing.Rank), standing.ServiceId, standing.Name,
                standing.MostSuitable ? "yes" : "no",
                standing.Suitability?.Name(), standing.Suitability is { } level ? instrument.LevelNames[level].For(culture) : null,
                standing.Users.Score?.ToString(), standing.Users.Level?.Name(),
                standing.Organisation.Score?.ToString(), standing.Organisation.Level?.Name(),
                standing.CombinedScore?.ToString());
        }
    }

    private static string Field(CsvReader csv, string column)
    {
        var value = csv.GetString(column).Trim();
        return value.Length == 0
            ? throw new AnswerSheetException($"line {csv.LineNumber}: the column '{column}' is empty.")
            : value;
    }

    private static string? Optional(CsvReader csv, string column)
    {
        var value = csv.GetString(column).Trim();
        return value.Length == 0 ? null : value;
    }

    private static void Header(CsvWriter csv, IEnumerable<string> columns) => csv.WriteHeader([.. columns]);

    private static void Row(CsvWriter csv, params string?[] fields) => csv.WriteRecord(fields!);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Percent(Ratio? ratio) =>
        ratio is { } r ? (r.ToDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) : null;
}
