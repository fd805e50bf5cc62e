using System.Threading.RateLimiting;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>Limits on anonymous input to journey maps. Bound from <c>JourneyMapping</c>.</summary>
public sealed class JourneyMappingOptions
{
    public const string Section = "JourneyMapping";

    /// <summary>New contributions one address may start per hour (a crowd at a desk shares one address).</summary>
    public int StartsPerHour { get; set; } = 100;

    /// <summary>Saves, supports and submissions one anonymous address may send per minute.</summary>
    public int AnonymousWritesPerMinute { get; set; } = 60;
}

/// <summary>Co-Renew: service users map their journey through a service, name pain points and ideas; the team's dashboard and renewal backlog.</summary>
public sealed class JourneyMappingCapability : Capability
{
    public const string StartLimit = "journey-start";
    public const string WriteLimit = "journey-write";

    public override string Name => "journey-mapping";

    public override Type Text => typeof(JourneyText);

    public override Type Permissions => typeof(JourneyPermissions);

    public override Type DemoSeed => typeof(JourneyDemo);

    public override IReadOnlyList<PageSlot> Slots => [new(ProcessSlots.Links, typeof(ProcessJourneysViewComponent))];

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("journey.created", "Started a user-journey map"),
        ("journey.described", "Changed the service of a journey map"),
        ("journey.opened", "Opened a journey map to contributions"),
        ("journey.closed", "Closed a journey map to contributions"),
        ("stage.added", "Added a journey stage"),
        ("stage.changed", "Changed a journey stage"),
        ("stage.moved", "Moved a journey stage"),
        ("stage.retired", "Retired a journey stage"),
        ("stage.restored", "Restored a journey stage"),
        ("stage.removed", "Removed an unused journey stage"),
        ("touchpoint.added", "Added a touchpoint"),
        ("touchpoint.changed", "Changed a touchpoint"),
        ("touchpoint.retired", "Retired a touchpoint"),
        ("touchpoint.restored", "Restored a touchpoint"),
        ("touchpoint.removed", "Removed an unused touchpoint"),
        ("pain-tag.added", "Added a pain-point tag"),
        ("pain-tag.retired", "Retired a pain-point tag"),
        ("profile-question.added", "Added a profile question"),
        ("profile-question.changed", "Changed a profile question"),
        ("profile-question.retired", "Retired a profile question"),
        ("contribution.submitted", "A service user sent their journey"),
        ("contribution.entered", "Entered a journey gathered offline"),
        ("idea.supported", "Supported an idea"),
        ("contribution.hidden", "Hid a contribution"),
        ("contribution.shown", "Showed a hidden contribution again"),
        ("backlog.added", "Added a renewal backlog item"),
        ("backlog.changed", "Changed a renewal backlog item"),
        ("backlog.linked", "Linked input to a backlog item"),
        ("backlog.unlinked", "Unlinked input from a backlog item"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JourneyMappingOptions.Section).Get<JourneyMappingOptions>() ?? new JourneyMappingOptions();
        services.AddScoped<JourneyDirectory>();
        services.AddScoped<JourneyAccessReader>();
        services.AddScoped<JourneyDashboard>();
        services.AddScoped<Moderation.IModeratedContent, JourneyContributions>();
        services.AddScoped<Accounts.IPersonalData, JourneyPersonalData>();
        services.AddScoped<Processes.IProcessActivity, JourneyProcessActivity>();
        services.Configure<RateLimiterOptions>(o =>
        {
            // Signed-in people are held by the platform's general limit; anonymous input gets its own, per address.
            // The address is a key in memory only: it is never stored.
            o.AddPolicy(StartLimit, context => AnonymousWrite(context)
                ? RateLimitPartition.GetFixedWindowLimiter("journey-start:" + Address(context), _ => Window(options.StartsPerHour, TimeSpan.FromHours(1)))
                : RateLimitPartition.GetNoLimiter("journey-start"));
            o.AddPolicy(WriteLimit, context => AnonymousWrite(context)
                ? RateLimitPartition.GetFixedWindowLimiter("journey-write:" + Address(context), _ => Window(options.AnonymousWritesPerMinute, TimeSpan.FromMinutes(1)))
                : RateLimitPartition.GetNoLimiter("journey-write"));
        });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapJourneyMappingApi();

    private static bool AnonymousWrite(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && context.User.UserId() is null;

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new() { PermitLimit = permits, Window = window, QueueLimit = 0 };
}
