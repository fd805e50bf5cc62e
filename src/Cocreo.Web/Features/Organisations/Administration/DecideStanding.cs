using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Organisations;

/// <summary>A platform administrator's decision about an organisation's standing, with the reason they state.</summary>
public interface IStandingCommand : IOrganisationCommand
{
    string Reason { get; }
}

/// <summary>
/// The shape of a decision about an organisation's standing: only platform administrators (asked again on fresh data
/// inside the runner's retry), the organisation's method keeps the rules, and the decision goes into the
/// administrators' log in the same save.
/// </summary>
public abstract class StandingChange<TCommand>(OrganisationAccessReader organisations, CocreoDbContext db) : OrganisationChange<TCommand, Done>(organisations)
    where TCommand : IStandingCommand
{
    protected override OrganisationAction Action => OrganisationAction.DecideStanding;

    /// <summary>The administrators' log action.</summary>
    protected abstract string LogAction { get; }

    protected abstract void Apply(Organisation organisation, string reason, string administrator, DateTime now);

    public override Task<Done> RunAsync(Change<OrganisationTarget> change, TCommand command, CancellationToken cancellationToken)
    {
        var organisation = change.Target.Organisation;
        var administrator = change.Actor.Name ?? "";
        Apply(organisation, command.Reason ?? "", administrator, change.Now);
        db.Add(AdministratorLogEntry.Record(change.Target.Access.UserId, administrator, organisation, LogAction, change.Now));
        return Task.FromResult(new Done());
    }
}

/// <summary>A platform administrator verifies that an organisation is the public body it says it is: its public processes are listed.</summary>
public static class VerifyOrganisation
{
    public sealed record Command(int OrganisationId, string Reason) : IStandingCommand;

    public sealed class Handler(OrganisationAccessReader organisations, CocreoDbContext db) : StandingChange<Command>(organisations, db)
    {
        protected override string LogAction => "organisation.verified";

        protected override void Apply(Organisation organisation, string reason, string administrator, DateTime now) => organisation.Verify(reason, administrator, now);
    }
}

/// <summary>A platform administrator takes an organisation down: its processes are hidden from the public and nothing of it changes.</summary>
public static class SuspendOrganisation
{
    public sealed record Command(int OrganisationId, string Reason) : IStandingCommand;

    public sealed class Handler(OrganisationAccessReader organisations, CocreoDbContext db) : StandingChange<Command>(organisations, db)
    {
        protected override string LogAction => "organisation.suspended";

        protected override void Apply(Organisation organisation, string reason, string administrator, DateTime now) => organisation.Suspend(reason, administrator, now);
    }
}

/// <summary>A platform administrator lifts a suspension.</summary>
public static class ReinstateOrganisation
{
    public sealed record Command(int OrganisationId, string Reason) : IStandingCommand;

    public sealed class Handler(OrganisationAccessReader organisations, CocreoDbContext db) : StandingChange<Command>(organisations, db)
    {
        protected override string LogAction => "organisation.reinstated";

        protected override void Apply(Organisation organisation, string reason, string administrator, DateTime now) => organisation.Reinstate(reason, administrator, now);
    }
}
