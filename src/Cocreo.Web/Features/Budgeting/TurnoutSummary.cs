using System.Globalization;
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

    /// <summary>Answers as bars: share of voters, with the population's share written after it; under-represented ones highlighted.</summary>
    public static List<Bar> Bars(QuestionTurnout question, IStringLocalizer<BudgetingText> t) => question.Answers.Select(a => new Bar(
        a.Answer,
        a.Share,
        a.Share.ToString("N1", CultureInfo.CurrentCulture) + " %" + (a.PopulationShare is { } population ? " · " + t["population {0} %", population.ToString("N1", CultureInfo.CurrentCulture)] : ""),
        a.Representation is < UnderRepresented)).ToList();

    /// <summary>An answer whose share among voters is below 80 % of its share of the population.</summary>
    public const decimal UnderRepresented = 0.8m;
}
