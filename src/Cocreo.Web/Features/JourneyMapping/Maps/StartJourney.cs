using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The process's team starts a journey map for the service being renewed, with the usual stages and pain-point tags
/// (in the team's language) to adjust; it may start from a service the organisation chose in Co-Serve.
/// </summary>
public static class StartJourney
{
    public sealed record Command(int ProcessId, string ServiceName, string ServiceDescription, int? SelectedServiceId, Guid SubmissionId) : IProcessCommand, ISubmittedOnce;

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db, IStringLocalizer<JourneyText> t) : IChange<Command, ProcessTarget, int>
    {
        public Task<ProcessTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            processes.ForChangeAsync(command.ProcessId, user, cancellationToken);

        public Decision Decide(ProcessTarget target, Command command) =>
            JourneyPermissions.Decide(JourneyAction.Create, JourneySubject.Of(target.Process, null), target.Access);

        public async Task<int> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            var map = JourneyMap.Start(process.OrganisationId, process.Id, command.ServiceName, command.ServiceDescription,
                ContributionTokens.NewJoinCode(), JourneyNames.DefaultStages(t), JourneyNames.DefaultPainTags(t), change.Now);
            map.RenewsSelectedService(command.SelectedServiceId);
            db.Add(map);
            // The map's id is part of the log entry, so the map is saved first, in the change's transaction.
            await change.SaveAsync(cancellationToken);
            change.Log("journey.created", new
            {
                journey = map.Id,
                service = map.ServiceName,
                selectedService = map.SelectedServiceId,
                stages = map.AllStages.Select(s => s.Name).ToList(),
                painTags = map.PainTags.Select(p => p.Name).ToList(),
            });
            return map.Id;
        }
    }
}
