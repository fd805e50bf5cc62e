using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Organisations;

/// <summary>Organisations: public bodies, their staff and administrators, invitations.</summary>
public sealed class OrganisationsCapability : Capability
{
    public override string Name => "organisations";

    public override Type Text => typeof(OrganisationText);

    public override Type Permissions => typeof(OrganisationPermissions);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OrganisationMembership>();
        services.AddScoped<OrganisationAccessReader>();
        services.AddScoped<AdministratorLog>();
        services.AddScoped<Accounts.IPersonalData, OrganisationPersonalData>();
    }
}
