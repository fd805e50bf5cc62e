using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
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

    public static string Standing(IStringLocalizer<OrganisationText> t, OrganisationStanding standing) => standing switch
    {
        OrganisationStanding.Verified => t["Verified"],
        OrganisationStanding.Suspended => t["Suspended"],
        _ => t["Not verified"],
    };

    /// <summary>
    /// Refuses (a field error on the name) a name that another organisation already has, compared as normalised
    /// (<see cref="OrganisationName.Normalize"/>). The unique index on the normalised name catches two registrations
    /// at once: the loser's save fails, the change runner starts it again, and this check then refuses it.
    /// </summary>
    public static async Task RequireFreeAsync(CocreoDbContext db, string name, int? self, CancellationToken cancellationToken)
    {
        var normalized = OrganisationName.Normalize(name);
        if (await db.Set<Organisation>().AnyAsync(o => o.NormalizedName == normalized && o.Id != self, cancellationToken))
        {
            throw new OrganisationRuleException("NameTaken", "Input.Name");
        }
    }

    public static string Decision(IStringLocalizer<OrganisationText> t, string action) => action switch
    {
        "organisation.verified" => t["Verified"],
        "organisation.suspended" => t["Suspended"],
        "organisation.reinstated" => t["Reinstated"],
        _ => action,
    };

    public static string Role(IStringLocalizer<OrganisationText> t, OrganisationRole role) => role switch
    {
        OrganisationRole.Administrator => t["Administrator"],
        _ => t["Staff"],
    };
}
