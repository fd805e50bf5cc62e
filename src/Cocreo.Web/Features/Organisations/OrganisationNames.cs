using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Organisations;

public static class OrganisationNames
{
    public static string Type(IStringLocalizer<OrganisationText> t, OrganisationType type) => type switch
    {
        OrganisationType.Municipality => t["Municipality"],
        OrganisationType.Ministry => t["Ministry"],
        OrganisationType.Agency => t["Agency"],
        OrganisationType.School => t["School"],
        _ => t["Other"],
    };

    public static string Size(IStringLocalizer<OrganisationText> t, SizeBand size) => size switch
    {
        SizeBand.Small => t["Fewer than 50 staff"],
        SizeBand.Medium => t["50 to 249 staff"],
        SizeBand.Large => t["250 to 999 staff"],
        _ => t["1,000 staff or more"],
    };

    public static string Role(IStringLocalizer<OrganisationText> t, OrganisationRole role) => role switch
    {
        OrganisationRole.Administrator => t["Administrator"],
        _ => t["Staff"],
    };
}
