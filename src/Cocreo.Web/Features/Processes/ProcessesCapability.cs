using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Processes;

/// <summary>Processes, the spine: processes across the policy cycle with scope, sponsor, phases, members, announcements and translations.</summary>
public sealed class ProcessesCapability : Capability
{
    public override string Name => "processes";

    public override Type Text => typeof(ProcessText);

    public override Type Permissions => typeof(ProcessPermissions);

    public override Type DemoSeed => typeof(ProcessesDemo);

    public override IReadOnlyList<PageSlot> Slots => [new(OrganisationSlots.Sections, typeof(OrganisationProcessesViewComponent))];

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("process.created", "Started the process"),
        ("process.described", "Changed the description"),
        ("process.scope-changed", "Changed the scope"),
        ("process.visibility-changed", "Changed who can see the process"),
        ("phase.planned", "Planned a phase"),
        ("phase.advanced", "Moved to the next phase"),
        ("phase.reverted", "Took back a move to the next phase, before anything happened in it"),
        ("process.closed", "Closed the process"),
        ("member.joined", "Joined the process"),
        ("member.left", "Left the process"),
        ("member.role-changed", "Changed a member's role"),
        ("announcement.published", "Published an announcement"),
        ("translation.updated", "Updated a translation"),
        ("announcement.translated", "Translated an announcement"),
        ("process.archived", "Archived the process: it can no longer change"),
        ("process.unarchived", "Took the process out of the archive"),
        ("workshop.started", "Started a workshop session for registering people on site"),
        ("workshop.ended", "Ended the workshop session"),
        ("process.deleted", "Deleted the process, before anyone took part in it"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ProcessDirectory>();
        services.AddSingleton<WorkshopCodeGuesses>();
        services.AddScoped<ProcessFollowTargets>();
        services.AddScoped<Notifications.IFollowTargets>(sp => sp.GetRequiredService<ProcessFollowTargets>());
        services.AddScoped<ProcessAccessReader>();
        services.AddScoped<LogActors>();
        services.AddScoped<Platform.Changes.IChangeGuard, SuspendedOrganisationGuard>();
        services.AddScoped<Platform.Changes.IChangeGuard, ArchivedProcessGuard>();
        services.AddScoped<IPersonalData, ProcessPersonalData>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapProcessesApi();
}
