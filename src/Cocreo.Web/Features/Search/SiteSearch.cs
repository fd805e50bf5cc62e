using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Search;

/// <summary>One result as a page or the API shows it.</summary>
public sealed record SearchResult(
    SearchKind Kind,
    string Title,
    string Url,
    IHtmlContent Snippet,
    int ProcessId,
    string ProcessTitle,
    PolicyPhase Phase,
    bool ProcessClosed,
    string OrganisationName,
    DateTime OccurredAt);

/// <summary>A page of results; <paramref name="CountIsLimit"/>: there are more than <paramref name="Count"/> (= <see cref="SearchRequest.CountLimit"/>).</summary>
public sealed record SearchAnswer(IReadOnlyList<SearchResult> Results, int Count, bool HasWords, bool CountIsLimit = false);

/// <summary>The search capability's public service: what the reader may find, with highlighted snippets.</summary>
public sealed class SiteSearch(CocreoDbContext db, ISearchIndex index)
{
    public async Task<SearchAnswer> SearchAsync(SearchRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.Terms.Count == 0)
        {
            return new([], 0, false);
        }
        var scope = await ScopeOfAsync(user, cancellationToken);
        var (hits, count) = await index.FindAsync(request, scope, cancellationToken);
        var ids = hits.Select(h => h.Id).ToList();
        var entries = await (
                from e in db.Set<SearchEntry>().AsNoTracking()
                join p in db.Set<Process>() on e.ProcessId equals p.Id
                join o in db.Set<Organisation>() on e.OrganisationId equals o.Id
                where ids.Contains(e.Id)
                select new { Entry = e, ProcessTitle = p.Title, p.CurrentPhase, p.ClosedAt, OrganisationName = o.Name })
            .ToDictionaryAsync(x => x.Entry.Id, cancellationToken);
        var stems = request.Terms.SelectMany(t => t).ToHashSet(StringComparer.Ordinal);
        var results = hits.Where(h => entries.ContainsKey(h.Id)).Select(h =>
        {
            var x = entries[h.Id];
            return new SearchResult(x.Entry.Kind, x.Entry.Title, x.Entry.Url, Snippet(x.Entry.Body, stems), x.Entry.ProcessId,
                x.ProcessTitle, x.CurrentPhase, x.ClosedAt is not null, x.OrganisationName, x.Entry.OccurredAt);
        }).ToList();
        return new(results, Math.Min(count, SearchRequest.CountLimit), true, count > SearchRequest.CountLimit);
    }

    /// <summary>
    /// The public listing's processes whose text matches (for the text filter of /processes): at most
    /// <see cref="SearchRequest.CountLimit"/>, the best first; null when the text has no words (no filter).
    /// </summary>
    public async Task<List<int>?> ListedProcessesMatchingAsync(string? text, CancellationToken cancellationToken)
    {
        var request = new SearchRequest(text, Kind: SearchKind.Process, PageSize: SearchRequest.CountLimit);
        if (request.Terms.Count == 0)
        {
            return null;
        }
        var (hits, _) = await index.FindAsync(request, SearchScope.Public, cancellationToken);
        var ids = hits.Select(h => h.Id).ToList();
        return await db.Set<SearchEntry>().Where(e => ids.Contains(e.Id)).Select(e => e.ProcessId).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// What this person may find beyond the public listing: every process of their organisations and every process
    /// they are a member of, as <see cref="ProcessPermissions.CanSee"/> decides (a suspended organisation's processes
    /// only for its insiders).
    /// </summary>
    public async Task<SearchScope> ScopeOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.UserId() is not { } userId)
        {
            return SearchScope.Public;
        }
        if (user.IsPlatformAdmin())
        {
            return new(true, []);
        }
        var organisationRoles = await db.Set<OrganisationMember>().AsNoTracking()
            .Where(m => m.UserId == userId)
            .ToDictionaryAsync(m => m.OrganisationId, m => m.Role, cancellationToken);
        var organisationIds = organisationRoles.Keys.ToList();
        var memberRoles = db.Set<ProcessMember>().Where(m => m.UserId == userId);
        var candidates = await (
                from p in db.Set<Process>().AsNoTracking()
                join o in db.Set<Organisation>() on p.OrganisationId equals o.Id
                where organisationIds.Contains(p.OrganisationId) || memberRoles.Any(m => m.ProcessId == p.Id)
                select new { p.Id, p.OrganisationId, p.Visibility, o.Standing, Role = memberRoles.Where(m => m.ProcessId == p.Id).Select(m => (ProcessRole?)m.Role).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var visible = candidates
            .Where(c => ProcessPermissions.CanSee(c.Visibility, new ProcessAccess(userId, false,
                organisationRoles.TryGetValue(c.OrganisationId, out var role) ? role : null, c.Role) { OrganisationSuspended = c.Standing == OrganisationStanding.Suspended }))
            .Select(c => c.Id)
            .ToList();
        return new(false, visible);
    }

    /// <summary>
    /// A window of the text around the first matching word, HTML-encoded, with every word that matches a query stem in
    /// <c>&lt;mark&gt;</c>. Only this code writes markup; the item's text is always encoded.
    /// </summary>
    public static IHtmlContent Snippet(string text, IReadOnlySet<string> stems, int length = 240)
    {
        var words = WordSpans(text).ToList();
        var marked = words.Where(w => SearchTerms.Words(text.Substring(w.Start, w.Length)).Any(word => SearchTerms.StemsOf(word).Any(stems.Contains))).ToList();
        var first = marked.Count > 0 ? marked[0].Start : 0;
        var start = Math.Max(0, first - length / 3);
        if (start > 0)
        {
            // Begin at a word.
            start = words.FirstOrDefault(w => w.Start >= start).Start;
        }
        var end = Math.Min(text.Length, start + length);
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }
        var at = start;
        foreach (var (wordStart, wordLength) in marked.Where(m => m.Start >= start && m.Start + m.Length <= end))
        {
            html.Append(HtmlEncoder.Default.Encode(text[at..wordStart]))
                .Append("<mark>").Append(HtmlEncoder.Default.Encode(text.Substring(wordStart, wordLength))).Append("</mark>");
            at = wordStart + wordLength;
        }
        html.Append(HtmlEncoder.Default.Encode(text[at..end]));
        if (end < text.Length)
        {
            html.Append('…');
        }
        return new HtmlString(html.ToString());
    }

    private static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var inWord = char.IsLetterOrDigit(text, i) || char.IsSurrogate(text[i]) || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark;
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
        if (start >= 0)
        {
            yield return (start, text.Length - start);
        }
    }
}
