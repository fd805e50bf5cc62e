using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>Co-Serve: which service should we renew? Candidates evaluated with 13 criteria, compared, and one chosen.</summary>
public sealed class ServiceSelectionCapability : Capability
{
    public override string Name => "service-selection";

    public override Type Text => typeof(ServiceSelectionText);

    /// <summary>The toolkit's permissions, shared by its three tools.</summary>
    public override Type Permissions => typeof(AssessmentPermissions);

    public override Type DemoSeed => typeof(ServiceSelectionDemo);

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("service-selection.started", "Started comparing services to renew"),
        ("service.added", "Added a candidate service"),
        ("service.chosen", "Chose the service to renew"),
        ("service.rechosen", "Changed the service to renew"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ServiceSelectionDirectory>();
        services.AddScoped<ShortlistReader>();
        services.AddScoped<Accounts.IPersonalData, ServiceSelectionPersonalData>();
        services.AddAssessmentHome(InstrumentCatalog.CoServe,
            (services, assessment, cancellationToken) => services.GetRequiredService<ServiceSelectionDirectory>().PathOfAssessmentAsync(assessment.Id, cancellationToken));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapServiceSelectionApi();
}
