using System.Threading.RateLimiting;
using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Capabilities;
using Microsoft.AspNetCore.RateLimiting;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>Limits of the anonymous Co-Master links. Bound from <c>ProcessQuality</c>.</summary>
public sealed class ProcessQualityOptions
{
    public const string Section = "ProcessQuality";

    /// <summary>
    /// Requests one client may make to one link per minute. Generous: a room of participants behind one venue
    /// network shares an address, and each needs a few requests.
    /// </summary>
    public int LinkRequestsPerMinute { get; set; } = 120;
}

/// <summary>Co-Master: how good was our co-creation? Organisers answer signed in, participants anonymously through a link.</summary>
public sealed class ProcessQualityCapability : Capability
{
    /// <summary>The rate limit of anonymous links, partitioned by link and client address (kept in memory only, never stored).</summary>
    public const string LinkRateLimit = "co-master-link";

    public override string Name => "process-quality";

    public override Type Text => typeof(ProcessQualityText);

    /// <summary>The toolkit's permissions, shared by its three tools.</summary>
    public override Type Permissions => typeof(AssessmentPermissions);

    public override Type DemoSeed => typeof(ProcessQualityDemo);

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("quality-link.opened", "Opened an anonymous link for participants' feedback"),
        ("quality-link.closed", "Closed an anonymous link for participants' feedback"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ProcessQualityOptions.Section).Get<ProcessQualityOptions>() ?? new ProcessQualityOptions();
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(LinkRateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                $"{context.Request.RouteValues["token"]}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LinkRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddScoped<ResponseLinks>();
        services.AddScoped<Accounts.IPersonalData, ProcessQualityPersonalData>();
        services.AddAssessmentHome(InstrumentCatalog.CoMaster, assessment => $"/process-quality/{assessment.Id}");
    }
}
