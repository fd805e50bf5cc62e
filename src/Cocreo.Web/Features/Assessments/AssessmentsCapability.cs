using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// The machinery the toolkit's instruments share (Co-Ready, Co-Serve, Co-Master): assessments with their
/// respondents and answers saved as they go, who may do what, completion into the process log, charts and exports.
/// The three tools reach assessments only through its services: <see cref="AssessmentAccessReader"/> (access, pages
/// and change targets), <see cref="AssessmentDirectory"/> (reads), <see cref="AssessmentLifecycle"/> (changes within a
/// use case) and its use cases (<see cref="StartAssessment"/>, <see cref="AnswerAssessment"/>, <see cref="CompleteAssessment"/>).
/// </summary>
public sealed class AssessmentsCapability : Capability
{
    public override string Name => "assessments";

    public override Type Text => typeof(AssessmentText);

    public override Type Permissions => typeof(AssessmentPermissions);

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
        services.AddScoped<AssessmentDirectory>();
        services.AddScoped<Accounts.IPersonalData, AssessmentPersonalData>();
        services.AddScoped<AssessmentLifecycle>();
        services.AddScoped<Processes.IProcessActivity, AssessmentProcessActivity>();
        services.AddScoped<AssessmentHomes>();
        services.AddScoped<ToolkitProcesses>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAssessmentsApi();
}
