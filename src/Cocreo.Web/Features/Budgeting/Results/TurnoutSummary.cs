using System.Globalization;
using Cocreo.Web.Platform.Charts;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The text summary of a question's representativeness, for the chart's description.</summary>
public static class TurnoutSummary
{
    public static string Describe(QuestionTurnout question, IStringLocalizer<BudgetingText> t)
    {
        var under = question.Answers.Where(a => a.Representation is < UnderRepresented).Select(a => a.Answer).ToList();
        var over = question.Answers.Where(a => a.Representation is > 1.25m).Select(a => a.Answer).ToList();
        var parts = question.Answers.Select(a => $"{a.Answer}: {a.Share.ToString("N1", CultureInfo.CurrentCulture)} %");
        return t["Share of voters per answer: {0}. Under-represented: {1}. Over-represented: {2}.",
            string.Join("; ", parts),
            under.Count == 0 ? t["none"] : string.Join(", ", under),
            over.Count == 0 ? t["none"] : string.Join(", ", over)];
    }

    /// <summary>
    /// The answers as bars: each answer's share of voters, against its share of the population (the reference);
    /// under-represented answers highlighted. The table adds the count of voters and the representation ratio.
    /// </summary>
    public static BarChart Chart(string id, QuestionTurnout question, IStringLocalizer<BudgetingText> t)
    {
        var culture = CultureInfo.CurrentCulture;
        var description = t["Share of voters per answer. Solid bars: answers under-represented among voters (below 80 % of their share of the population); hatched bars: the others."] + " " + Describe(question, t);
        return new BarChart(id, t["Voters per answer: {0}", question.Question], description, question.Answers.Select(a => new Bar(
            a.Answer, (double)a.Share, a.Representation is < UnderRepresented, (double?)a.PopulationShare) { Language = a.Language }).ToList())
        {
            LabelHeader = t["Answer"],
            ValueName = t["Share of voters"],
            Format = new ValueFormat("N1", Suffix: " %"),
            HighlightedName = t["Under-represented"],
            OtherName = t["Others"],
            ReferenceName = t["Share of the population"],
            ReferenceLabel = t["population"],
            Missing = t["not known"],
            TableColumns =
            [
                new TableColumn(t["Voters"], question.Answers.Select(a => a.Ballots.ToString("N0", culture)).ToList(), First: true),
                new TableColumn(t["Representation"], question.Answers.Select(a => a.Representation?.ToString("N2", culture) ?? t["not known"]).ToList()),
            ],
        };
    }

    /// <summary>An answer whose share among voters is below 80 % of its share of the population.</summary>
    public const decimal UnderRepresented = 0.8m;
}
