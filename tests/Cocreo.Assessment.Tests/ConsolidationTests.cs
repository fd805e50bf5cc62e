namespace Cocreo.Assessment.Tests;

public class ConsolidationTests
{
    private static readonly Instrument Tiny = TinyInstrument.TwoCategories();

    [Fact]
    public void Each_question_takes_the_answer_most_respondents_gave()
    {
        var sheets = new[]
        {
            TinyInstrument.Answers(Tiny, "a1-1=yes", "a1-2=no"),
            TinyInstrument.Answers(Tiny, "a1-1=yes", "a1-2=no"),
            TinyInstrument.Answers(Tiny, "a1-1=no", "a1-2=no"),
        };

        var consolidated = Consolidation.Of(Tiny, sheets);

        Assert.Equal("yes", consolidated.Answers.Answers["a1-1"]);
        Assert.Equal("no", consolidated.Answers.Answers["a1-2"]);
        Assert.Equal(3, consolidated.Respondents);
        Assert.Empty(consolidated.Ties);
    }

    [Fact]
    public void A_tie_takes_the_less_favourable_answer_and_is_reported()
    {
        var sheets = new[]
        {
            TinyInstrument.Answers(Tiny, "a1-1=yes", "b1-1=yes"),
            TinyInstrument.Answers(Tiny, "a1-1=no", "b1-1=no"),
        };

        var consolidated = Consolidation.Of(Tiny, sheets);

        Assert.Equal("no", consolidated.Answers.Answers["a1-1"]);
        Assert.Equal("yes", consolidated.Answers.Answers["b1-1"]); // reversed: "yes" is the unfavourable answer
        Assert.Equal(["a1-1", "b1-1"], consolidated.Ties.Select(t => t.QuestionId));
    }

    [Fact]
    public void The_spread_counts_every_answer_and_every_respondent_who_did_not_answer()
    {
        var sheets = new[]
        {
            TinyInstrument.Answers(Tiny, "a1-1=yes"),
            TinyInstrument.Answers(Tiny, "a1-1=no"),
            TinyInstrument.Answers(Tiny, "a1-1=yes"),
            TinyInstrument.Answers(Tiny),
        };

        var spread = Consolidation.Of(Tiny, sheets).Spread.Single(s => s.QuestionId == "a1-1");

        Assert.Equal([new AnswerCount("no", 1), new AnswerCount("yes", 2)], spread.Counts);
        Assert.Equal((3, 1), (spread.Answered, spread.Unanswered));
        Assert.Equal("yes", spread.Consolidated);
    }

    [Theory]
    [InlineData(5, 0, "0", false)]   // everyone agrees
    [InlineData(4, 1, "2/5", false)] // one dissenter of five
    [InlineData(3, 2, "4/5", true)]  // a near split
    [InlineData(3, 1, "1/2", true)]  // a quarter against the rest reaches the flag
    [InlineData(2, 2, "1", true)]    // an even split
    public void Disagreement_is_measured_by_ordinal_dispersion(int yes, int no, string dispersion, bool flagged)
    {
        var sheets = Enumerable.Repeat("yes", yes).Concat(Enumerable.Repeat("no", no))
            .Select(a => TinyInstrument.Answers(Tiny, $"a1-1={a}")).ToList();

        var spread = Consolidation.Of(Tiny, sheets).Spread.Single(s => s.QuestionId == "a1-1");

        Assert.Equal(dispersion, spread.Dispersion.ToString());
        Assert.Equal(flagged, spread.Disagreement);
    }

    [Fact]
    public void On_an_agreement_scale_neighbouring_answers_disagree_less_than_opposite_ones()
    {
        var master = InstrumentCatalog.Load("co-master", "1.0");
        AnswerSheet Response(string answer) => TinyInstrument.Response(master, null, "participant", $"good-facilitation={answer}");

        var close = Consolidation.Of(master, [Response("agree"), Response("agree"), Response("strongly-agree"), Response("strongly-agree")]);
        var apart = Consolidation.Of(master, [Response("strongly-disagree"), Response("strongly-disagree"), Response("strongly-agree"), Response("strongly-agree")]);

        Assert.Equal(new Ratio(1, 4), close.Spread.Single(s => s.QuestionId == "good-facilitation").Dispersion);
        Assert.Equal(Ratio.One, apart.Spread.Single(s => s.QuestionId == "good-facilitation").Dispersion);
        Assert.Equal(["good-facilitation"], apart.Disagreements.Select(d => d.QuestionId));
    }

    [Fact]
    public void A_question_nobody_answered_stays_unanswered()
    {
        var consolidated = Consolidation.Of(Tiny, [TinyInstrument.Answers(Tiny, "a1-1=yes"), TinyInstrument.Answers(Tiny, "a1-1=yes")]);

        var spread = consolidated.Spread.Single(s => s.QuestionId == "a2-1");
        Assert.Null(spread.Consolidated);
        Assert.Null(spread.Dispersion);
        Assert.False(consolidated.Answers.Answers.ContainsKey("a2-1"));
        Assert.Contains("a2-1", AssessmentEvaluator.Evaluate(Tiny, consolidated.Answers).Unanswered);
    }

    [Fact]
    public void The_consolidated_answers_score_like_one_respondent()
    {
        var instrument = InstrumentCatalog.Load("co-ready", "1.0");
        var sheets = Enumerable.Range(0, 5).Select(i => TinyInstrument.AllFavourable(instrument, i < 3 ? "staff-trained=no" : "staff-trained=yes")).ToList();

        var consolidated = Consolidation.Of(instrument, sheets);
        var result = AssessmentEvaluator.Evaluate(instrument, consolidated.Answers);

        Assert.Equal(Level.Low, result.Node("trained-staff").Level);
        Assert.Equal(["staff-trained"], consolidated.Disagreements.Select(d => d.QuestionId));
    }

    [Fact]
    public void Answers_to_different_versions_are_not_consolidated()
    {
        var old = TinyInstrument.TwoCategories("0.9");

        Assert.Throws<InstrumentVersionMismatchException>(() =>
            Consolidation.Of(Tiny, [TinyInstrument.Answers(Tiny, "a1-1=yes"), TinyInstrument.Answers(old, "a1-1=yes")]));
    }

    [Fact]
    public void Organisers_and_participants_are_not_consolidated_together()
    {
        var master = InstrumentCatalog.Load("co-master", "1.0");

        var error = Assert.Throws<ArgumentException>(() => Consolidation.Of(master,
            [TinyInstrument.Response(master, "a", "organiser", "good-facilitation=agree"), TinyInstrument.Response(master, "b", "participant", "good-facilitation=agree")]));

        Assert.Contains("different roles", error.Message);
    }
}
