using System.Globalization;
using System.Text;
using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>Exports of a Co-Serve comparison for its organisation under <c>/api/v1/service-selections/{id}</c>.</summary>
public static class ServiceSelectionApi
{
    private static readonly Encoding Utf8WithMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static RouteGroupBuilder MapServiceSelectionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/service-selections/{id:int}").WithTags("Co-Serve");
        api.MapGet("/comparison.csv", Csv).WithName("ExportServiceComparisonCsv").WithSummary("The ranked candidate services, one row each.");
        api.MapGet("/comparison.json", Json).WithName("ExportServiceComparisonJson").WithSummary("The ranking with every service's consolidated answers and scores, and the choice.");
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(int id, HttpContext http, ShortlistReader shortlists, CancellationToken cancellationToken) =>
        await ExportAsync(id, http, shortlists, (shortlist, comparison) =>
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            AssessmentCsv.WriteRanking(writer, comparison.Ranking!, comparison.Instrument, CultureInfo.CurrentUICulture);
            return TypedResults.File([.. Utf8WithMark.GetPreamble(), .. Utf8WithMark.GetBytes(writer.ToString())], "text/csv; charset=utf-8", $"service-selection-{id}.csv");
        }, cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Json(int id, HttpContext http, ShortlistReader shortlists, CancellationToken cancellationToken) =>
        await ExportAsync(id, http, shortlists, (shortlist, comparison) =>
        {
            var document = new
            {
                comparison = new { shortlist.Id, shortlist.Title, shortlist.OrganisationId, shortlist.ProcessId, instrument = InstrumentCatalog.CoServe, version = shortlist.InstrumentVersion, shortlist.StartedAt },
                services = comparison.Candidates.Select(c => new { c.Id, c.Name, c.Description, evaluations = comparison.EvaluationOf(c).FinishedCount }),
                ranking = comparison.Ranking,
                chosen = shortlist.Chosen is { } chosen ? new { chosen.Id, chosen.Name, shortlist.ChosenAt, reason = shortlist.ChoiceReason } : null,
            };
            return TypedResults.File(Encoding.UTF8.GetBytes(AssessmentJson.Write(document)), "application/json", $"service-selection-{id}.json");
        }, cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        int id, HttpContext http, ShortlistReader shortlists,
        Func<ServiceShortlist, ShortlistComparison, FileContentHttpResult> export, CancellationToken cancellationToken)
    {
        var view = await shortlists.ReadAsync(id, http.User, AssessmentAction.View, cancellationToken);
        var (shortlist, comparison) = (view.Shortlist, view.Comparison);
        if (comparison is null)
        {
            return TypedResults.Problem($"Comparison {id} uses Co-Serve {shortlist.InstrumentVersion}, which this installation does not have; its answers are not re-scored with another version.", statusCode: StatusCodes.Status409Conflict);
        }
        return comparison.Ranking is null
            ? TypedResults.Problem($"No service of comparison {id} has been evaluated yet.", statusCode: StatusCodes.Status409Conflict)
            : export(shortlist, comparison);
    }
}
