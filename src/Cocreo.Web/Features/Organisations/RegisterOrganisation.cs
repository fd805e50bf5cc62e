using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Organisations;

/// <summary>Anyone with an account registers a public body; they become its first administrator.</summary>
public static class RegisterOrganisation
{
    public sealed record Command(string Name, OrganisationType Type, SizeBand Size, string Country, IReadOnlyList<string> Languages, Guid SubmissionId) : ISubmittedOnce;

    public sealed class Handler(OrganisationAccessReader organisations, CocreoDbContext db) : IChange<Command, PersonTarget, int>
    {
        public async Task<PersonTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            await organisations.PersonAsync(user, cancellationToken);

        public Decision Decide(PersonTarget target, Command command) => target.SignedIn();

        public async Task<int> RunAsync(Change<PersonTarget> change, Command command, CancellationToken cancellationToken)
        {
            await OrganisationNames.RequireFreeAsync(db, command.Name, null, cancellationToken);
            var organisation = Organisation.Create(command.Name, command.Type, command.Size, command.Country, command.Languages, change.Now);
            organisation.AddMember(change.Target.UserId!, OrganisationRole.Administrator, change.Now);
            db.Add(organisation);
            await change.SaveAsync(cancellationToken);
            return organisation.Id;
        }
    }
}

/// <summary>An administrator changes the organisation's name, type, size, country and languages.</summary>
public static class EditOrganisation
{
    public sealed record Command(int OrganisationId, string Name, OrganisationType Type, SizeBand Size, string Country, IReadOnlyList<string> Languages) : IOrganisationCommand;

    public sealed class Handler(OrganisationAccessReader organisations, CocreoDbContext db) : OrganisationChange<Command, Done>(organisations)
    {
        protected override OrganisationAction Action => OrganisationAction.Edit;

        public override async Task<Done> RunAsync(Change<OrganisationTarget> change, Command command, CancellationToken cancellationToken)
        {
            await OrganisationNames.RequireFreeAsync(db, command.Name, change.Target.Organisation.Id, cancellationToken);
            change.Target.Organisation.Update(command.Name, command.Type, command.Size, command.Country, command.Languages);
            return new Done();
        }
    }
}
