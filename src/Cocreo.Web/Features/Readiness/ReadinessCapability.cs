using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Readiness;

/// <summary>Co-Ready: is our organisation ready for co-creation? Self-assessment, roadmap, history and peer benchmark.</summary>
public sealed class ReadinessCapability : Capability
{
    public override string Name => "readiness";

    public override Type Text => typeof(ReadinessText);

    /// <summary>The toolkit's permissions, shared by its three tools.</summary>
    public override Type Permissions => typeof(AssessmentPermissions);

    public override Type DemoSeed => typeof(ReadinessDemo);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReadinessRecords>();
        services.AddAssessmentHome(InstrumentCatalog.CoReady, assessment => $"/readiness/{assessment.Id}");
    }
}
