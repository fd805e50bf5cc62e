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

    /// <summary>
    /// What completing an assessment records: the result as JSON, and the short summary the public log shows. An
    /// assessment scored by consolidation (Co-Ready) needs someone to have finished; a quality report (Co-Master) puts
    /// in the log only what it shows, so groups too small to show stay without numbers.
    /// </summary>
    /// <exception cref="AssessmentRuleException">Nobody has finished answering an assessment scored by consolidation.</exception>
    public static Completion Completion(OrganisationAssessment assessment, Instrument instrument)
    {
        if (ComparesRoles(instrument))
        {
            var report = Quality(assessment, instrument);
            return new Completion(AssessmentJson.Write(report), new
            {
                responses = report.Roles.ToDictionary(r => r.RoleId, r => r.Responses),
                overall = report.Roles.Where(r => !r.Suppressed).ToDictionary(r => r.RoleId, r => r.OverallLevel?.Name()),
            });
        }
        var scored = Consolidated(assessment, instrument) ?? throw new AssessmentRuleException("NoFinishedAnswers");
        return new Completion(AssessmentJson.Write(scored.Result), null);
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

/// <summary>What completing records: the result as JSON, and the short summary the public log shows.</summary>
public sealed record Completion(string ResultJson, object? LogSummary);

/// <summary>Several respondents' answers consolidated, and the result they score.</summary>
public sealed record ConsolidatedResult(AssessmentResult Result, ConsolidatedAnswers Consolidation);
