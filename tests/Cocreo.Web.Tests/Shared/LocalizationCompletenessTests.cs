using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cocreo.Testing;

namespace Cocreo.Web.Tests.Shared;

/// <summary>
/// Every string the pages and code look up is translated into Slovenian. Keys are the English text; the test finds
/// them where they are used: localiser indexers, validation messages and log action descriptions.
/// </summary>
public partial class LocalizationCompletenessTests
{
    private static readonly string WebRoot = Path.Combine(SharedData.RepositoryRoot, "src", "Cocreo.Web");

    [Fact]
    public void Every_key_used_has_a_Slovenian_translation()
    {
        var missing = new List<string>();
        foreach (var (textClass, keys) in UsedKeys())
        {
            var translations = Translations(textClass);
            missing.AddRange(keys.Where(k => !translations.TryGetValue(k, out var value) || string.IsNullOrWhiteSpace(value))
                .Select(k => $"{textClass}: {k}"));
        }
        Assert.True(missing.Count == 0, "Missing Slovenian translations:\n" + string.Join("\n", missing.Order()));
    }

    [Fact]
    public void Translations_keep_every_placeholder()
    {
        var broken = new List<string>();
        foreach (var file in Directory.GetFiles(WebRoot, "*.sl.resx", SearchOption.AllDirectories))
        {
            foreach (var (key, value) in ReadResx(file))
            {
                var expected = Placeholder().Matches(key).Select(m => m.Value).Distinct().Order();
                var actual = Placeholder().Matches(value).Select(m => m.Value).Distinct().Order();
                if (!expected.SequenceEqual(actual))
                {
                    broken.Add($"{Path.GetFileName(file)}: {key} → {value}");
                }
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void Plural_messages_give_every_form_each_language_has()
    {
        var broken = new List<string>();
        foreach (var (textClass, keys) in UsedKeys())
        {
            var translations = Translations(textClass);
            foreach (var key in keys.Where(k => k.Contains(", plural,", StringComparison.Ordinal)))
            {
                broken.AddRange(Check("en", key, key));
                if (translations.TryGetValue(key, out var slovenian))
                {
                    broken.AddRange(Check("sl", key, slovenian));
                }
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken));

        static IEnumerable<string> Check(string language, string key, string message)
        {
            var needed = Cocreo.Web.Platform.Localization.PluralRules.CategoriesOf(language).Select(c => c.ToString().ToLowerInvariant()).ToList();
            foreach (var selectors in Cocreo.Web.Platform.Localization.PluralMessage.Branches(message))
            {
                var categories = selectors.Where(s => !s.StartsWith('=')).ToList();
                if (!categories.SequenceEqual(needed))
                {
                    yield return $"{language}: \"{message}\" (for \"{key}\") has [{string.Join(' ', categories)}], needs [{string.Join(' ', needed)}] in that order";
                }
            }
        }
    }

    [Fact]
    public void Pages_have_no_text_outside_the_localiser()
    {
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(WebRoot, "*.cshtml", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
                file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }
            var markup = CodeBlock().Replace(File.ReadAllText(file), "");
            markup = FunctionsBlock().Replace(markup, "");
            foreach (Match m in TextNode().Matches(markup))
            {
                var text = m.Groups[1].Value.Trim();
                // Text with code characters is a C# expression the pattern cut through (a > comparison, a lambda).
                if (text.Length > 0 && !text.StartsWith('@') && text != "Cocreo" && text.IndexOfAny(['(', ')', '[', ']', '=', ';']) < 0)
                {
                    found.Add($"{Path.GetRelativePath(WebRoot, file)}: {text}");
                }
            }
        }
        Assert.True(found.Count == 0, "Text written into pages instead of T[\"...\"]:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scanner_finds_keys_so_this_test_can_fail()
    {
        var keys = UsedKeys();
        Assert.Contains("Co-creation processes", keys["ProcessText"]);
        Assert.Contains("Skip to main content", keys["SharedText"]);
        Assert.Contains("Enter a title.", keys["ProcessText"]);
        Assert.Contains("Moved to the next phase", keys["ProcessText"]);
        Assert.Contains("The process is closed: it can no longer change.", keys["ProcessText"]);
        Assert.Contains("Only the organisation's administrators can do this.", keys["OrganisationText"]);
        // The chart kit's own words live in Platform/Charts (ChartText.sl.resx beside ChartText).
        Assert.Contains("No data to show yet.", keys["ChartText"]);
        Assert.Contains("Data table: {0}", keys["ChartText"]);
    }

    private static Dictionary<string, HashSet<string>> UsedKeys()
    {
        var keys = new Dictionary<string, HashSet<string>>();
        void Add(string textClass, string key) => (keys.TryGetValue(textClass, out var set) ? set : keys[textClass] = []).Add(key.Replace("\\\"", "\"", StringComparison.Ordinal));

        foreach (var file in Directory.GetFiles(WebRoot, "*.cs*", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
                file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
                file.Contains("Migrations", StringComparison.Ordinal))
            {
                continue;
            }
            var source = File.ReadAllText(file);
            var localizers = new Dictionary<string, string> { ["S"] = "SharedText" };
            foreach (Match m in Injection().Matches(source))
            {
                localizers[m.Groups[2].Value] = m.Groups[1].Value;
            }
            foreach (var (variable, textClass) in localizers)
            {
                foreach (Match m in new Regex(@"(?<![\w.])" + Regex.Escape(variable) + @"(?:\[|\.Plural\()\s*""((?:[^""\\]|\\.)*)""").Matches(source))
                {
                    Add(textClass, m.Groups[1].Value);
                }
            }
            var featureText = FeatureTextClass(file);
            foreach (Match m in ErrorMessage().Matches(source))
            {
                Add(featureText ?? "SharedText", m.Groups[1].Value);
            }
            if (source.Contains("LogActionText", StringComparison.Ordinal))
            {
                foreach (Match m in LogActionDescription().Matches(source))
                {
                    Add(featureText!, m.Groups[1].Value);
                }
            }
            foreach (Match m in Reason().Matches(source))
            {
                Add(featureText ?? "SharedText", m.Groups[1].Value);
            }
            if (file.EndsWith("Rules.cs", StringComparison.Ordinal))
            {
                foreach (Match m in SwitchArm().Matches(source))
                {
                    Add(featureText!, m.Groups[1].Value);
                }
            }
        }
        return keys;
    }

    /// <summary>The text class of the capability a file belongs to: the nearest *Text.cs in its folder or above (within the web project).</summary>
    private static string? FeatureTextClass(string file)
    {
        for (var folder = Path.GetDirectoryName(file)!; folder.Length > WebRoot.Length; folder = Path.GetDirectoryName(folder)!)
        {
            if (Directory.GetFiles(folder, "*Text.cs").Select(Path.GetFileNameWithoutExtension).FirstOrDefault() is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static Dictionary<string, string> Translations(string textClass)
    {
        var file = Directory.GetFiles(WebRoot, textClass + ".sl.resx", SearchOption.AllDirectories).SingleOrDefault();
        return file is null ? [] : ReadResx(file);
    }

    private static Dictionary<string, string> ReadResx(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [GeneratedRegex(@"IStringLocalizer<(?:[\w.]+\.)?(\w+Text)>\s+(\w+)")]
    private static partial Regex Injection();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"\(""[\w.-]+"",\s*""((?:[^""\\]|\\.)*)""\)")]
    private static partial Regex LogActionDescription();

    // A refusal's reason: Decision.NotYours("..."), NotNow("..."), Refusal.Invalid("...") and the like.
    [GeneratedRegex(@"(?<![\w.])(?:Decision\.)?(?:NotYours|NotNow|Refusal\.Invalid|Refusal\.Conflict)\(\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Reason();

    [GeneratedRegex(@"=>\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex SwitchArm();

    [GeneratedRegex(@"@\{.*?\n\}", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"@functions\s*\{.*", RegexOptions.Singleline)]
    private static partial Regex FunctionsBlock();

    [GeneratedRegex(@">([^<>@{}]*[A-Za-z]{3,}[^<>@{}]*)<")]
    private static partial Regex TextNode();

    // {0} and the start of a plural block, {0, plural, ...}: the argument either way.
    [GeneratedRegex(@"\{\d+(?=[,}])")]
    private static partial Regex Placeholder();
}
