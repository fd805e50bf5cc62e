using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>
/// A meeting's harvest as data under <c>/api/v1/meetings/{id}/harvest</c>, running the pages' use cases. A change
/// needs the sign-in cookie and the <c>X-CSRF-TOKEN</c> header.
/// </summary>
public static class HarvestApi
{
    public static IEndpointRouteBuilder MapHarvestApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/meetings/{id:int}/harvest").WithTags("Meetings");
        api.MapGet("", List).WithName("ListMeetingHarvest")
            .WithSummary("The published harvest, newest first, 50 a page (before: the cursor of the next page); status=pending or hidden for the organisers.");
        api.MapPost("", Post).WithName("PostToMeetingHarvest").WithSummary("A harvester posts an item; it waits for a facilitator. Once per submissionId.").DisableAntiforgery();
        api.MapPost("/moderation", Moderate).WithName("ModerateMeetingHarvest").WithSummary("A facilitator publishes or hides items.").DisableAntiforgery();
        api.MapPost("/{itemId:int}/turn", Turn).WithName("TurnMeetingHarvestItem")
            .WithSummary("A facilitator turns a published item into a conversation statement or a proposal of the process.").DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> List(int id, int? before, HarvestStatus? status, HttpContext http, HarvestAccess access, HarvestList list, CancellationToken cancellationToken)
    {
        if (status is null or HarvestStatus.Published)
        {
            await access.ReadAsync(id, http.User, HarvestAction.View, cancellationToken);
            var page = await list.PublishedAsync(id, before, HarvestLimits.PageSize, cancellationToken);
            return TypedResults.Ok(new HarvestListDocument(page.Items.Select(HarvestItemDocument.Of).ToList(), page.Next));
        }
        await access.ReadAsync(id, http.User, HarvestAction.Moderate, cancellationToken);
        var items = await list.ForDeskAsync(id, status.Value, 500, cancellationToken);
        return TypedResults.Ok(new HarvestListDocument(items.Select(i => new HarvestItemDocument(i.Id, i.Kind, i.Text, i.Label, null, i.PostedAt, i.Status, i.BecameKind, i.BecameLink)).ToList(), null));
    }

    private static async Task<IResult> Post(int id, HarvestPostRequest request, HttpContext http, PostHarvestItem.Handler post, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var itemId = await changes.RunAsync(post, new PostHarvestItem.Command(id, request.Kind, request.Text, request.Label, request.BlockId, request.SubmissionId ?? Guid.Empty), cancellationToken);
        return TypedResults.Created($"/api/v1/meetings/{id}/harvest#{itemId}", new { id = itemId, status = HarvestStatus.Pending });
    }

    private static async Task<IResult> Moderate(int id, HarvestModerationRequest request, HttpContext http, ModerateHarvest.Handler moderate, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var changed = await changes.RunAsync(moderate, new ModerateHarvest.Command(id, request.Items ?? [], request.Publish), cancellationToken);
        return TypedResults.Ok(new { changed });
    }

    private static async Task<IResult> Turn(int id, int itemId, HarvestTurnRequest request, HttpContext http, TurnHarvestItem.Handler turn, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var outcome = await changes.RunAsync(turn, new TurnHarvestItem.Command(id, itemId, request.To, request.ConversationId, request.Title, request.Text), cancellationToken);
        return TypedResults.Ok(outcome);
    }
}

public sealed record HarvestPostRequest(HarvestKind Kind, string? Text, string? Label, int? BlockId, Guid? SubmissionId);

public sealed record HarvestModerationRequest(IReadOnlyList<int>? Items, bool Publish);

public sealed record HarvestTurnRequest(HarvestDestination To, int? ConversationId, string? Title, string? Text);

/// <summary>A harvested item as data: never who posted it.</summary>
public sealed record HarvestItemDocument(int Id, HarvestKind Kind, string Text, string Label, int? BlockId, DateTime PostedAt, HarvestStatus Status, string? Became, string? BecameLink)
{
    public static HarvestItemDocument Of(HarvestEntry e) => new(e.Id, e.Kind, e.Text, e.Label, e.BlockId, e.PostedAt, HarvestStatus.Published, e.BecameKind, e.BecameLink);
}

public sealed record HarvestListDocument(IReadOnlyList<HarvestItemDocument> Items, int? Next);
