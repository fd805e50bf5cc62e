using System.Globalization;
using System.Text;

namespace Cocreo.Web.Features.Organisations;

/// <summary>How organisation names are kept and compared.</summary>
public static class OrganisationName
{
    /// <summary>The name as shown: trimmed, each run of white space one space.</summary>
    public static string Tidy(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The name as compared: tidied, accents removed (the marks that Unicode decomposition separates: "Nôvo" is
    /// "novo", "Črnomelj" is "crnomelj"), lower case. Two names with the same normalised name are the same name.
    /// </summary>
    public static string Normalize(string name)
    {
        var decomposed = Tidy(name).Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }
        return kept.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}
