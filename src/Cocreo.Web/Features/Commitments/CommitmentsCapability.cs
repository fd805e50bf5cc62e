using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Commitments;

/// <summary>
/// Commitments (docs/commitments.md): what an organisation commits to do after a process, who does it by when, its
/// milestones and budget line, and where it stands. Every change goes through the change runner with its log entry.
/// </summary>
public sealed class CommitmentsCapability : Capability
{
    public override string Name => "commitments";

    public override Type Text => typeof(CommitmentText);

    public override Type Permissions => typeof(CommitmentPermissions);

    public override Type DemoSeed => typeof(CommitmentsDemo);

    public override IReadOnlyList<PageSlot> Slots => [new(ProcessSlots.Links, typeof(ProcessCommitmentsViewComponent), Order: 25)];

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("commitment.made", "Made a commitment"),
        ("commitment.edited", "Changed a commitment"),
        ("commitment.status-changed", "Said where a commitment stands"),
        ("commitment.milestone-added", "Added a milestone to a commitment"),
        ("commitment.milestone-done", "Reached a milestone of a commitment"),
        ("commitment.milestone-reopened", "Marked a milestone of a commitment as not reached"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CommitmentAccess>();
        services.AddScoped<CommitmentChecks>();
        services.AddScoped<Accounts.IPersonalData, CommitmentsPersonalData>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapCommitmentsApi();
}

/// <summary>The link to a process's commitments on the process page: once it has some, and always for its team.</summary>
public sealed class ProcessCommitmentsViewComponent(CommitmentAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ProcessView process)
    {
        var any = await access.AnyAsync(process.Process.Id, HttpContext.RequestAborted);
        return any || CommitmentPermissions.Allows(CommitmentAction.Manage, process.Process, process.Access)
            ? View("/Features/Commitments/_ProcessLink.cshtml", process.Process.Id)
            : Content("");
    }
}
