using System.Globalization;
using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Tests.Shared;

/// <summary>The CLDR plural rules of English and Slovenian and the plural messages built on them.</summary>
public sealed class PluralTests
{
    [Theory]
    [InlineData("en", "1", PluralCategory.One)]
    [InlineData("en", "0", PluralCategory.Other)]
    [InlineData("en", "2", PluralCategory.Other)]
    [InlineData("en", "1.0", PluralCategory.Other)]
    [InlineData("en", "101", PluralCategory.Other)]
    [InlineData("sl", "1", PluralCategory.One)]
    [InlineData("sl", "101", PluralCategory.One)]
    [InlineData("sl", "2", PluralCategory.Two)]
    [InlineData("sl", "202", PluralCategory.Two)]
    [InlineData("sl", "3", PluralCategory.Few)]
    [InlineData("sl", "4", PluralCategory.Few)]
    [InlineData("sl", "104", PluralCategory.Few)]
    [InlineData("sl", "1.5", PluralCategory.Few)]
    [InlineData("sl", "0", PluralCategory.Other)]
    [InlineData("sl", "5", PluralCategory.Other)]
    [InlineData("sl", "11", PluralCategory.Other)]
    [InlineData("sl", "12", PluralCategory.Other)]
    [InlineData("sl", "111", PluralCategory.Other)]
    public void Numbers_fall_in_the_CLDR_category(string language, string number, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Of(language, decimal.Parse(number, CultureInfo.InvariantCulture)));

    /// <summary>
    /// The hand-written rules agree with ICU's own (ICU4N, the .NET port of ICU4J, with CLDR's data) for every language
    /// the platform offers, on every whole number up to 10,000 and on numbers with a fraction.
    /// </summary>
    [Fact]
    public void The_rules_agree_with_ICU_for_every_language_of_the_platform()
    {
        var disagreements = new List<string>();
        foreach (var language in Cultures.Codes)
        {
            var icu = ICU4N.Text.PluralRules.GetInstance(language);
            var numbers = Enumerable.Range(0, 10_001).Select(n => (decimal)n)
                .Concat([0.5m, 1.5m, 2.25m, 3.7m, 4.1m, 5.5m, 100.5m, 101.25m]);
            foreach (var number in numbers)
            {
                var ours = PluralRules.Of(language, number).ToString().ToLowerInvariant();
                var theirs = icu.Select((double)number);
                if (ours != theirs)
                {
                    disagreements.Add($"{language} {number}: ours {ours}, ICU {theirs}");
                }
            }
        }
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(20)));
    }

    private const string Slovenian = "Javni dnevnik ({0, plural, one {# vnos} two {# vnosa} few {# vnosi} other {# vnosov}})";

    [Theory]
    [InlineData(1, "Javni dnevnik (1 vnos)")]
    [InlineData(2, "Javni dnevnik (2 vnosa)")]
    [InlineData(3, "Javni dnevnik (3 vnosi)")]
    [InlineData(5, "Javni dnevnik (5 vnosov)")]
    [InlineData(101, "Javni dnevnik (101 vnos)")]
    [InlineData(1234, "Javni dnevnik (1234 vnosov)")]
    public void A_Slovenian_message_takes_the_form_of_its_number(int count, string expected) =>
        Assert.Equal(expected, PluralMessage.Format(Cultures.Formatting("sl"), Slovenian, count));

    [Fact]
    public void An_English_message_has_one_and_other_and_keeps_other_placeholders()
    {
        const string pattern = "Last signed checkpoint: {0}, covering {1, plural, one {# entry} other {# entries}}.";
        Assert.Equal("Last signed checkpoint: today, covering 1 entry.", PluralMessage.Format(Cultures.Formatting("en"), pattern, "today", 1));
        Assert.Equal("Last signed checkpoint: today, covering 12000 entries.", PluralMessage.Format(Cultures.Formatting("en"), pattern, "today", 12_000));
    }

    [Fact]
    public void An_exact_branch_wins_and_placeholders_work_inside_branches()
    {
        const string pattern = "{0, plural, =0 {Nobody yet} one {# person in {1}} other {# people in {1}}}";
        Assert.Equal("Nobody yet", PluralMessage.Format(Cultures.Formatting("en"), pattern, 0, "Brezje"));
        Assert.Equal("1 person in Brezje", PluralMessage.Format(Cultures.Formatting("en"), pattern, 1, "Brezje"));
        Assert.Equal("7 people in Brezje", PluralMessage.Format(Cultures.Formatting("en"), pattern, 7, "Brezje"));
    }

    [Fact]
    public void The_branches_of_a_message_are_listed_for_checking_translations() =>
        Assert.Equal(["one", "two", "few", "other"], PluralMessage.Branches(Slovenian).Single());

    [Fact]
    public void A_broken_pattern_is_a_format_error_not_a_crash_elsewhere() =>
        Assert.Throws<FormatException>(() => PluralMessage.Format(Cultures.Formatting("en"), "{0, plural, one {# entry}", 3));
}
