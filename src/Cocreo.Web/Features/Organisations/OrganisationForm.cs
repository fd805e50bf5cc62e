using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Cocreo.Web.Features.Organisations;

public sealed class OrganisationForm
{
    [Required(ErrorMessage = "Enter the organisation's name.")]
    [StringLength(OrganisationLimits.Name, ErrorMessage = "The name can have at most {1} characters.")]
    public string Name { get; set; } = "";

    public OrganisationType Type { get; set; } = OrganisationType.Municipality;

    public SizeBand Size { get; set; } = SizeBand.Medium;

    [Required(ErrorMessage = "Enter the country as a two-letter code, like SI.")]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Enter the country as a two-letter code, like SI.")]
    public string Country { get; set; } = "SI";

    [Required(ErrorMessage = "List the languages the organisation works in, like sl, en.")]
    [RegularExpression(@"^\s*[A-Za-z]{2}(\s*,\s*[A-Za-z]{2})*\s*$", ErrorMessage = "List languages as two-letter codes separated by commas, like sl, en.")]
    public string Languages { get; set; } = "sl, en";

    public Guid SubmissionId { get; set; }

    /// <summary>The codes of <see cref="Languages"/> (a method, not a property, so the model binder leaves it alone).</summary>
    public IReadOnlyList<string> LanguageCodes() => (Languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool HasKnownCountry() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
            .Contains(Country.Trim().ToUpperInvariant());

    public static OrganisationForm From(Organisation organisation) => new()
    {
        Name = organisation.Name,
        Type = organisation.Type,
        Size = organisation.Size,
        Country = organisation.Country,
        Languages = string.Join(", ", organisation.Languages),
    };
}
