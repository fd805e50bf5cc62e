using System.Globalization;
using System.Text;

namespace Cocreo.Web.Data.Migrations;

/// <summary>
/// The data part of the VerifiedOrganisations migration, the same for SQLite and PostgreSQL (only the name of the
/// character function differs). Frozen here, apart from the app's code, so the migration does not change later.
/// </summary>
internal static class VerifiedOrganisationsBackfill
{
    /// <summary>
    /// Statements that give every existing organisation a unique normalised name and verify the demo organisation.
    /// The normalised name is computed in SQL the way the app computes it (white space runs made one space, trimmed,
    /// lower case, accents removed): neither database can run the app's Unicode normalisation, so each accented letter
    /// of Latin-1, Latin Extended-A/B and upper-case Cyrillic is replaced by what the app makes of it, one replace()
    /// each, after lower() (which SQLite applies to ASCII only). Existing organisations may already share a name (they
    /// were allowed to): the oldest keeps it, each later one gets " #" and its id appended, which is unique because
    /// ids are — its administrators see the duplicate and can rename it; the unique index is created after this.
    /// Existing organisations stay unverified (a platform administrator verifies them at /admin/organisations), except
    /// the demo city, which is verified with the reason "Demo organisation" and logged as such.
    /// </summary>
    public static IEnumerable<string> Statements(string charFunction)
    {
        var expression = $@"""Name""";
        foreach (var code in new[] { 9, 10, 13 })
        {
            expression = $"replace({expression}, {charFunction}({code}), ' ')";
        }
        for (var i = 0; i < 7; i++)
        {
            expression = $"replace({expression}, '  ', ' ')";
        }
        expression = $"lower(trim({expression}))";
        foreach (var (from, to) in Accents())
        {
            expression = $"replace({expression}, '{from}', '{to}')";
        }
        yield return $@"UPDATE ""Organisation"" SET ""NormalizedName"" = substr({expression}, 1, 200);";
        yield return @"UPDATE ""Organisation"" SET ""NormalizedName"" = substr(""NormalizedName"", 1, 180) || ' #' || CAST(""Id"" AS VARCHAR(12))
            WHERE EXISTS (SELECT 1 FROM ""Organisation"" AS ""Earlier"" WHERE ""Earlier"".""NormalizedName"" = ""Organisation"".""NormalizedName"" AND ""Earlier"".""Id"" < ""Organisation"".""Id"");";
        yield return @"UPDATE ""Organisation"" SET ""Standing"" = 'Unverified';";
        yield return @"UPDATE ""Organisation"" SET ""Standing"" = 'Verified', ""VerifiedAt"" = ""CreatedAt"", ""StandingDecidedAt"" = ""CreatedAt"", ""StandingDecidedBy"" = 'Cocreo', ""StandingReason"" = 'Demo organisation' WHERE ""IsDemo"";";
        yield return @"INSERT INTO ""AdministratorLog"" (""OccurredAt"", ""AdministratorId"", ""AdministratorName"", ""OrganisationId"", ""OrganisationName"", ""Action"", ""Reason"")
            SELECT ""CreatedAt"", NULL, 'Cocreo', ""Id"", ""Name"", 'organisation.verified', 'Demo organisation' FROM ""Organisation"" WHERE ""IsDemo"";";
    }

    /// <summary>Each letter, and its lower case, that the normalisation changes, with what it becomes.</summary>
    private static IEnumerable<(string From, string To)> Accents()
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in Enumerable.Range(0x00C0, 0x0250 - 0x00C0).Concat(Enumerable.Range(0x0400, 0x30)))
        {
            var letter = ((char)code).ToString();
            var normal = Normalize(letter);
            foreach (var form in new[] { letter, letter.ToLowerInvariant() })
            {
                if (form != normal && normal.Length > 0 && !normal.Contains('\'', StringComparison.Ordinal))
                {
                    pairs.TryAdd(form, normal);
                }
            }
        }
        return pairs.Select(p => (p.Key, p.Value));
    }

    // The app's normalisation as of this migration (Features/Organisations/OrganisationName.Normalize).
    private static string Normalize(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
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
