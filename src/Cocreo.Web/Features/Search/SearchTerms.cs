using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Cocreo.Web.Features.Search;

/// <summary>
/// Turns text into the terms the index stores and a query asks for, the same way on both databases: words are runs of
/// letters and digits (anything else separates them, so operators, quotes and emoji are never syntax), folded to
/// lower case without diacritics (<c>Čebelnjak</c> = <c>cebelnjak</c>), and each word stands in the index for its
/// English stem and its Slovenian stem. The database only matches and ranks the terms.
/// </summary>
public static class SearchTerms
{
    /// <summary>Longer "words" (a pasted hash, a run of letters) are cut: nobody searches for them whole.</summary>
    public const int MaxWordLength = 40;

    /// <summary>A query asks for at most this many words (all of them must match); the rest of a long query is ignored.</summary>
    public const int MaxQueryWords = 8;

    /// <summary>The words of a text, folded, in order.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }
        var folded = Fold(text);
        var word = new StringBuilder();
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (word.Length < MaxWordLength)
                {
                    word.Append(rune.ToString());
                }
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>The stems one word stands for: its English and its Slovenian stem (one when they agree).</summary>
    public static IReadOnlyList<string> StemsOf(string word)
    {
        var english = English(word);
        var slovenian = SlovenianStemmer.Stem(word);
        return english == slovenian ? [english] : [english, slovenian];
    }

    /// <summary>What the index stores for a text: every stem of every word, separated by spaces.</summary>
    public static string ForIndex(params string?[] texts)
    {
        var terms = new StringBuilder();
        foreach (var text in texts)
        {
            foreach (var word in Words(text))
            {
                foreach (var stem in StemsOf(word))
                {
                    terms.Append(stem).Append(' ');
                }
            }
        }
        return terms.ToString().TrimEnd();
    }

    /// <summary>
    /// What a query asks for: one group per distinct word (at most <see cref="MaxQueryWords"/>), each the word's stems,
    /// any of which may match. Empty when the query has no words (only operators, punctuation, emoji).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> ForQuery(string? query) =>
        Words(query?.Length > 2000 ? query[..2000] : query)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxQueryWords)
            .Select(StemsOf)
            .ToList();

    /// <summary>Lower case without diacritics: what both the index and the query compare.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    break;
                default:
                    folded.Append(c switch { 'đ' => 'd', 'ł' => 'l', 'ø' => 'o', 'ß' => 's', _ => c });
                    break;
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string English(string word)
    {
        if (word.Length < 3 || !IsLatin(word))
        {
            return word;
        }
        // The Snowball English (Porter2) stemmer; an instance keeps state, so each call has its own.
        var stemmer = new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    internal static bool IsLatin(string word) => word.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9');
}

/// <summary>
/// A light Slovenian stemmer: no library offers one (Snowball has none, PostgreSQL has no Slovenian configuration,
/// FTS5 has only Porter for English), so this is a small one written for Cocreo. It follows the light suffix-stripping
/// approach of Savoy's stemmers for inflected European languages (J. Savoy, "Light stemming approaches for the French,
/// Portuguese, German and Hungarian languages", ACM SAC 2006; L. Dolamic and J. Savoy, "Stemming approaches for East
/// European languages", CLEF 2007) with the inflectional endings of Slovene nouns, adjectives and verbs as listed by
/// Popovič and Willett ("The effectiveness of stemming for natural-language access to Slovene textual data", JASIS
/// 43(5), 1992): it removes the longest matching ending once, keeping a stem of at least three letters. It works on
/// folded words (no diacritics: <c>proračunom</c> arrives as <c>proracunom</c>) and leaves derivation alone, which
/// keeps it predictable: <c>proračun, proračuna, proračunu, proračunom, proračuni, proračunov</c> all become
/// <c>proracun</c>.
/// </summary>
public static class SlovenianStemmer
{
    private const int MinStem = 3;

    // Longest first. Adjective and pronoun endings, noun case endings, verb endings (present, infinitive, l-participle).
    private static readonly string[] Endings =
    [
        "ovega", "ovemu", "evega", "evemu", "jejo",
        "ega", "emu", "ima", "imi", "ami", "ama", "ovi", "ova", "ove", "ovo", "evi", "eva", "eve",
        "ati", "iti", "eti", "uti", "ala", "ali", "alo", "ila", "ili", "ilo", "ela", "eli", "elo",
        "amo", "ate", "ajo", "imo", "ite", "ijo", "emo", "ete", "ejo", "jem", "jes",
        "ih", "im", "om", "em", "ov", "ev", "ah", "mi", "ju", "ja", "je", "ji", "jo", "ij",
        "a", "e", "i", "o", "u",
    ];

    public static string Stem(string word)
    {
        if (word.Length <= MinStem || !SearchTerms.IsLatin(word))
        {
            return word;
        }
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= MinStem && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }
        return word;
    }
}
