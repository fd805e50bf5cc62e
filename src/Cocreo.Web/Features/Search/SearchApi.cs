using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cocreo.Web.Features.Search;

/// <summary>The JSON API of search: <c>GET /api/v1/search?q=...</c>, with the filters of the page.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/search").WithTags("Search");
        api.MapGet("/", Find).WithName("Search")
            .WithSummary("What the caller may see that matches the words (all of them, stemmed in English and Slovenian), best first; filters: organisation, phase, type, from, to (dates); page.");
        return api;
    }

    private static async Task<Ok<SearchDocument>> Find(HttpContext http, SiteSearch search, CancellationToken cancellationToken,
        string? q = null, string? organisation = null, string? phase = null, string? type = null, string? from = null, string? to = null, string? page = null, string? pageSize = null)
    {
        // Filters that do not parse are ignored: a search never fails on what was typed.
        var request = new SearchRequest(
            q,
            int.TryParse(organisation, out var o) ? o : null,
            Enum.TryParse<PolicyPhase>(phase, true, out var p) && Enum.IsDefined(p) ? p : null,
            Enum.TryParse<SearchKind>(type, true, out var k) && Enum.IsDefined(k) ? k : null,
            DateOnly.TryParse(from, System.Globalization.CultureInfo.InvariantCulture, out var f) ? f : null,
            DateOnly.TryParse(to, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : null,
            int.TryParse(page, out var n) ? n : 1,
            int.TryParse(pageSize, out var size) ? Math.Clamp(size, 1, SearchRequest.MaxPageSize) : 20);
        var answer = await search.SearchAsync(request, http.User, cancellationToken);
        return TypedResults.Ok(new SearchDocument(
            answer.Count,
            answer.CountIsLimit,
            Math.Max(1, request.Skip / request.Take + 1),
            answer.Results.Select(r => new SearchResultDocument(r.Kind, r.Title, r.Url, SnippetHtml(r), r.ProcessId, r.ProcessTitle, r.Phase, r.ProcessClosed, r.OrganisationName, r.OccurredAt)).ToList()));
    }

    private static string SnippetHtml(SearchResult result)
    {
        using var writer = new StringWriter();
        result.Snippet.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}

/// <summary>A page of results; <c>CountIsLimit</c> says the count stopped at its limit (there are at least that many).</summary>
public sealed record SearchDocument(int Count, bool CountIsLimit, int Page, IReadOnlyList<SearchResultDocument> Results);

/// <summary>One result; <c>SnippetHtml</c> is HTML-encoded text with the matching words in &lt;mark&gt;.</summary>
public sealed record SearchResultDocument(SearchKind Kind, string Title, string Url, string SnippetHtml, int ProcessId, string ProcessTitle,
    PolicyPhase Phase, bool ProcessClosed, string OrganisationName, DateTime OccurredAt);
