using System.Globalization;

namespace Cocreo.Assessment.Tests;

public class ExportTests
{
    private static readonly Instrument Ready = InstrumentCatalog.Load("co-ready", "1.0");

    [Fact]
    public void Answers_survive_a_csv_round_trip()
    {
        var sheets = new[]
        {
            TinyInstrument.Response(Ready, "Špela, finance", null, "strategy-commitment=yes", "dedicated-budget=no"),
            TinyInstrument.Response(Ready, "Žiga", null, "strategy-commitment=no"),
        };
        var csv = new StringWriter();

        AssessmentCsv.WriteAnswers(csv, sheets);
        var read = AssessmentCsv.ReadAnswers(new StringReader(csv.ToString()), Ready, "answers.csv");

        Assert.StartsWith("instrument,version,respondent,role,question,answer", csv.ToString());
        Assert.Equal(["Špela, finance", "Žiga"], read.Select(s => s.Respondent));
        Assert.Equal(sheets[0].Answers.OrderBy(a => a.Key), read[0].Answers.OrderBy(a => a.Key));
        Assert.Equal(sheets[1].Answers, read[1].Answers);
        Assert.All(read, s => Assert.Equal(("co-ready", "1.0"), (s.InstrumentId, s.InstrumentVersion)));
    }

    [Fact]
    public void Csv_answers_of_another_version_are_refused_with_their_line()
    {
        const string csv = """
            instrument,version,respondent,role,question,answer
            co-ready,1.0,a,,strategy-commitment,yes
            co-ready,0.9,a,,dedicated-budget,no
            """;

        var error = Assert.Throws<InstrumentVersionMismatchException>(() =>
            AssessmentCsv.ReadAnswers(new StringReader(csv), Ready, "old.csv"));

        Assert.Contains("old.csv, line 3", error.Message);
        Assert.Contains("version 0.9", error.Message);
    }

