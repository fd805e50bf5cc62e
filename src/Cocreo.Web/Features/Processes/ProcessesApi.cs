using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The public JSON API of processes under <c>/api/v1/processes</c>.</summary>
public static class ProcessesApi
{
    public static RouteGroupBuilder MapProcessesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/processes").WithTags("Processes");
        api.MapGet("/", ListPublic).WithName("ListPublicProcesses").WithSummary("Public processes, newest first.");
        api.MapGet("/{id:int}", Get).WithName("GetProcess").WithSummary("A process that the caller may see.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{id:int}/translations/{language}", TranslateAsync).WithName("TranslateProcess")
            .WithSummary("Adds or replaces the process's translation into a language (sl, en; not the one it is written in), as its translations page does. The team only; with the sign-in cookie and the X-CSRF-TOKEN header. 422 with each field's problem.")
            .ProducesValidationProblem();
        api.MapPut("/{id:int}/announcements/{announcementId:int}/translations/{language}", TranslateAnnouncementAsync).WithName("TranslateAnnouncement")
            .WithSummary("Adds or replaces an announcement's translation into a language, as its translations page does. Those who announce only; with the sign-in cookie and the X-CSRF-TOKEN header.")
            .ProducesValidationProblem();
        return api;
    }

    /// <summary>The translations page's use case, with the page's input and its checks.</summary>
    private static async Task<IResult> TranslateAsync(int id, string language, TranslationsModel.TranslationInput? input, HttpContext http, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, ChangeRunner changes, TranslateProcess.Handler translate, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? ApiInput.Problems(input, typeof(ProcessText), localizers)) is { } refused)
        {
            return refused;
        }
        await changes.RunAsync(translate, new TranslateProcess.Command(id, language, input!.Content()), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> TranslateAnnouncementAsync(int id, int announcementId, string language, TranslateAnnouncementModel.AnnouncementTranslationInput? input, HttpContext http,
        IAntiforgery antiforgery, IStringLocalizerFactory localizers, ChangeRunner changes, TranslateAnnouncement.Handler translate, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? ApiInput.Problems(input, typeof(ProcessText), localizers)) is { } refused)
        {
            return refused;
        }
        await changes.RunAsync(translate, new TranslateAnnouncement.Command(id, announcementId, language, input!.Title, input.Body), cancellationToken);
        return TypedResults.NoContent();
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
