namespace Cocreo.Web.Platform.Localization;

/// <summary>
/// Text people wrote (a title, a description), with the language it is in. A page shows it in an element with
/// <c>lang="@text.Language"</c>, so a screen reader reads a fallback in the original language with the right voice.
/// </summary>
public readonly record struct Written(string Text, string Language)
{
    public override string ToString() => Text;
}

/// <summary>A row holding an entity's text in one more language (<c>ProcessTranslation</c>, <c>ProposalTranslation</c>...).</summary>
public interface ITranslation
{
    string Language { get; }
}

/// <summary>Picks the reader's language when a translation has the text, else the original: one rule for every translated entity.</summary>
public static class Translations
{
    /// <summary>
    /// The field in the reader's language when its translation has it (not empty), else the original with its
    /// language.
    /// </summary>
    public static Written Pick<T>(string original, string originalLanguage, IEnumerable<T> translations, string reader, Func<T, string?> field)
        where T : ITranslation
    {
        if (reader != originalLanguage && translations.FirstOrDefault(t => t.Language == reader) is { } translation
            && field(translation) is { } text && !string.IsNullOrWhiteSpace(text))
        {
            return new Written(text, reader);
        }
        return new Written(original, originalLanguage);
    }

    /// <summary>The list in the reader's language when its translation has items, else the original with its language.</summary>
    public static (IReadOnlyList<string> Items, string Language) PickList<T>(IReadOnlyList<string> original, string originalLanguage, IEnumerable<T> translations, string reader, Func<T, IReadOnlyList<string>> field)
        where T : ITranslation
    {
        if (reader != originalLanguage && translations.FirstOrDefault(t => t.Language == reader) is { } translation && field(translation).Count > 0)
        {
            return (field(translation), reader);
        }
        return (original, originalLanguage);
    }

    /// <summary>The translation into <paramref name="language"/>, if there is one.</summary>
    public static T? In<T>(this IEnumerable<T> translations, string language) where T : class, ITranslation =>
        translations.FirstOrDefault(t => t.Language == language);
}
