using System.Globalization;

namespace Cocreo.Assessment.Tests;

public class RoadmapTests
{
    private static readonly Instrument Tiny = TinyInstrument.TwoCategories();
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Slovenian = CultureInfo.GetCultureInfo("sl-SI");

    [Fact]
    public void Only_attributes_below_high_are_on_the_roadmap()
    {
        // a1 at 2/3 is still high; a2 at 1/2 is medium.
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "a1-1=no", "a2-1=no"));

        var roadmap = Roadmap.For(result, Tiny, English);

        var step = Assert.Single(roadmap.Steps);
        Assert.Equal(("a2", Level.Medium), (step.AttributeId, step.Level));
    }

    [Fact]
    public void Nothing_is_on_the_roadmap_when_every_attribute_is_high()
    {
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny));

        Assert.Empty(Roadmap.For(result, Tiny, English).Steps);
    }

    [Fact]
    public void The_attribute_whose_fixing_raises_the_overall_level_comes_first_whatever_its_category()
    {
        // a2 low (category A medium) and b1 low (category B low): the worse category decides, so only fixing b1 lifts the overall level.
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "a2-1=no", "a2-2=no", "b1-1=yes", "b1-2=no"));

        var roadmap = Roadmap.For(result, Tiny, English);

        Assert.Equal(["b1", "a2"], roadmap.Steps.Select(s => s.AttributeId));
        Assert.Equal([1, 2], roadmap.Steps.Select(s => s.Order));
        var b1 = roadmap.Steps[0];
        Assert.Equal((Level.Low, Level.Medium, 1), (roadmap.OverallLevel!.Value, b1.OverallLevelIfFixed!.Value, b1.OverallGain));
        Assert.Equal(0, roadmap.Steps[1].OverallGain);
    }

    [Fact]
    public void Equal_gains_keep_the_category_order_even_when_a_later_attribute_is_weaker()
    {
        var instrument = InstrumentCatalog.Load("co-ready", "1.0");
        // One medium attribute in capacity, one low in context: every category stays high, so no fix changes anything.
        var result = AssessmentEvaluator.Evaluate(instrument,
            TinyInstrument.AllFavourable(instrument, "strategy-goals=no", "citizens-able=no", "citizens-willing=no"));
        Assert.Equal(Level.High, result.Overall.Level);

        var roadmap = Roadmap.For(result, instrument, English);

        Assert.Equal(["strategy", "citizens-able-willing"], roadmap.Steps.Select(s => s.AttributeId));
        Assert.Equal([Level.Medium, Level.Low], roadmap.Steps.Select(s => s.Level));
        Assert.All(roadmap.Steps, s => Assert.Equal((0, 0), (s.OverallGain, s.ParentGain)));
    }

    [Fact]
    public void A_step_carries_the_unfavourable_questions_its_actions_and_example_in_the_culture_asked()
    {
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "b1-1=yes"));

        var step = Assert.Single(Roadmap.For(result, Tiny, Slovenian).Steps);

        Assert.Equal("B ena", step.Attribute);
        Assert.Equal("Kategorija B", step.Parent);
        Assert.Equal(["Vprašanje b1-1?"], step.Gaps);
        Assert.Equal(["Naredi b1"], step.Actions);
        Assert.Equal("Primer b1", step.GoodPractice);
    }

    [Fact]
    public void Attributes_without_enough_answers_are_listed_as_not_assessed()
    {
        var result = AssessmentEvaluator.Evaluate(Tiny, TinyInstrument.AllFavourable(Tiny, "a2-1=", "a2-2="));

        var roadmap = Roadmap.For(result, Tiny, English);

        Assert.Equal(["a2"], roadmap.NotAssessed);
        Assert.Empty(roadmap.Steps);
    }

    [Fact]
    public void Co_ready_roadmap_puts_context_first_when_context_alone_holds_the_overall_level_down()
    {
        var instrument = InstrumentCatalog.Load("co-ready", "1.0");
        // Capacity high with one medium attribute; co-creators high; context low (2 of 7 attributes high):
        // high, high and low make medium overall, and one more context attribute fixed makes context medium and the whole high.
        var context = instrument.Node("context").Children.Skip(2).SelectMany(a => a.Questions).Select(q => $"{q.Id}=no");
        var result = AssessmentEvaluator.Evaluate(instrument, TinyInstrument.AllFavourable(instrument, ["strategy-goals=no", .. context]));
        Assert.Equal((Level.High, Level.Low, Level.Medium),
            (result.Node("organisational-capacity").Level!.Value, result.Node("context").Level!.Value, result.Overall.Level!.Value));

        var roadmap = Roadmap.For(result, instrument, English);

        Assert.Equal(
            ["civil-society-partners", "citizens-trust", "citizens-able-willing", "non-hierarchical-tradition", "international-initiatives", "strategy"],
            roadmap.Steps.Select(s => s.AttributeId));
        Assert.All(roadmap.Steps.Take(5), s => Assert.Equal((1, 1, Level.High), (s.OverallGain, s.ParentGain, s.OverallLevelIfFixed!.Value)));
        Assert.Equal((0, 0), (roadmap.Steps[5].OverallGain, roadmap.Steps[5].ParentGain));
        Assert.All(roadmap.Steps, s => Assert.True(s.Actions.Count >= 2 && !string.IsNullOrWhiteSpace(s.GoodPractice)));
    }

    [Fact]
    public void A_result_of_another_version_is_refused()
    {
        var old = TinyInstrument.TwoCategories("0.9");
        var result = AssessmentEvaluator.Evaluate(old, TinyInstrument.AllFavourable(old));

        Assert.Throws<InstrumentVersionMismatchException>(() => Roadmap.For(result, Tiny, English));
    }
}
