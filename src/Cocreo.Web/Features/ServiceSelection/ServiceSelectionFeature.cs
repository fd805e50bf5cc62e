using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Transparency;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>Co-Serve: which service should we renew? Candidates evaluated with 13 criteria, compared, and one chosen.</summary>
public static class ServiceSelectionFeature
{
    public static WebApplicationBuilder AddServiceSelection(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ServiceSelectionDirectory>();
        builder.Services.AddAssessmentHome(InstrumentCatalog.CoServe,
            (services, assessment, cancellationToken) => services.GetRequiredService<ServiceSelectionDirectory>().PathOfAssessmentAsync(assessment.Id, cancellationToken));
        builder.Services.AddLogActions(typeof(ServiceSelectionText),
            ("service-selection.started", "Started comparing services to renew"),
            ("service.added", "Added a candidate service"),
            ("service.chosen", "Chose the service to renew"));
        return builder;
    }

    public static WebApplication MapServiceSelection(this WebApplication app)
    {
        app.MapServiceSelectionApi();
        return app;
    }
}
