using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>A proposal of a process translated through the API, by the same use case as its translations page.</summary>
public static class ProposalTranslationsApi
{
    public sealed record TranslationRequest(string? Title, string? Body, string? Location);

    public static IEndpointRouteBuilder MapProposalTranslations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Proposals")
            .MapPut("/process-proposals/{id:int}/translations/{language}", TranslateAsync).WithName("TranslateProcessProposal")
            .WithSummary("Adds or replaces a proposal's translation into a language (title, body, location), as its translations page does: by its author, a co-author or the process's team. With the sign-in cookie and the X-CSRF-TOKEN header; 422 with each field's problem.")
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<IResult> TranslateAsync(int id, string language, TranslationRequest? request, HttpContext http, IAntiforgery antiforgery, IStringLocalizerFactory localizers,
        ChangeRunner changes, TranslateProcessProposal.Handler translate, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ProposalsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var changed = await changes.RunAsync(translate, new TranslateProcessProposal.Command(id, language, request!.Title, request.Body, request.Location), cancellationToken);
        return TypedResults.Ok(new { changed });
    }
}
