using System.Globalization;
using System.Text;
using Cocreo.Assessment;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// Exports of an assessment for its organisation under <c>/api/v1/assessments/{id}</c>: answers and results as CSV
/// and JSON. Respondents appear only as pseudonyms (R1, R2, …); every file names the instrument version.
/// </summary>
public static class AssessmentsApi
{
    // Spreadsheet programs read UTF-8 without a byte order mark as their local code page and garble č, š and ž.
    private static readonly Encoding Utf8WithMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static RouteGroupBuilder MapAssessmentsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/assessments/{id:int}").WithTags("Assessments");
        api.MapGet("/answers.csv", AnswersCsv).WithName("ExportAssessmentAnswersCsv").WithSummary("Finished answers, one row per respondent and question.");
        api.MapGet("/answers.json", AnswersJson).WithName("ExportAssessmentAnswersJson").WithSummary("Finished answers, one sheet per respondent.");
        api.MapGet("/result.csv", ResultCsv).WithName("ExportAssessmentResultCsv").WithSummary("The result, one row per node (Co-Master: per dimension and role).");
        api.MapGet("/result.json", ResultJson).WithName("ExportAssessmentResultJson").WithSummary("The result with the spread of answers and, for Co-Ready, the roadmap.");
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AnswersCsv(int id, HttpContext http, AssessmentAccessReader access, CancellationToken cancellationToken) =>
        await ExportAsync(id, http, access, (assessment, instrument) =>
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            AssessmentCsv.WriteAnswers(writer, AssessmentScoring.ExportableSheets(assessment, instrument));
            return Csv(writer.ToString(), $"assessment-{id}-answers.csv");
        }, cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AnswersJson(int id, HttpContext http, AssessmentAccessReader access, CancellationToken cancellationToken) =>
        await ExportAsync(id, http, access, (assessment, instrument) =>
            Json(new { assessment = Header(assessment), sheets = AssessmentScoring.ExportableSheets(assessment, instrument) }, $"assessment-{id}-answers.json"),
            cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ResultCsv(int id, HttpContext http, AssessmentAccessReader access, CancellationToken cancellationToken) =>
        await ExportAsync(id, http, access, (assessment, instrument) =>
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            if (AssessmentScoring.ComparesRoles(instrument))
            {
                AssessmentCsv.WriteQuality(writer, AssessmentScoring.Quality(assessment, instrument), instrument, CultureInfo.CurrentUICulture);
            }
            else if (AssessmentScoring.Consolidated(assessment, instrument) is { } scored)
            {
                AssessmentCsv.WriteResult(writer, scored.Result, instrument, CultureInfo.CurrentUICulture);
            }
            else
            {
                return null;
            }
            return Csv(writer.ToString(), $"assessment-{id}-result.csv");
        }, cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ResultJson(int id, HttpContext http, AssessmentAccessReader access, CancellationToken cancellationToken) =>
        await ExportAsync(id, http, access, (assessment, instrument) =>
        {
            if (AssessmentScoring.ComparesRoles(instrument))
            {
                return Json(new { assessment = Header(assessment), report = AssessmentScoring.Quality(assessment, instrument) }, $"assessment-{id}-result.json");
            }
            if (AssessmentScoring.Consolidated(assessment, instrument) is not { } scored)
            {
                return null;
            }
            var roadmap = AssessmentScoring.HasRoadmap(instrument) ? Roadmap.For(scored.Result, instrument, CultureInfo.CurrentUICulture) : null;
            return Json(new { assessment = Header(assessment), result = scored.Result, spread = scored.Consolidation, roadmap }, $"assessment-{id}-result.json");
        }, cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        int id, HttpContext http, AssessmentAccessReader access,
        Func<OrganisationAssessment, Instrument, FileContentHttpResult?> export, CancellationToken cancellationToken)
    {
        var assessment = (await access.ReadAsync(id, http.User, AssessmentAction.View, instrumentId: null, AnswersLoaded.All, cancellationToken)).Assessment;
        if (AssessmentInstruments.Of(assessment) is not { } instrument)
        {
            return TypedResults.Problem(
                $"Assessment {id} was answered with {assessment.InstrumentId} {assessment.InstrumentVersion}, which this installation does not have; its answers are kept and are not re-scored with another version.",
                statusCode: StatusCodes.Status409Conflict);
        }
        return export(assessment, instrument) is { } file
            ? file
            : TypedResults.Problem($"Nobody has finished answering assessment {id} yet, so it has no result.", statusCode: StatusCodes.Status409Conflict);
    }

    private static object Header(OrganisationAssessment a) => new
    {
        a.Id,
        a.Title,
        a.OrganisationId,
        a.ProcessId,
        instrument = a.InstrumentId,
        version = a.InstrumentVersion,
        a.StartedAt,
        a.CompletedAt,
        respondents = a.Respondents.Count(r => r.IsFinished),
    };

    private static FileContentHttpResult Csv(string text, string fileName) =>
        TypedResults.File([.. Utf8WithMark.GetPreamble(), .. Utf8WithMark.GetBytes(text)], "text/csv; charset=utf-8", fileName);

    private static FileContentHttpResult Json(object document, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(AssessmentJson.Write(document)), "application/json", fileName);
}
