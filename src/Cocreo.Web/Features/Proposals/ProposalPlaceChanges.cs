using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// Its author or a co-author sets, changes or removes a proposal's place on the map after putting it forward, while
/// it can be edited (until answered, merged or withdrawn; not while hidden), with the checks of the proposal form:
/// both coordinates or neither, in range. Logged by role only, and without the coordinates (they may be where the
/// writer stood when they pressed "Use my location"; the proposal's page shows them, the log need not keep each one).
/// </summary>
public static class PlaceProcessProposal
{
    public sealed record Command(int ProposalId, double? Latitude, double? Longitude) : IProcessProposalCommand;

    public sealed class Handler(ProposalAccess access, ModerationDirectory moderation) : ProcessProposalChange<Command, bool>(access, ProposalAction.Withdraw)
    {
        public override Decision Decide(ProcessProposalTarget target, Command command) => Writers.Decide(target, authorOnly: false);

        public override async Task<bool> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            if ((await moderation.StatusAsync(ProcessProposalContents.Kind, proposal.Id, cancellationToken)) is { IsShown: false, IsPending: false })
            {
                RefusedException.Unless(Decision.NotNow("The moderators hid this proposal: it can no longer be edited.", typeof(ProposalPermissions)), isAuthenticated: true);
            }
            if (!proposal.PlaceInProcess(command.Latitude, command.Longitude))
            {
                return false;
            }
            change.LogAs(ProposalsTarget.Participant, "proposal.placed", new { proposal = proposal.Id, onTheMap = proposal.Latitude is not null });
            return true;
        }
    }
}

/// <summary><c>PUT /api/v1/process-proposals/{id}/place</c>: the same use case as the proposal's place page.</summary>
public static class ProposalPlaceApi
{
    public sealed record PlaceRequest(double? Latitude, double? Longitude);

    public static IEndpointRouteBuilder MapProposalPlace(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Proposals")
            .MapPut("/process-proposals/{id:int}/place", PlaceAsync).WithName("PlaceProcessProposal")
            .WithSummary("Its author or a co-author sets or changes the proposal's place on the map (latitude and longitude in degrees, both or neither; both null removes it) while it can be edited. 422 with the field's problem.")
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<IResult> PlaceAsync(int id, PlaceRequest? request, HttpContext http, IAntiforgery antiforgery, IStringLocalizerFactory localizers,
        ChangeRunner changes, PlaceProcessProposal.Handler place, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ProposalsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var changed = await changes.RunAsync(place, new PlaceProcessProposal.Command(id, request!.Latitude, request.Longitude), cancellationToken);
        return TypedResults.Ok(new { changed });
    }
}
