using System.Globalization;

namespace Cocreo.Assessment.Tests;

public class InstrumentCatalogTests
{
    [Theory]
    [InlineData("co-ready")]
    [InlineData("co-serve")]
    [InlineData("co-master")]
    public void Every_shipped_instrument_loads_by_id_and_version(string id)
    {
        var instrument = InstrumentCatalog.Load(id, "1.0");

        Assert.Equal(id, instrument.Id);
        Assert.Equal("1.0", instrument.Version);
        Assert.Same(instrument, InstrumentCatalog.Latest(id));
    }

    [Fact]
    public void An_unknown_version_is_refused_with_the_versions_that_exist()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => InstrumentCatalog.Load("co-ready", "9.9"));

        Assert.Contains("no version 9.9", error.Message);
        Assert.Contains("1.0", error.Message);
    }

    [Fact]
    public void Co_ready_has_the_three_published_categories_with_10_8_and_7_attributes()
    {
        var instrument = InstrumentCatalog.Load("co-ready", "1.0");

        Assert.Equal(["organisational-capacity", "internal-co-creators", "context"], instrument.Root.Children.Select(c => c.Id));
        Assert.Equal([10, 8, 7], instrument.Root.Children.Select(c => c.Children.Count));
        Assert.All(instrument.Root.Children.SelectMany(c => c.Children), attribute => Assert.True(attribute.HoldsQuestions));
        Assert.NotNull(instrument.Root.Table);
        Assert.Equal("yes-no", instrument.Scale.Id);
    }

    [Fact]
    public void Every_co_ready_attribute_has_actions_and_a_good_practice_example()
    {
        var instrument = InstrumentCatalog.Load("co-ready", "1.0");

        Assert.All(instrument.Root.Children.SelectMany(c => c.Children), attribute =>
        {
            Assert.True(attribute.Actions.Count >= 2, $"{attribute.Id} has {attribute.Actions.Count} actions");
            Assert.NotNull(attribute.GoodPractice);
        });
    }

    [Fact]
    public void Co_serve_has_the_13_published_criteria_with_three_reversed()
    {
        var instrument = InstrumentCatalog.Load("co-serve", "1.0");

        Assert.Equal(["users-perspective", "organisation-perspective"], instrument.Root.Children.Select(c => c.Id));
        Assert.Equal([6, 7], instrument.Root.Children.Select(c => c.Questions.Count));
        Assert.Equal(["expert-matter", "heavily-regulated", "clear-result"], instrument.Questions.Where(q => q.Reversed).Select(q => q.Id));
    }

    [Fact]
    public void Co_master_has_two_roles_six_dimensions_and_a_five_point_agreement_scale()
    {
        var instrument = InstrumentCatalog.Load("co-master", "1.0");

        Assert.Equal(["organiser", "participant"], instrument.Roles.Select(r => r.Id));
        Assert.Equal(
            ["inclusiveness", "participation-quality", "transparency-organisation", "feedback-follow-up", "relationships-learning", "outcomes-satisfaction"],
            instrument.Root.Children.Select(c => c.Id));
        Assert.Equal(
            [Polarity.Negative, Polarity.Negative, Polarity.Neutral, Polarity.Positive, Polarity.Positive],
            instrument.Scale.Options.Select(o => o.Polarity));
        Assert.All(instrument.Root.Children, dimension =>
            Assert.All(instrument.Roles, role => Assert.Contains(dimension.Questions, q => q.AppliesTo(role.Id))));
    }

    [Fact]
    public void Co_master_words_some_statements_for_participants()
    {
        var question = InstrumentCatalog.Load("co-master", "1.0").Question("told-how-input-used");

        Assert.Equal("I was told how my contributions were used.", question.TextFor("participant").En);
        Assert.Equal("We told participants how their contributions were used.", question.TextFor("organiser").En);
        Assert.StartsWith("Obvestili so me", question.TextFor("participant").For(CultureInfo.GetCultureInfo("sl-SI")));
    }

    [Theory]
    [InlineData("co-ready")]
    [InlineData("co-serve")]
    [InlineData("co-master")]
    public void Every_text_is_given_in_English_and_in_Slovenian(string id)
    {
        var instrument = InstrumentCatalog.Load(id, "1.0");

        var texts = AllTexts(instrument).ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Text.En), $"{t.Where}: English missing");
            Assert.False(string.IsNullOrWhiteSpace(t.Text.Sl), $"{t.Where}: Slovenian missing");
            Assert.True(t.Text.En != t.Text.Sl, $"{t.Where}: the Slovenian text is a copy of the English one");
        });
        // Real Slovenian, not ASCII transliteration: the texts use č, š and ž.
        var slovenian = string.Concat(texts.Select(t => t.Text.Sl));
        Assert.Contains('č', slovenian);
        Assert.Contains('š', slovenian);
        Assert.Contains('ž', slovenian);
    }

    [Theory]
    [InlineData("co-ready", "Government Information Quarterly, 39(1)")]
    [InlineData("co-ready", "NISPAcee Journal of Public Administration and Policy, 14(1)")]
    [InlineData("co-serve", "Transforming Government: People, Process and Policy, 18(1)")]
    public void Provenance_names_the_published_model(string id, string citation)
    {
        var instrument = InstrumentCatalog.Load(id, "1.0");

        Assert.Contains(instrument.Provenance.References, r => r.Contains(citation, StringComparison.Ordinal));
    }

    [Fact]
    public void Localised_text_follows_the_culture_and_falls_back_to_English()
    {
        var text = new LocalizedText("Readiness", "Pripravljenost");

        Assert.Equal("Pripravljenost", text.For(CultureInfo.GetCultureInfo("sl")));
        Assert.Equal("Pripravljenost", text.For(CultureInfo.GetCultureInfo("sl-SI")));
        Assert.Equal("Readiness", text.For(CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("Readiness", text.For(CultureInfo.GetCultureInfo("de-DE")));
    }

    private static IEnumerable<(string Where, LocalizedText Text)> AllTexts(Instrument instrument)
    {
        yield return ("title", instrument.Title);
        yield return ("description", instrument.Description);
        yield return ("provenance.model", instrument.Provenance.Model);
        yield return ("provenance.adaptation", instrument.Provenance.Adaptation);
        yield return ("scale.note", instrument.Scale.Note);
        yield return ("defaultRule.explanation", instrument.DefaultRule.Explanation);
        foreach (var option in instrument.Scale.Options)
        {
            yield return ($"option {option.Id}", option.Label);
        }
        foreach (var (level, name) in instrument.LevelNames)
        {
            yield return ($"level {level}", name);
        }
        foreach (var role in instrument.Roles)
        {
            yield return ($"role {role.Id}", role.Name);
        }
        foreach (var node in instrument.Nodes)
        {
            yield return ($"node {node.Id}", node.Name);
            if (node.Description is not null)
            {
                yield return ($"node {node.Id} description", node.Description);
            }
            if (node.Table is not null)
            {
                yield return ($"node {node.Id} table", node.Table.Rationale);
            }
            foreach (var action in node.Actions)
            {
                yield return ($"node {node.Id} action", action);
            }
            if (node.GoodPractice is not null)
            {
                yield return ($"node {node.Id} example", node.GoodPractice);
            }
        }
        foreach (var question in instrument.Questions)
        {
            yield return ($"question {question.Id}", question.Text);
            foreach (var (role, text) in question.RoleTexts)
            {
                yield return ($"question {question.Id} for {role}", text);
            }
            if (question.Note is not null)
            {
                yield return ($"question {question.Id} note", question.Note);
            }
        }
    }
}
