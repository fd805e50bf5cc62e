namespace Cocreo.Assessment.Tests;

public class EvaluatorTests
{
    private static readonly Instrument Tiny = TinyInstrument.TwoCategories();

    [Theory]
    [InlineData(0, Level.Low)]
    [InlineData(1, Level.Medium)] // exactly 1/3 reaches medium
    [InlineData(2, Level.High)]   // exactly 2/3 reaches high
    [InlineData(3, Level.High)]
    public void A_node_of_questions_takes_its_level_from_the_share_of_positive_answers(int yes, Level expected)
    {
        var answers = Enumerable.Range(1, 3).Select(i => $"a1-{i}={(i <= yes ? "yes" : "no")}").ToArray();

        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.Answers(Tiny, answers));

        Assert.Equal(expected, result.Node("a1").Level);
        Assert.Equal(new Ratio(yes, 3), result.Node("a1").Score);
    }

    [Fact]
    public void A_reversed_question_counts_no_as_the_favourable_answer()
    {
        var yes = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.Answers(Tiny, "b1-1=yes", "b1-2=yes"));
        var no = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.Answers(Tiny, "b1-1=no", "b1-2=yes"));

        Assert.Equal(Level.Medium, yes.Node("b1").Level);
        Assert.Equal(Polarity.Negative, yes.Questions.Single(q => q.QuestionId == "b1-1").Effect);
        Assert.Equal(Level.High, no.Node("b1").Level);
        Assert.Equal(Polarity.Positive, no.Questions.Single(q => q.QuestionId == "b1-1").Effect);
    }

    [Fact]
    public void An_unanswered_question_is_reported_and_not_counted_as_no()
    {
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "a2-2="));

        Assert.Equal(["a2-2"], result.Unanswered);
        var a2 = result.Node("a2");
        Assert.Equal(Level.High, a2.Level); // 1 of 1 answered is positive; as a "no" it would be medium
        Assert.Equal(Evaluation.Partial, a2.Evaluation);
        Assert.Equal((2, 1), (a2.Inputs, a2.EvaluatedInputs));
        Assert.Equal(Evaluation.Partial, result.Node("cat-a").Evaluation);
        Assert.Equal(Evaluation.Partial, result.Overall.Evaluation);
        Assert.Equal(Level.High, result.Overall.Level);
    }

    [Fact]
    public void A_node_with_fewer_than_half_of_its_questions_answered_is_not_evaluable()
    {
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "a1-1=", "a1-2="));

        var a1 = result.Node("a1");
        Assert.Null(a1.Level);
        Assert.Null(a1.Score);
        Assert.Equal(Evaluation.NotEvaluable, a1.Evaluation);
        // The default rule of the category uses the attributes that have a level (1 of 2 reaches the minimum share)...
        Assert.Equal(Level.High, result.Node("cat-a").Level);
        Assert.Equal(Evaluation.Partial, result.Node("cat-a").Evaluation);
    }

    [Fact]
    public void A_decision_table_without_every_childs_level_gives_no_level()
    {
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "b1-1=", "b1-2="));

        Assert.Equal(Evaluation.NotEvaluable, result.Node("cat-b").Evaluation);
        Assert.Null(result.Overall.Level);
        Assert.Equal(Evaluation.NotEvaluable, result.Overall.Evaluation);
        Assert.Equal(["b1-1", "b1-2"], result.Unanswered);
    }

    [Fact]
    public void A_node_of_child_nodes_without_a_table_averages_their_levels()
    {
        // a1 high (1), a2 low (0): the mean 1/2 is medium.
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "a2-1=no", "a2-2=no"));

        Assert.Equal(Level.Low, result.Node("a2").Level);
        Assert.Equal(new Ratio(1, 2), result.Node("cat-a").Score);
        Assert.Equal(Level.Medium, result.Node("cat-a").Level);
        Assert.Equal(Level.Medium, result.Overall.Level); // the table: medium and high give medium
    }

    [Theory]
    [InlineData("low", "low", "low", "low")]
    [InlineData("low", "high", "high", "medium")]
    [InlineData("low", "medium", "high", "medium")]
    [InlineData("low", "medium", "medium", "low")]
    [InlineData("medium", "medium", "medium", "medium")]
    [InlineData("medium", "medium", "high", "medium")]
    [InlineData("high", "high", "low", "medium")]
    [InlineData("high", "high", "medium", "high")]
    [InlineData("medium", "high", "high", "high")]
    [InlineData("high", "high", "high", "high")]
    public void Co_ready_combines_its_three_categories_by_its_decision_table(string capacity, string cocreators, string context, string overall)
    {
        var table = InstrumentCatalog.Load("co-ready", "1.0").Root.Table!;

        var level = table.Lookup([Parse(capacity), Parse(cocreators), Parse(context)]);

        Assert.Equal(Parse(overall), level);
    }

    [Theory]
    [InlineData("low", "high", "low")]
    [InlineData("high", "low", "low")]
    [InlineData("medium", "high", "medium")]
    [InlineData("high", "medium", "medium")]
    [InlineData("high", "high", "high")]
    public void Co_serve_needs_both_perspectives_for_high_suitability(string users, string organisation, string suitability)
    {
        var table = InstrumentCatalog.Load("co-serve", "1.0").Root.Table!;

        Assert.Equal(Parse(suitability), table.Lookup([Parse(users), Parse(organisation)]));
    }

    [Fact]
    public void Co_ready_scored_end_to_end_gives_category_and_overall_levels()
    {
        var instrument = InstrumentCatalog.Load("co-ready", "1.0");
        var context = instrument.Node("context").Children.SelectMany(a => a.Questions).Select(q => $"{q.Id}=no").ToArray();

        var result = AssessmentEvaluator.Evaluate(instrument, TinyInstrument.AllFavourable(instrument, context));

        Assert.Equal(Level.High, result.Node("organisational-capacity").Level);
        Assert.Equal(Level.High, result.Node("internal-co-creators").Level);
        Assert.Equal(Level.Low, result.Node("context").Level);
        Assert.Equal(Level.Medium, result.Overall.Level);
        Assert.Empty(result.Unanswered);
        Assert.Equal("co-ready", result.InstrumentId);
        Assert.Equal("1.0", result.InstrumentVersion);
    }

    [Fact]
    public void A_single_answer_that_would_raise_a_node_is_suggested_with_its_effect_on_the_overall_level()
    {
        // b1 answered unfavourably twice: b1 low, category b low, overall low.
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "b1-1=yes", "b1-2=no"));

        var raises = result.RaisesOf("b1").ToList();
        Assert.Equal(2, raises.Count);
        Assert.Contains(raises, r => r.Change == new AnswerChange("b1-1", "yes", "no")); // reversed: "no" is favourable
        Assert.Contains(raises, r => r.Change == new AnswerChange("b1-2", "no", "yes"));
        Assert.All(raises, r => Assert.Equal((Level.Low, Level.Medium), (r.LevelBefore, r.LevelAfter)));
        Assert.All(raises, r => Assert.Equal((Level.Low, Level.Medium), (r.OverallBefore!.Value, r.OverallAfter!.Value)));
    }

    [Fact]
    public void A_child_one_level_higher_is_suggested_when_it_raises_its_parent()
    {
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "b1-1=yes", "b1-2=no"));

        var overall = Assert.Single(result.RaisesOf("overall"));
        Assert.Equal(new LevelChange("cat-b", Level.Low, Level.Medium), overall.Change);
        Assert.Equal(Level.Medium, overall.LevelAfter);
        // cat-a is already high: nothing to raise there, and no raise for a node already at the top.
        Assert.Empty(result.RaisesOf("cat-a"));
    }

    [Fact]
    public void Raise_suggestions_that_lift_the_overall_level_come_first()
    {
        // a2 low (cat-a medium) and b1 low (cat-b low): overall low. Only raising b1/cat-b lifts the overall level.
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "a2-1=no", "a2-2=no", "b1-1=yes", "b1-2=no"));

        Assert.Equal(Level.Low, result.Overall.Level);
        var gains = result.Raises.Select(r => r.OverallGain).ToList();
        Assert.Equal(gains.OrderByDescending(g => g), gains);
        Assert.True(result.Raises[0].OverallGain > 0);
        Assert.Contains(result.Raises, r => r.NodeId == "a2" && r.OverallGain == 0);
        Assert.Equal("b1", result.Raises.First(r => r.Change is AnswerChange).NodeId);
    }

    [Fact]
    public void Unanswered_questions_are_not_offered_as_changes()
    {
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "a1-1=", "a1-2=no", "a1-3=no"));

        Assert.DoesNotContain(result.Raises, r => r.Change.InputId == "a1-1");
        Assert.Contains(result.Raises, r => r.Change.InputId == "a1-2");
    }

    [Fact]
    public void Answers_given_to_another_version_are_refused_not_re_scored()
    {
        var old = AnswerSheet.For(TinyInstrument.TwoCategories("0.9")).With("a1-1", "yes");

        var error = Assert.Throws<InstrumentVersionMismatchException>(() => AssessmentEvaluator.Evaluate(Tiny, old));

        Assert.Equal(("0.9", "1.0"), (error.ActualVersion, error.ExpectedVersion));
        Assert.Contains("version 0.9", error.Message);
        Assert.Contains("never re-scored", error.Message);
    }

    [Fact]
    public void Answers_to_another_instrument_are_refused()
    {
        var serve = AnswerSheet.For(InstrumentCatalog.Load("co-serve", "1.0"));

        Assert.Throws<InstrumentVersionMismatchException>(() => AssessmentEvaluator.Evaluate(InstrumentCatalog.Load("co-ready", "1.0"), serve));
    }

    [Theory]
    [InlineData("no-such-question", "yes", "does not have")]
    [InlineData("a1-1", "maybe", "the answers are no, yes")]
    public void An_answer_that_does_not_fit_the_instrument_is_refused_by_name(string question, string answer, string message)
    {
        var sheet = AnswerSheet.For(Tiny).With(question, answer);

        var error = Assert.Throws<AnswerSheetException>(() => AssessmentEvaluator.Evaluate(Tiny, sheet));

        Assert.Contains(question, error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_role_answers_only_the_questions_it_is_asked()
    {
        var master = InstrumentCatalog.Load("co-master", "1.0");
        var organiser = TinyInstrument.Response(master, "o1", "organiser", "felt-respected=agree");

        var error = Assert.Throws<AnswerSheetException>(() => AssessmentEvaluator.Evaluate(master, organiser));

        Assert.Contains("felt-respected", error.Message);
        Assert.Contains("organiser", error.Message);
    }

    [Fact]
    public void An_instrument_with_roles_needs_the_respondents_role()
    {
        var master = InstrumentCatalog.Load("co-master", "1.0");

        var error = Assert.Throws<AnswerSheetException>(() => AssessmentEvaluator.Evaluate(master, AnswerSheet.For(master)));

        Assert.Contains("organiser, participant", error.Message);
    }

    [Fact]
    public void Questions_a_role_is_not_asked_are_neither_counted_nor_reported_unanswered()
    {
        var master = InstrumentCatalog.Load("co-master", "1.0");
        var sheet = AnswerSheet.For(master, role: "organiser");
        foreach (var question in master.Questions.Where(q => q.AppliesTo("organiser")))
        {
            sheet = sheet.With(question.Id, question.Reversed ? "disagree" : "agree");
        }

        var result = AssessmentEvaluator.Evaluate(master, sheet);

        Assert.Empty(result.Unanswered);
        Assert.False(result.Questions.Single(q => q.QuestionId == "felt-respected").Asked);
        Assert.Equal(Evaluation.Complete, result.Node("participation-quality").Evaluation);
        Assert.Equal(3, result.Node("participation-quality").Inputs);
        Assert.Equal(Level.High, result.Overall.Level);
    }

    [Fact]
    public void On_the_agreement_scale_neutral_counts_as_answered_but_not_positive()
    {
        var master = InstrumentCatalog.Load("co-master", "1.0");
        var sheet = TinyInstrument.Response(master, "p1", "participant",
            "good-facilitation=neutral", "clear-goals-roles-timeline=neutral", "enough-time-resources=strongly-agree");

        var result = AssessmentEvaluator.Evaluate(master, sheet);

        Assert.Equal(new Ratio(1, 3), result.Node("transparency-organisation").Score);
        // The smallest change of mind that helps: "neither" to "agree", not to "strongly agree".
        Assert.Contains(result.Raises, r => r.Change == new AnswerChange("good-facilitation", "neutral", "agree"));
    }

    private static Level Parse(string level) => Levels.TryParse(level, out var l) ? l : throw new ArgumentException(level);
}
