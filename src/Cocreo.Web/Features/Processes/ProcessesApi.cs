using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Log;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cocreo.Web.Features.Processes;

/// <summary>The public JSON API of processes under <c>/api/v1/processes</c>.</summary>
public static class ProcessesApi
{
    public static RouteGroupBuilder MapProcessesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/processes").WithTags("Processes");
        api.MapGet("/", ListPublic).WithName("ListPublicProcesses").WithSummary("Public processes, newest first.");
        api.MapGet("/{id:int}", Get).WithName("GetProcess").WithSummary("A process that the caller may see.").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<List<ProcessSummary>>> ListPublic(ProcessDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.PublicAsync(Cultures.Current, 500, cancellationToken));

    private static async Task<Ok<ProcessDocument>> Get(int id, HttpContext http, ProcessAccessReader processes, ProcessLog log, CancellationToken cancellationToken)
    {
        var process = (await processes.ReadAsync(id, http.User, ProcessAction.View, cancellationToken)).Process;
        var (logLength, logHead) = await log.HeadAsync(id, cancellationToken);
        var content = LocalizedProcess.Of(process, Cultures.Current);
        return TypedResults.Ok(new ProcessDocument(
            process.Id,
            process.OrganisationId,
            content.Title.Text,
            content.ProblemStatement.Text,
            content.Purpose.Text,
            content.Language,
            content.CanInfluence,
            content.CannotInfluence,
            content.SponsorName.Text,
            content.SponsorMandate.Text,
            content.PoliticalBacking.Text,
            process.Visibility,
            process.CurrentPhase,
            process.IsClosed,
            process.Phases.OrderBy(p => p.Phase).Select(p => new PhaseDocument(p.Phase, p.PlannedStart, p.PlannedEnd, p.StartedAt, p.CompletedAt)).ToList(),
            logLength,
            logHead,
            process.Language,
            process.Translations.Select(t => t.Language).Order(StringComparer.Ordinal).ToList()));
    }
}

public sealed record ProcessDocument(
    int Id,
    int OrganisationId,
    string Title,
    string ProblemStatement,
    string Purpose,
    string Language,
    IReadOnlyList<string> CanInfluence,
    IReadOnlyList<string> CannotInfluence,
    string SponsorName,
    string SponsorMandate,
    string PoliticalBacking,
    ProcessVisibility Visibility,
    PolicyPhase CurrentPhase,
    bool IsClosed,
    IReadOnlyList<PhaseDocument> Phases,
    long LogLength,
    string LogHeadHash,
    string OriginalLanguage,
    IReadOnlyList<string> TranslatedInto);

public sealed record PhaseDocument(PolicyPhase Phase, DateOnly? PlannedStart, DateOnly? PlannedEnd, DateTime? StartedAt, DateTime? CompletedAt);
