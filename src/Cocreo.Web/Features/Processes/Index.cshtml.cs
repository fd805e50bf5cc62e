using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Search;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>/processes: the public listing, filtered by organisation, phase and words (through search), a page at a time.</summary>
public sealed class IndexModel(ProcessDirectory directory, OrganisationMembership organisations, SiteSearch search) : PageModel
{
    public const int PageSize = 24;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "organisation")]
    public int? OrganisationId { get; set; }

    /// <summary>A phase of the policy cycle, or <c>closed</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Phase { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public List<ProcessSummary> Processes { get; private set; } = [];
    public int Count { get; private set; }
    public Dictionary<int, string> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var phase = Enum.TryParse<PolicyPhase>(Phase, out var p) && Enum.IsDefined(p) ? p : (PolicyPhase?)null;
        var filter = new ProcessListing(OrganisationId, phase, Phase == "closed", await search.ListedProcessesMatchingAsync(Text, cancellationToken));
        (Processes, Count) = await directory.PublicPageAsync(filter, Cultures.Current, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        Organisations = await organisations.NamesAsync(await organisations.Listed().ToListAsync(cancellationToken), cancellationToken);
    }

    public string PageLink(int page) => "/processes" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Text,
        ["organisation"] = OrganisationId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["phase"] = Phase,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(x => !string.IsNullOrEmpty(x.Value))).ToUriComponent();
}