    [Theory]
    [InlineData("co-ready,1.0,a,,no-such-question,yes", "line 2: co-ready 1.0 has no question 'no-such-question'")]
    [InlineData("co-ready,1.0,a,,strategy-commitment,maybe", "line 2: 'maybe' is not an answer")]
    [InlineData("co-ready,1.0,a,,strategy-commitment,", "the column 'answer' is empty")]
    public void A_csv_row_that_does_not_fit_is_refused_with_its_line(string row, string message)
    {
        var csv = "instrument,version,respondent,role,question,answer\n" + row + "\n";

        var error = Assert.Throws<AnswerSheetException>(() => AssessmentCsv.ReadAnswers(new StringReader(csv), Ready, "answers.csv"));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_csv_without_the_expected_columns_is_refused()
    {
        var error = Assert.Throws<AnswerSheetException>(() =>
            AssessmentCsv.ReadAnswers(new StringReader("question,answer\nstrategy-commitment,yes\n"), Ready, "answers.csv"));

        Assert.Contains("lacks the column(s) instrument, version, respondent, role", error.Message);
    }

    [Fact]
    public void A_question_answered_twice_by_one_respondent_is_refused()
    {
        const string csv = """
            instrument,version,respondent,role,question,answer
            co-ready,1.0,a,,strategy-commitment,yes
            co-ready,1.0,a,,strategy-commitment,no
            """;

        var error = Assert.Throws<AnswerSheetException>(() => AssessmentCsv.ReadAnswers(new StringReader(csv), Ready, "answers.csv"));

        Assert.Contains("line 3", error.Message);
        Assert.Contains("answered twice", error.Message);
    }

    [Fact]
    public void A_result_is_written_as_one_csv_row_per_node_with_names_in_the_culture_asked()
    {
        var result = AssessmentEvaluator.Evaluate(Ready, TinyInstrument.AllFavourable(Ready, "strategy-goals=no"));
        var csv = new StringWriter();

        AssessmentCsv.WriteResult(csv, result, Ready, CultureInfo.GetCultureInfo("sl-SI"));

        var lines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + Ready.Nodes.Count, lines.Length);
        Assert.Contains("co-ready,1.0,strategy,organisational-capacity,2,Soustvarjanje v strategiji organizacije,medium,Srednja pripravljenost,1/2,50.0,Complete,2,2", lines);
        Assert.Contains(lines, l => l.StartsWith("co-ready,1.0,readiness,,0,Pripravljenost na soustvarjanje,high,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_result_lists_every_question_with_how_its_answer_counts()
    {
        var serve = InstrumentCatalog.Load("co-serve", "1.0");
        var result = AssessmentEvaluator.Evaluate(serve, TinyInstrument.Answers(serve, "expert-matter=yes"));
        var csv = new StringWriter();

        AssessmentCsv.WriteQuestions(csv, result, serve, CultureInfo.GetCultureInfo("en"));

        Assert.Contains("expert-matter,users-perspective,", csv.ToString());
        Assert.Contains(",yes,yes,yes,negative", csv.ToString()); // reversed, asked, answered yes, counts against
        Assert.Contains("many-users,users-perspective,", csv.ToString());
    }

    [Fact]
    public void The_spread_is_written_with_a_count_column_per_answer()
    {
        var consolidated = Consolidation.Of(Ready,
        [
            TinyInstrument.Answers(Ready, "staff-trained=yes"),
            TinyInstrument.Answers(Ready, "staff-trained=no"),
        ]);
        var csv = new StringWriter();

        AssessmentCsv.WriteSpread(csv, consolidated, Ready);

        var lines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("question,count_no,count_yes,answered,unanswered,consolidated,tie,dispersion,disagreement", lines[0]);
        Assert.Contains("staff-trained,1,1,2,0,no,yes,1,yes", lines);
    }

    [Fact]
    public void A_respondent_name_that_a_spreadsheet_would_run_as_a_formula_is_escaped()
    {
        var csv = new StringWriter();

        AssessmentCsv.WriteAnswers(csv, [TinyInstrument.Response(Ready, "=HYPERLINK(\"x\")", null, "strategy-commitment=yes")]);

        Assert.DoesNotContain(",=HYPERLINK", csv.ToString());
    }

    [Fact]
    public void Answers_survive_a_json_round_trip_and_name_their_version()
    {
        var sheet = TinyInstrument.Response(Ready, "Špela", null, "strategy-commitment=yes", "dedicated-budget=no");

        var json = AssessmentJson.Write(sheet);
        var read = AssessmentJson.ReadAnswers(json, Ready, "answers.json");

        Assert.Contains("\"instrumentVersion\": \"1.0\"", json);
        Assert.Contains("Špela", json);
        Assert.Equal(sheet.Answers.OrderBy(a => a.Key), read.Answers.OrderBy(a => a.Key));
    }

    [Fact]
    public void Json_answers_of_another_version_are_refused()
    {
        var json = AssessmentJson.Write(new AnswerSheet("co-ready", "0.9", new Dictionary<string, string> { ["strategy-commitment"] = "yes" }));

        Assert.Throws<InstrumentVersionMismatchException>(() => AssessmentJson.ReadAnswers(json, Ready, "old.json"));
    }

    [Fact]
    public void Json_that_is_not_an_answer_sheet_is_refused_with_its_place()
    {
        var error = Assert.Throws<AnswerSheetException>(() => AssessmentJson.ReadAnswers("{ \"instrumentId\": 3 }", Ready, "broken.json"));

        Assert.Contains("broken.json: line 1", error.Message);
    }

    [Fact]
    public void A_result_survives_a_json_round_trip_with_its_version_and_suggestions()
    {
        var result = AssessmentEvaluator.Evaluate(Ready, TinyInstrument.AllFavourable(Ready, "strategy-goals=no", "dedicated-time="));

        var json = AssessmentJson.Write(result);
        var read = AssessmentJson.ReadResult(json, "result.json");

        Assert.Contains("\"level\": \"high\"", json);
        Assert.Contains("\"score\": \"19/20\"", json);
        Assert.Contains("\"kind\": \"answer\"", json);
        Assert.Equal(("co-ready", "1.0"), (read.InstrumentId, read.InstrumentVersion));
        Assert.Equal(result.Nodes, read.Nodes);
        Assert.Equal(result.Questions, read.Questions);
        Assert.Equal(result.Unanswered, read.Unanswered);
        Assert.Equal(result.Raises, read.Raises);
    }
}

public class ReportCsvTests
{
    private static readonly Instrument Master = InstrumentCatalog.Load("co-master", "1.0");
    private static readonly Instrument Serve = InstrumentCatalog.Load("co-serve", "1.0");

    [Fact]
    public void A_quality_report_is_one_row_per_dimension_and_role_and_a_suppressed_role_has_no_numbers()
    {
        var responses = Enumerable.Range(0, 5).Select(i => Sheet(Master, $"o{i}", "organiser", "agree"))
            .Concat(Enumerable.Range(0, 2).Select(i => Sheet(Master, $"p{i}", "participant", "disagree")))
            .ToList();
        var csv = new StringWriter();

        AssessmentCsv.WriteQuality(csv, QualityGaps.Between(Master, responses), Master, CultureInfo.GetCultureInfo("sl"));

        var lines = csv.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("instrument,version,dimension,name,role,responses,suppressed,level,level_name,score,score_percent,gap,gap_flagged", lines[0]);
        Assert.Equal(1 + 2 * Master.Root.Children.Count, lines.Count);
        Assert.Contains(lines, l => l.StartsWith("co-master,1.0,inclusiveness,Vključenost in reprezentativnost,organiser,5,no,", StringComparison.Ordinal));
        Assert.Contains("co-master,1.0,inclusiveness,Vključenost in reprezentativnost,participant,2,yes,,,,,,no", lines);
    }

    [Fact]
    public void A_ranking_is_one_row_per_service_best_first()
    {
        var strong = Sheet(Serve, null, null, "yes") with { Answers = Serve.Questions.ToDictionary(q => q.Id, q => q.Reversed ? "no" : "yes") };
        var weak = Sheet(Serve, null, null, "no") with { Answers = Serve.Questions.ToDictionary(q => q.Id, q => q.Reversed ? "yes" : "no") };
        var ranking = ServiceComparison.Rank(Serve, [new CandidateService("weak", "Permits", weak), new CandidateService("strong", "Library", strong)]);
        var csv = new StringWriter();

        AssessmentCsv.WriteRanking(csv, ranking, Serve, CultureInfo.InvariantCulture);

        var lines = csv.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("co-serve,1.0,1,strong,Library,yes,high,High suitability,1,high,1,high,1", lines[1]);
        Assert.StartsWith("co-serve,1.0,2,weak,Permits,no,low,", lines[2], StringComparison.Ordinal);
    }

    private static AnswerSheet Sheet(Instrument instrument, string? respondent, string? role, string answer) =>
        new(instrument.Id, instrument.Version,
            instrument.Questions.Where(q => q.AppliesTo(role)).ToDictionary(q => q.Id, _ => answer), respondent, role);
}
