using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Localization;

/// <summary>The CLDR plural categories.</summary>
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// <summary>
/// The CLDR plural rules of the platform's languages (unicode.org/cldr, "Language Plural Rules"). Written here because
/// .NET exposes no plural rules and the package registry this project builds from serves no stable ICU MessageFormat
/// package (MessageFormat.NET and SmartFormat are not served; ICU4N is an alpha, used only by the tests, which check
/// these rules against ICU's for every supported language); a language added to <see cref="Cultures"/> adds its rule
/// here (the tests fail until it does).
/// </summary>
public static class PluralRules
{
    /// <summary>The category of a number in a language. Operands as CLDR names them: i the integer digits, v the count of visible fraction digits.</summary>
    public static PluralCategory Of(string language, decimal number)
    {
        var n = Math.Abs(number);
        var i = decimal.Truncate(n);
        var v = VisibleFractionDigits(n);
        return language switch
        {
            // one: i = 1 and v = 0
            "en" => i == 1 && v == 0 ? PluralCategory.One : PluralCategory.Other,
            // one: v = 0 and i % 100 = 1; two: v = 0 and i % 100 = 2; few: v = 0 and i % 100 = 3..4 or v != 0
            "sl" => v != 0 ? PluralCategory.Few : (i % 100) switch
            {
                1 => PluralCategory.One,
                2 => PluralCategory.Two,
                3 or 4 => PluralCategory.Few,
                _ => PluralCategory.Other,
            },
            _ => throw new ArgumentException($"No plural rule for the language '{language}'.", nameof(language)),
        };
    }

    /// <summary>The categories a language uses, which every plural message in it must give.</summary>
    public static IReadOnlyList<PluralCategory> CategoriesOf(string language) => language switch
    {
        "en" => [PluralCategory.One, PluralCategory.Other],
        "sl" => [PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Other],
        _ => throw new ArgumentException($"No plural rule for the language '{language}'.", nameof(language)),
    };

    private static int VisibleFractionDigits(decimal n)
    {
        // decimal keeps its scale: 1.50m has two visible fraction digits, 1m none.
        var bits = decimal.GetBits(n);
        return (bits[3] >> 16) & 0xFF;
    }
}

/// <summary>
/// Messages with plurals, in the subset of ICU MessageFormat the platform uses: text with <c>{0}</c> placeholders and
/// <c>{0, plural, one {# entry} other {# entries}}</c> blocks (also <c>=0 {...}</c> for an exact number), where
/// <c>#</c> is the number written in the reader's culture. Hand-written for the reason given on <see cref="PluralRules"/>.
/// </summary>
public static class PluralMessage
{
    public static string Format(CultureInfo culture, string pattern, params object?[] args)
    {
        var output = new StringBuilder(pattern.Length + 16);
        var position = 0;
        Append(output, culture, pattern, ref position, args, number: null, closing: false);
        return output.ToString();
    }

    /// <summary>The branches of each plural block of a pattern (for checking translations).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Branches(string pattern)
    {
        var found = new List<IReadOnlyList<string>>();
        var position = 0;
        Scan(pattern, ref position, found);
        return found;
    }

    private static void Append(StringBuilder output, CultureInfo culture, string pattern, ref int position, object?[] args, object? number, bool closing)
    {
        while (position < pattern.Length)
        {
            var c = pattern[position];
            if (c == '}' && closing)
            {
                return;
            }
            if (c == '#' && number is not null)
            {
                output.Append(Convert.ToString(number, culture));
                position++;
                continue;
            }
            if (c != '{')
            {
                output.Append(c);
                position++;
                continue;
            }
            var end = pattern.IndexOfAny([',', '}'], position);
            if (end < 0 || !int.TryParse(pattern.AsSpan(position + 1, end - position - 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= args.Length)
            {
                throw new FormatException($"Bad placeholder at {position} in \"{pattern}\".");
            }
            var value = args[index];
            if (pattern[end] == '}')
            {
                output.Append(Convert.ToString(value, culture));
                position = end + 1;
                continue;
            }
            position = end + 1;
            ExpectWord(pattern, ref position, "plural");
            var count = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            var category = PluralRules.Of(culture.TwoLetterISOLanguageName, count).ToString().ToLowerInvariant();
            var chosen = false;
            while (true)
            {
                SkipSpace(pattern, ref position);
                if (position >= pattern.Length)
                {
                    throw new FormatException($"Unclosed plural block in \"{pattern}\".");
                }
                if (pattern[position] == '}')
                {
                    position++;
                    break;
                }
                var selectorEnd = pattern.IndexOf('{', position);
                if (selectorEnd < 0)
                {
                    throw new FormatException($"A plural branch without text at {position} in \"{pattern}\".");
                }
                var selector = pattern[position..selectorEnd].Trim();
                position = selectorEnd + 1;
                var matches = !chosen && (selector.StartsWith('=')
                    ? decimal.Parse(selector[1..], CultureInfo.InvariantCulture) == count
                    : selector == category || selector == "other");
                // An exact match (=0) wins over a category only when it comes first, as ICU writes them.
                var branch = new StringBuilder();
                Append(branch, culture, pattern, ref position, args, value, closing: true);
                position++;
                if (matches)
                {
                    output.Append(branch);
                    chosen = true;
                }
            }
            if (!chosen)
            {
                throw new FormatException($"No branch for \"{category}\" in \"{pattern}\".");
            }
        }
        if (closing)
        {
            throw new FormatException($"Unclosed plural branch in \"{pattern}\".");
        }
    }

    private static void Scan(string pattern, ref int position, List<IReadOnlyList<string>> found)
    {
        var depth = 0;
        while (position < pattern.Length)
        {
            var plural = pattern.IndexOf(", plural,", position, StringComparison.Ordinal);
            if (plural < 0)
            {
                return;
            }
            position = plural + ", plural,".Length;
            var selectors = new List<string>();
            while (true)
            {
                SkipSpace(pattern, ref position);
                if (position >= pattern.Length || pattern[position] == '}')
                {
                    position++;
                    break;
                }
                var open = pattern.IndexOf('{', position);
                if (open < 0)
                {
                    return;
                }
                selectors.Add(pattern[position..open].Trim());
                depth = 1;
                position = open + 1;
                while (position < pattern.Length && depth > 0)
                {
                    depth += pattern[position] switch { '{' => 1, '}' => -1, _ => 0 };
                    position++;
                }
            }
            found.Add(selectors);
        }
    }

    private static void ExpectWord(string pattern, ref int position, string word)
    {
        SkipSpace(pattern, ref position);
        if (string.CompareOrdinal(pattern, position, word, 0, word.Length) != 0)
        {
            throw new FormatException($"Expected \"{word}\" at {position} in \"{pattern}\".");
        }
        position += word.Length;
        SkipSpace(pattern, ref position);
        if (position >= pattern.Length || pattern[position] != ',')
        {
            throw new FormatException($"Expected \",\" at {position} in \"{pattern}\".");
        }
        position++;
    }

    private static void SkipSpace(string pattern, ref int position)
    {
        while (position < pattern.Length && char.IsWhiteSpace(pattern[position]))
        {
            position++;
        }
    }
}

public static class PluralLocalizerExtensions
{
    /// <summary>
    /// The localised message for <paramref name="key"/>, an ICU-style pattern with plural blocks, formatted for the
    /// reader's culture: <c>T.Plural("{0, plural, one {# entry} other {# entries}}", count)</c>.
    /// </summary>
    public static string Plural(this IStringLocalizer localizer, string key, params object?[] args) =>
        PluralMessage.Format(CultureInfo.CurrentCulture, localizer[key].Value, args);
}
