using Cocreo.Assessment;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// Scores an assessment's finished answers with the instrument version it was answered under (never another):
/// several respondents' answers consolidated and evaluated (Co-Ready, Co-Serve), or the two roles' views compared
/// (Co-Master).
/// </summary>
public static class AssessmentScoring
{
    /// <summary>The consolidated result of everyone who finished, or null when nobody has.</summary>
    public static ConsolidatedResult? Consolidated(OrganisationAssessment assessment, Instrument instrument)
    {
        var sheets = assessment.Sheets();
        if (sheets.Count == 0)
        {
            return null;
        }
        var consolidation = Consolidation.Of(instrument, sheets);
        return new ConsolidatedResult(AssessmentEvaluator.Evaluate(instrument, consolidation.Answers), consolidation);
    }

    /// <summary>The quality report of an instrument with two roles (Co-Master), from everyone who finished.</summary>
    public static QualityReport Quality(OrganisationAssessment assessment, Instrument instrument) =>
        QualityGaps.Between(instrument, assessment.Sheets());

    /// <summary>True for instruments answered in two roles and reported as quality gaps (Co-Master).</summary>
    public static bool ComparesRoles(Instrument instrument) => instrument.Roles.Count == 2;

    /// <summary>True for instruments whose attributes carry actions, so a roadmap can be drawn (Co-Ready).</summary>
    public static bool HasRoadmap(Instrument instrument) => instrument.Nodes.Any(n => n.Actions.Count > 0);

    /// <summary>
    /// The finished answer sheets that may leave the page: for instruments with roles, only those of roles with enough
    /// respondents for their results to be shown, so an export cannot single out the few who answered.
    /// </summary>
    public static List<AnswerSheet> ExportableSheets(OrganisationAssessment assessment, Instrument instrument)
    {
        var sheets = assessment.Sheets();
        if (instrument.Roles.Count == 0)
        {
            return sheets;
        }
        var minimum = QualityGapOptions.Default.MinimumResponses;
        return sheets.GroupBy(s => s.Role).Where(g => g.Count() >= minimum).SelectMany(g => g).ToList();
    }
}

/// <summary>Several respondents' answers consolidated, and the result they score.</summary>
public sealed record ConsolidatedResult(AssessmentResult Result, ConsolidatedAnswers Consolidation);
