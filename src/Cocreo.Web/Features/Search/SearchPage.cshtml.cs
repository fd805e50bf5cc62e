using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Search;

/// <summary>/search: what the reader may see, matching the words, with filters and pages.</summary>
public sealed class SearchPageModel(SiteSearch search, OrganisationMembership organisations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "organisation")]
    public int? OrganisationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public PolicyPhase? Phase { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public SearchKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchAnswer Answer { get; private set; } = new([], 0, false);
    public Dictionary<int, string> Organisations { get; private set; } = [];
    public SearchRequest Search { get; private set; } = new(null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Values that do not bind (a phase or date that is not one) are ignored, never an error page.
        ModelState.Clear();
        Search = new SearchRequest(Query, OrganisationId, Phase, Kind, From, To, PageNumber);
        Answer = await search.SearchAsync(Search, User, cancellationToken);
        Organisations = await organisations.NamesAsync(await organisations.Listed().ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>This search's link for another page.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Query,
        ["organisation"] = OrganisationId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["phase"] = Phase?.ToString(),
        ["type"] = Kind?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is var query ? "/search" + query : "/search";
}
