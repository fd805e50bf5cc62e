using Cocreo.Web.Features.Transparency;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// The machinery the toolkit's instruments share (Co-Ready, Co-Serve, Co-Master): assessments with their
/// respondents and answers saved as they go, who may do what, completion into the process log, charts and exports.
/// </summary>
public static class AssessmentsFeature
{
    public static WebApplicationBuilder AddAssessments(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AssessmentAccessReader>();
        builder.Services.AddScoped<AssessmentLifecycle>();
        builder.Services.AddScoped<AssessmentLog>();
        builder.Services.AddScoped<AssessmentHomes>();
        builder.Services.AddScoped<ToolkitOrganisation>();
        builder.Services.AddLogActions(typeof(AssessmentText),
            ("assessment.started", "Started an assessment"),
            ("assessment.completed", "Completed an assessment"));
        return builder;
    }

    public static WebApplication MapAssessments(this WebApplication app)
    {
        app.MapAssessmentsApi();
        return app;
    }
}
