using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The proposals of a budget, with their review and support, filtered by category if asked.</summary>
public sealed class ProposalsModel(CocreoDbContext db, BudgetAccess access, Moderation.ModerationDirectory moderation) : PageModel
{
    public BudgetTarget Target { get; private set; } = null!;
    public List<(Proposal Proposal, int Supports)> Proposals { get; private set; } = [];

    /// <summary>Each proposal's first picture, shown as a thumbnail.</summary>
    public Dictionary<int, ProposalImageView> Pictures { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, User, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        Target = target;
        var query = db.Set<Proposal>().AsNoTracking().Where(p => p.BudgetId == id && p.Status != ProposalStatus.Merged);
        if (!string.IsNullOrEmpty(Category))
        {
            query = query.Where(p => p.Category == Category);
        }
        var proposals = await query.OrderBy(p => p.Number).ToListAsync(cancellationToken);
        // New proposals of a pre-moderated process are seen by their authors and the moderators only; the pictures of
        // hidden ones are not shown.
        var statuses = await moderation.StatusesAsync(ProposalContents.Kind, proposals.Select(p => p.Id).ToList(), cancellationToken);
        var moderates = Moderation.ModerationPermissions.Allows(Moderation.ModerationAction.Moderate, target.Process, target.Access);
        proposals = proposals.Where(p => !statuses[p.Id].IsPending || moderates || p.AuthorUserId == target.Access.UserId).ToList();
        var ids = proposals.Select(p => p.Id).ToList();
        var supports = await db.Set<ProposalSupport>().AsNoTracking()
            .Where(s => ids.Contains(s.ProposalId))
            .GroupBy(s => s.ProposalId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Proposals = proposals.Select(p => (p, supports.GetValueOrDefault(p.Id))).ToList();
        var pictures = await db.Set<ProposalImage>().AsNoTracking()
            .Where(i => ids.Contains(i.ProposalId) && i.ThumbnailWidth > 0)
            .OrderBy(i => i.Id)
            .Select(i => new { i.ProposalId, View = new ProposalImageView(i.Id, i.AltText, i.Width, i.Height, i.ThumbnailWidth, i.ThumbnailHeight) })
            .ToListAsync(cancellationToken);
        Pictures = pictures.Where(i => statuses[i.ProposalId].IsShown).DistinctBy(i => i.ProposalId).ToDictionary(i => i.ProposalId, i => i.View);
        return Page();
    }
}
