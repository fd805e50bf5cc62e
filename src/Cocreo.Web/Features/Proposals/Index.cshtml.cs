using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Proposals;

/// <summary>A process's proposals: filtered by category and status, sorted, paged (the API's list, the same reads).</summary>
public sealed class IndexModel(ProposalAccess access, ProposalList list, ProposalAttachmentReader attachments) : PageModel
{
    /// <summary>Each listed proposal's first picture, shown small (none for hidden ones).</summary>
    public Dictionary<int, Budgeting.ProposalImageView> Thumbnails { get; private set; } = [];

    public ProposalsView View { get; private set; } = null!;
    public ProposalPage Found { get; private set; } = null!;
    public ProposalFilter Filter { get; private set; } = new();

    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Order { get; set; }
    [BindProperty(SupportsGet = true)] public int? Seed { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(int processId, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(processId, User, ProposalAction.View, cancellationToken, orTeam: true);
        if (View.Settings is null)
        {
            // Not turned on: the team is sent to turn them on; anyone else was refused (404) above.
            return Redirect($"/processes/{processId}/proposals/settings");
        }
        // Random order keeps one seed per visit, so that its pages neither repeat nor skip proposals.
        Seed ??= Random.Shared.Next(1, 100_000);
        Filter = ProposalFilters.From(Category, Status, Order, Seed, PageNumber);
        Found = await list.PageAsync(View, Filter, cancellationToken);
        Thumbnails = await attachments.ThumbnailsAsync(Found.Items.Select(i => i.Proposal.Id).ToList(), cancellationToken);
        return Page();
    }

    /// <summary>The list's address with one thing changed.</summary>
    public string Link(int page) =>
        $"?category={Uri.EscapeDataString(Category ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&order={Filter.Order}&seed={Seed}&page={page}";
}
