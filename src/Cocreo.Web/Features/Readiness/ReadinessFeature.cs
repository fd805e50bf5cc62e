using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;

namespace Cocreo.Web.Features.Readiness;

/// <summary>Co-Ready: is our organisation ready for co-creation? Self-assessment, roadmap, history and peer benchmark.</summary>
public static class ReadinessFeature
{
    public static WebApplicationBuilder AddReadiness(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReadinessRecords>();
        builder.Services.AddAssessmentHome(InstrumentCatalog.CoReady, assessment => $"/readiness/{assessment.Id}");
        return builder;
    }
}
