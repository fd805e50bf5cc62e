using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// Amendments (docs/amendments.md): anyone who may read an amendable text proposes a change to it (the whole changed
/// title and body, with an explanation), shown as a word-level diff; others support and discuss it (debate kind
/// <c>amendment</c>); the text's owner accepts it (a new version with exactly the amended text) or rejects it with a
/// public reason, and a rejected one can become its own proposal. Every version is kept and any two compare. A
/// capability makes its texts amendable by registering an <see cref="IAmendmentTargets"/> for their kind (today:
/// proposals of a process, <c>process-proposal</c>).
/// </summary>
public sealed class AmendmentsCapability : Capability
{
    public override string Name => "amendments";

    public override Type Text => typeof(AmendmentsText);

    public override Type Permissions => typeof(AmendmentPermissions);

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("amendment.proposed", "Proposed an amendment"),
        ("amendment.supported", "Supported an amendment"),
        ("amendment.accepted", "Accepted an amendment"),
        ("amendment.rejected", "Rejected an amendment"),
        ("amendment.withdrawn", "Withdrew an amendment"),
        ("amendment.rebased", "Rebased an amendment onto the new version"),
        ("amendment.promoted", "Turned a rejected amendment into a proposal"),
    ];

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAmendmentsApi();

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AmendmentTargetDirectory>();
        services.AddScoped<TextVersions>();
        services.AddScoped<Accounts.IPersonalData, AmendmentsPersonalData>();
        services.AddScoped<AmendmentAccess>();
        services.AddScoped<AmendmentList>();
        services.AddScoped<VersionHistory>();
        services.AddScoped<Debate.IDebateTargets, AmendmentDebateTargets>();
        services.AddScoped<Moderation.IModeratedContent, AmendmentContents>();
        services.AddScoped<Notifications.IFollowTargets, AmendmentFollowTargets>();
    }
}
