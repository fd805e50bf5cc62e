namespace Cocreo.Assessment.Tests;

public class InstrumentFormatTests
{
    private const string Name = """ "name": { "en": "Node", "sl": "Vozlišče" } """;

    [Fact]
    public void A_missing_slovenian_text_is_named_with_its_place()
    {
        var root = $$"""{ "id": "root", {{Name}}, "questions": [ { "id": "q1", "text": { "en": "Question?", "sl": " " } } ] }""";

        var error = Assert.Throws<InstrumentFormatException>(() => TinyInstrument.Parse(root));

        Assert.Contains("tiny.json", error.Message);
        Assert.Contains("questions[0] 'q1'.text.sl: the Slovenian text is empty", error.Message);
    }

    [Fact]
    public void A_misspelt_property_is_refused_with_its_line()
    {
        var root = $$"""
            { "id": "root", {{Name}},
              "questions": [ { "id": "q1", "text": { "en": "Q?", "sl": "V?" }, "reverse": true } ] }
            """;

        var error = Assert.Throws<InstrumentFormatException>(() => TinyInstrument.Parse(root));

        Assert.Contains("reverse", error.Message);
        Assert.Matches(@"line \d+", error.Message);
    }

    [Fact]
    public void Two_questions_with_one_id_are_refused()
    {
        var root = $$"""{ "id": "root", {{Name}}, "questions": [ {{TinyInstrument.Q("q1")}}, {{TinyInstrument.Q("q1")}} ] }""";

        var error = Assert.Throws<InstrumentFormatException>(() => TinyInstrument.Parse(root));

        Assert.Contains("questions[1] 'q1': another question has the same id", error.Message);
    }

    [Fact]
    public void A_node_holds_either_children_or_questions()
    {
        var root = $$"""
            { "id": "root", {{Name}}, "questions": [ {{TinyInstrument.Q("q1")}} ],
              "children": [ { "id": "child", {{Name}}, "questions": [ {{TinyInstrument.Q("q2")}} ] } ] }
            """;

        var error = Assert.Throws<InstrumentFormatException>(() => TinyInstrument.Parse(root));

        Assert.Contains("either child nodes or questions", error.Message);
    }

    [Fact]
    public void A_decision_table_that_leaves_combinations_open_is_refused()
    {
        var error = Assert.Throws<InstrumentFormatException>(() => TableOverTwo("""
            { "when": ["low", "*"], "then": "low" },
            { "when": ["high", "high"], "then": "high" }
            """));

        Assert.Contains("does not say what the level is for", error.Message);
        Assert.Contains("(medium, low)", error.Message);
    }

    [Fact]
    public void Decision_rules_that_contradict_each_other_are_refused()
    {
        var error = Assert.Throws<InstrumentFormatException>(() => TableOverTwo("""
            { "when": ["*", "*"], "then": "medium" },
            { "when": ["high", "high"], "then": "high" }
            """));

        Assert.Contains("rules 1 and 2 disagree on (high, high)", error.Message);
    }

    [Fact]
    public void A_decision_table_in_which_a_better_child_makes_the_parent_worse_is_refused()
    {
        var error = Assert.Throws<InstrumentFormatException>(() => TableOverTwo("""
            { "when": ["low", "*"], "then": "high" },
            { "when": [">=medium", "*"], "then": "low" }
            """));

        Assert.Contains("not monotone", error.Message);
    }

    [Fact]
    public void A_rule_with_the_wrong_number_of_conditions_is_refused()
    {
        var error = Assert.Throws<InstrumentFormatException>(() => TableOverTwo("""{ "when": ["*"], "then": "low" }"""));

        Assert.Contains("rule 1 has 1 conditions but the node has 2 children", error.Message);
    }

    [Fact]
    public void Thresholds_must_rise_from_medium_to_high()
    {
        var document = TinyInstrument.Document($$"""{ "id": "root", {{Name}}, "questions": [ {{TinyInstrument.Q("q1")}} ] }""")
            .Replace("\"mediumFrom\": \"1/3\", \"highFrom\": \"2/3\"", "\"mediumFrom\": \"2/3\", \"highFrom\": \"1/3\"", StringComparison.Ordinal);

        var error = Assert.Throws<InstrumentFormatException>(() => Instrument.Parse(document, "tiny.json"));

        Assert.Contains("0 < mediumFrom < highFrom <= 1", error.Message);
    }

    [Fact]
    public void A_fraction_that_is_not_one_is_refused_with_how_to_write_it()
    {
        var document = TinyInstrument.Document($$"""{ "id": "root", {{Name}}, "questions": [ {{TinyInstrument.Q("q1")}} ] }""")
            .Replace("\"1/3\"", "\"a third\"", StringComparison.Ordinal);

        var error = Assert.Throws<InstrumentFormatException>(() => Instrument.Parse(document, "tiny.json"));

        Assert.Contains("'a third' is not a fraction", error.Message);
    }

    [Fact]
    public void Answer_options_must_run_from_unfavourable_to_favourable()
    {
        var scale = """
            { "id": "yes-no", "note": { "en": "n", "sl": "o" }, "options": [
              { "id": "yes", "label": { "en": "Yes", "sl": "Da" }, "polarity": "positive" },
              { "id": "no", "label": { "en": "No", "sl": "Ne" }, "polarity": "negative" } ] }
            """;

        var error = Assert.Throws<InstrumentFormatException>(() =>
            TinyInstrument.Parse($$"""{ "id": "root", {{Name}}, "questions": [ {{TinyInstrument.Q("q1")}} ] }""", scale));

        Assert.Contains("least to the most favourable", error.Message);
    }

    [Fact]
    public void A_question_for_an_undeclared_role_is_refused()
    {
        var root = $$"""
            { "id": "root", {{Name}}, "questions": [ { "id": "q1", "text": { "en": "Q?", "sl": "V?" }, "roles": ["mayor"] } ] }
            """;

        var error = Assert.Throws<InstrumentFormatException>(() => TinyInstrument.Parse(root));

        Assert.Contains("'mayor' is not one of the instrument's roles", error.Message);
    }

    [Fact]
    public void Wildcards_in_a_decision_table_are_expanded_to_every_combination()
    {
        var instrument = TableOverTwo("""
            { "when": ["low", "*"], "then": "low" },
            { "when": [">=medium", "<=medium"], "then": "medium" },
            { "when": [">=medium", "high"], "then": "high" }
            """);

        var table = instrument.Root.Table!;

        Assert.Equal(9, table.Entries().Count);
        Assert.Equal(Level.Low, table.Lookup([Level.Low, Level.High]));
        Assert.Equal(Level.Medium, table.Lookup([Level.High, Level.Low]));
        Assert.Equal(Level.High, table.Lookup([Level.Medium, Level.High]));
        Assert.Equal(3, table.Rules.Count);
    }

    private static Instrument TableOverTwo(string rules) => TinyInstrument.Parse($$"""
        { "id": "root", {{Name}},
          "table": { "rationale": { "en": "Test.", "sl": "Preskus." }, "rules": [ {{rules}} ] },
          "children": [
            { "id": "left", {{Name}}, "questions": [ {{TinyInstrument.Q("q1")}} ] },
            { "id": "right", {{Name}}, "questions": [ {{TinyInstrument.Q("q2")}} ] } ] }
        """);
}
