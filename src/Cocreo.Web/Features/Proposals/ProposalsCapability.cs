using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// Proposals in any process (docs/proposals.md). One model with budget projects: the <see cref="Budgeting.Proposal"/>
/// entity (for now in Budgeting's Model folder, beside the comments it shares) has a process, and a budget only when
/// it is a budget project. This capability owns a process's own proposals: its settings, putting one forward,
/// supports with a limit per participant, the organisation's public answers, withdrawing, merging duplicates and
/// similar proposals while writing. Budgeting owns budget projects (number, cost, feasibility, ballot, implementation).
/// </summary>
public sealed class ProposalsCapability : Capability
{
    public override string Name => "proposals";

    public override Type Text => typeof(ProposalsText);

    public override Type Permissions => typeof(ProposalPermissions);

    public override Type DemoSeed => typeof(ProposalsDemo);

    public override IReadOnlyList<PageSlot> Slots => [new(ProcessSlots.Links, typeof(ProcessProposalsViewComponent), Order: 20)];

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("proposals.configured", "Changed how the process takes proposals"),
        ("proposal.put-forward", "Put forward a proposal"),
        ("proposal.answered", "Answered a proposal"),
        ("proposal.merged-into", "Merged a duplicate proposal into another"),
        ("proposal.coauthor-invited", "Invited a co-author to a proposal"),
        ("proposal.coauthor-joined", "Became a co-author of a proposal"),
        ("proposal.versioned", "A proposal has a new version"),
        ("proposal.attachment-added", "Added a picture or document to a proposal"),
        ("proposal.attachment-removed", "Removed a picture or document from a proposal"),
        ("proposal.placed", "Set or changed a proposal's place on the map"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ProposalAccess>();
        services.AddScoped<ProposalList>();
        services.AddSingleton<ProposalListStamping>();
        services.ConfigureDbContext<Data.SqliteCocreoDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<ProposalListStamping>()));
        services.ConfigureDbContext<Data.PostgreSqlCocreoDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<ProposalListStamping>()));
        services.AddScoped<ProposalAttachmentReader>();
        services.AddScoped<Conversations.IProposalTargets, ProcessProposalTargets>();
        services.AddScoped<Debate.IDebateTargets, ProcessProposalDebateTargets>();
        services.AddScoped<Amendments.IAmendmentTargets, ProcessProposalAmendmentTargets>();
        services.AddScoped<Accounts.IPersonalData, ProposalsPersonalData>();
        services.AddScoped<Moderation.IModeratedContent, ProcessProposalContents>();
        services.AddScoped<Notifications.IFollowTargets, ProcessProposalFollowTargets>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapProposalsApi().MapProposalAttachments().MapProposalTranslations().MapProposalPlace();
}

/// <summary>The link to a process's proposals on the process page, once its team turned them on (and for the team, to turn them on).</summary>
public sealed class ProcessProposalsViewComponent(ProposalAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ProcessView process)
    {
        var on = await access.IsOnAsync(process.Process.Id, HttpContext.RequestAborted);
        return on || process.Can(ProcessAction.Edit)
            ? View("/Features/Proposals/_ProcessLink.cshtml", process.Process.Id)
            : Content("");
    }
}
