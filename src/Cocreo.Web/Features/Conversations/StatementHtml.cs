using System.Net;
using Microsoft.AspNetCore.Html;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// A statement inside a sentence of the interface: the sentence is in the reader's language, the statement in the
/// language it was written in, so the statement is marked with its own <c>lang</c>. The sentence is formatted with
/// <see cref="Marker"/> in the statement's place, both are encoded, and the marker becomes the marked statement.
/// </summary>
public static class StatementHtml
{
    public const string Marker = "@@statement@@";

    public static IHtmlContent In(string sentence, string statement, string language) =>
        new HtmlString(WebUtility.HtmlEncode(sentence).Replace(Marker, Span(statement, language), StringComparison.Ordinal));

    private static string Span(string statement, string language) =>
        $"<span lang=\"{WebUtility.HtmlEncode(language)}\">{WebUtility.HtmlEncode(statement)}</span>";
}
