using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Debate;

/// <summary>
/// Threaded debate on anything another capability lets people discuss (a budget proposal, a process's problem and
/// purpose; later text sections and amendments): comments and replies, for / against / neutral, votes up or down,
/// sorting (oldest, best, most discussed, bridging), collapse of long threads, keyset paging. A capability makes its
/// things debatable by registering an <see cref="IDebateTargets"/> for their kind (the decisions are its own) and
/// showing <c>_Debate.cshtml</c> with the handlers of <see cref="DebateActions"/>. See docs/debate.md.
/// </summary>
public sealed class DebateCapability : Capability
{
    public override string Name => "debate";

    public override Type Text => typeof(DebateText);

    public override Type Permissions => typeof(DebatePermissions);

    public override Type DemoSeed => typeof(DebateDemo);

    public override IReadOnlyList<PageSlot> Slots => [new(ProcessSlots.Sections, typeof(ProcessDebateViewComponent), Order: 5)];

    // Votes on comments are not logged one by one (as a conversation's votes): the tallies are public on the page.
    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("process.commented", "Commented on the process's problem and purpose"),
        ("process.comment-edited", "Edited their comment on the process's problem and purpose"),
        ("process.comment-deleted", "Deleted their comment on the process's problem and purpose"),
        ("debate.synthesis-written", "Wrote the synthesis of a debate"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddScoped<DebateTargetDirectory>();
        services.AddScoped<IDebateTargets, ProcessDebateTargets>();
        services.AddScoped<DebateThreads>();
        services.AddSingleton<DebateStamping>();
        services.ConfigureDbContext<Data.SqliteCocreoDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<DebateStamping>()));
        services.ConfigureDbContext<Data.PostgreSqlCocreoDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<DebateStamping>()));
        services.AddScoped<DebateActions>();
        services.AddScoped<SynthesisReader>();
        services.AddScoped<DebateCarryOver>();
        services.AddScoped<DebateDirectory>();
        services.AddSingleton<BridgingCache>();
        services.AddScoped<IModeratedContent, DebateComments>();
        services.AddScoped<Accounts.IPersonalData, DebatePersonalData>();
        services.AddScoped<IProcessActivity, DebateProcessActivity>();
        services.AddScoped<Notifications.IFollowTargets, DebateFollowTargets>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapDebateApi();
}
