namespace Cocreo.Web.Features.Organisations;

/// <summary>
/// The slots of an organisation's page that other capabilities fill. A slot's view component has one parameter,
/// <c>OrganisationView organisation</c>: the organisation and who reads it.
/// </summary>
public static class OrganisationSlots
{
    /// <summary>Links among the page's actions (the co-creation toolkit...).</summary>
    public const string Links = "organisation.links";

    /// <summary>Sections before the staff (the organisation's processes...).</summary>
    public const string Sections = "organisation.sections";
}
