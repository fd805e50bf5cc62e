using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// The machinery the toolkit's instruments share (Co-Ready, Co-Serve, Co-Master): assessments with their
/// respondents and answers saved as they go, who may do what, completion into the process log, charts and exports.
/// </summary>
public sealed class AssessmentsCapability : Capability
{
    public override string Name => "assessments";

    public override Type Text => typeof(AssessmentText);

    public override Type Permissions => typeof(AssessmentPermissions);

    public override Type DemoSeed => typeof(ToolkitDemo);

    public override IReadOnlyList<PageSlot> Slots =>
    [
        new(ProcessSlots.Sections, typeof(ProcessAssessmentsViewComponent), Order: 20),
        new(OrganisationSlots.Links, typeof(OrganisationToolkitViewComponent)),
    ];

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("assessment.started", "Started an assessment"),
        ("assessment.completed", "Completed an assessment"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AssessmentAccessReader>();
        services.AddScoped<AssessmentLifecycle>();
        services.AddScoped<AssessmentLog>();
        services.AddScoped<AssessmentHomes>();
        services.AddScoped<ToolkitOrganisation>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAssessmentsApi();
}
