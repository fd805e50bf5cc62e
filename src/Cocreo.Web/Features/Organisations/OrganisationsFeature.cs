namespace Cocreo.Web.Features.Organisations;

public static class OrganisationsFeature
{
    public static WebApplicationBuilder AddOrganisations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganisationMembership>();
        return builder;
    }
}
