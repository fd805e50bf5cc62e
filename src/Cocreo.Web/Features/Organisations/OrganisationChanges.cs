using System.Security.Claims;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Organisations;

/// <summary>A command about one organisation.</summary>
public interface IOrganisationCommand
{
    int OrganisationId { get; }
}

/// <summary>
/// The shape of a change to an organisation's own records: the runner loads the organisation named by the command
/// and asks <see cref="OrganisationPermissions"/> about <see cref="Action"/>. Such changes are not in a process log.
/// </summary>
public abstract class OrganisationChange<TCommand, TResult>(OrganisationAccessReader organisations) : IChange<TCommand, OrganisationTarget, TResult>
    where TCommand : IOrganisationCommand
{
    protected abstract OrganisationAction Action { get; }

    public Task<OrganisationTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        organisations.ForChangeAsync(command.OrganisationId, user, cancellationToken);

    public Decision Decide(OrganisationTarget target, TCommand command) => target.Decide(Action);

    public abstract Task<TResult> RunAsync(Change<OrganisationTarget> change, TCommand command, CancellationToken cancellationToken);
}
