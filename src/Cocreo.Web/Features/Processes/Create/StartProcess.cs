using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Processes;

/// <summary>Staff of an organisation start a process; they become its owner, and its log starts.</summary>
public static class StartProcess
{
    public sealed record Command(int OrganisationId, ProcessDescription Description, Guid SubmissionId) : ISubmittedOnce;

    public sealed class Handler(OrganisationAccessReader organisations, CocreoDbContext db) : IChange<Command, OrganisationTarget, int>
    {
        public Task<OrganisationTarget?> LoadAsync(Command command, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken) =>
            organisations.ForChangeAsync(command.OrganisationId, user, cancellationToken);

        public Decision Decide(OrganisationTarget target, Command command) => target.Decide(OrganisationAction.StartProcess);

        public async Task<int> RunAsync(Change<OrganisationTarget> change, Command command, CancellationToken cancellationToken)
        {
            var description = command.Description;
            var process = Process.Start(command.OrganisationId, description.Content, description.Visibility, change.Now);
            process.SetScope(description.CanInfluence, description.CannotInfluence);
            process.Join(change.Target.Access.UserId!, ProcessRole.Owner, change.Now);
            db.Add(process);
            // The id is part of the first log entry's hash.
            await change.SaveAsync(cancellationToken);
            await change.LogFromAsync(process.Id, cancellationToken);
            change.LogAs(LogActor.Named(change.Actor.Name!, "owner"), "process.created", new
            {
                title = process.Title,
                problemStatement = process.ProblemStatement,
                purpose = process.Purpose,
                canInfluence = process.CanInfluence,
                cannotInfluence = process.CannotInfluence,
                sponsor = process.SponsorName,
                visibility = process.Visibility.ToString(),
                phase = process.CurrentPhase.ToString(),
            });
            return process.Id;
        }
    }
}
