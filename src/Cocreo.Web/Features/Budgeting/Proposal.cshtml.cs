using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>A proposal: what it is, its pictures, its review, its supporters and comments, and once funded its progress.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = ProposalImageUpload.MaxRequestBytes)]
[RequestSizeLimit(ProposalImageUpload.MaxRequestBytes)]
[RefuseRequestsOver(ProposalImageUpload.MaxRequestBytes)]
public sealed class ProposalModel(CocreoDbContext db, BudgetAccess access, ProcessLog log, SubmissionGuard submissions, TimeProvider clock, IStringLocalizer<BudgetingText> t) : PageModel
{
    public Proposal Proposal { get; private set; } = null!;
    public BudgetTarget Target { get; private set; } = null!;
    public Proposal? MergedInto { get; private set; }
    public int Supports { get; private set; }
    public bool Supporting { get; private set; }
    public List<ProposalComment> Comments { get; private set; } = [];
    public List<ProposalImageView> Images { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Write your comment.")]
    [StringLength(BudgetLimits.Comment, ErrorMessage = "A comment can have at most {1} characters.")]
    public string? Comment { get; set; }

    /// <summary>So a double click publishes the comment once.</summary>
    [BindProperty]
    public Guid CommentSubmissionId { get; set; }

    [BindProperty]
    public IFormFile? NewImage { get; set; }

    [BindProperty]
    [StringLength(ImageFile.AltTextLength, ErrorMessage = "The description of the image can have at most {1} characters.")]
    public string? NewImageAlt { get; set; }

    public bool Can(BudgetAction action) => Target.Allows(action) && Proposal.IsOpen;

    /// <summary>The author while proposals are collected; staff while they review.</summary>
    public bool CanIllustrate => Proposal.IsOpen && (Target.Allows(BudgetAction.Review)
        || (Target.Allows(BudgetAction.IllustrateOwnProposal) && Proposal.AuthorUserId == User.UserId()));

    public async Task<IActionResult> OnPostImageAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!CanIllustrate)
        {
            return this.Denied();
        }
        ModelState.Remove(nameof(Comment));
        if (NewImage is null || NewImage.Length == 0)
        {
            ModelState.AddModelError(nameof(NewImage), t["Choose the picture to add."]);
        }
        else if (Images.Count >= ImageFile.MaxPerProposal)
        {
            ModelState.AddModelError(nameof(NewImage), t["A proposal can have at most {0} pictures. Remove one to add another.", ImageFile.MaxPerProposal]);
        }
        var image = ModelState.IsValid
            ? await ProposalImageUpload.ReadAsync(NewImage, NewImageAlt, nameof(NewImage), nameof(NewImageAlt), ModelState, t, cancellationToken)
            : null;
        if (image is null || !ModelState.IsValid)
        {
            return Page();
        }
        var full = false;
        await db.RetryOnConflictAsync(async ct =>
        {
            var (proposal, target) = (await access.ForProposalAsync(id, User, forChange: true, ct))!.Value;
            // Counted again inside the change: two pictures sent at once must not make five.
            full = await db.Set<ProposalImage>().CountAsync(i => i.ProposalId == id, ct) >= ImageFile.MaxPerProposal;
            if (full)
            {
                return 0;
            }
            var added = ProposalImage.For(id, image, NewImageAlt!, clock.GetUtcNow().UtcDateTime);
            db.Add(added);
            log.Append(target.Process, await IllustratorAsync(target, ct), "proposal.image-added", new { budget = target.Budget.Id, proposal = proposal.Number, description = added.AltText });
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        if (full)
        {
            ModelState.AddModelError(nameof(NewImage), t["A proposal can have at most {0} pictures. Remove one to add another.", ImageFile.MaxPerProposal]);
            return Page();
        }
        TempData["Status"] = t["The picture was added."].Value;
        return Redirect($"/proposals/{id}#images");
    }

    public async Task<IActionResult> OnPostRemoveImageAsync(int id, int imageId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!CanIllustrate)
        {
            return this.Denied();
        }
        await db.RetryOnConflictAsync(async ct =>
        {
            var (proposal, target) = (await access.ForProposalAsync(id, User, forChange: true, ct))!.Value;
            var image = await db.Set<ProposalImage>().SingleOrDefaultAsync(i => i.Id == imageId && i.ProposalId == id, ct);
            if (image is null)
            {
                // Already removed (a double click).
                return 0;
            }
            db.Remove(image);
            log.Append(target.Process, await IllustratorAsync(target, ct), "proposal.image-removed", new { budget = target.Budget.Id, proposal = proposal.Number, description = image.AltText });
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        TempData["Status"] = t["The picture was removed."].Value;
        return Redirect($"/proposals/{id}#images");
    }

    /// <summary>Staff are named in the log; a resident changing their own proposal is not.</summary>
    private async Task<LogActor> IllustratorAsync(BudgetTarget target, CancellationToken cancellationToken) =>
        target.Allows(BudgetAction.Review) ? await LegacyChanges.ActorAsync(db, target.Process, User, cancellationToken) : LogActor.Private("participant");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        CommentSubmissionId = Guid.NewGuid();
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public Task<IActionResult> OnPostSupportAsync(int id, CancellationToken cancellationToken) => ChangeSupportAsync(id, support: true, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) => ChangeSupportAsync(id, support: false, cancellationToken);

    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!Target.Allows(BudgetAction.Comment))
        {
            return this.Denied();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var userId = User.UserId()!;
        var path = await submissions.RunOnceAsync(CommentSubmissionId, () => db.RetryOnConflictAsync(async ct =>
        {
            var (_, target) = (await access.ForProposalAsync(id, User, forChange: true, ct))!.Value;
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
            db.Add(new ProposalComment { ProposalId = id, AuthorUserId = userId, AuthorName = name, Body = Comment!.Trim(), PostedAt = clock.GetUtcNow().UtcDateTime });
            // The comment is public on the page with the name its author chose; the log says only that a participant commented.
            log.Append(target.Process, LogActor.Private("participant"), "proposal.commented", new { budget = target.Budget.Id, proposal = Proposal.Number });
            await db.SaveChangesAsync(ct);
            return $"/proposals/{id}#comments";
        }, cancellationToken), cancellationToken);
        TempData["Status"] = t["Your comment was published."].Value;
        return Redirect(path);
    }

    private async Task<IActionResult> ChangeSupportAsync(int id, bool support, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!Can(BudgetAction.Support))
        {
            return this.Denied();
        }
        var userId = User.UserId()!;
        await db.RetryOnConflictAsync(async ct =>
        {
            var (_, target) = (await access.ForProposalAsync(id, User, forChange: true, ct))!.Value;
            var existing = await db.Set<ProposalSupport>().SingleOrDefaultAsync(s => s.ProposalId == id && s.UserId == userId, ct);
            if (support == (existing is not null))
            {
                // Already so (a double click, or a retry after a conflict): nothing to change.
                return 0;
            }
            if (support)
            {
                db.Add(new ProposalSupport { ProposalId = id, UserId = userId });
            }
            else
            {
                db.Remove(existing!);
            }
            log.Append(target.Process, LogActor.Private("participant"), support ? "proposal.supported" : "proposal.support-withdrawn", new { budget = target.Budget.Id, proposal = Proposal.Number });
            // A parallel second support by the same person fails on the unique key and is retried: the fresh read then finds it.
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
        TempData["Status"] = support ? t["You support this proposal."].Value : t["You no longer support this proposal."].Value;
        return Redirect($"/proposals/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await access.ForProposalAsync(id, User, forChange: false, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        (Proposal, Target) = found.Value;
        Supports = await db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == id, cancellationToken);
        var userId = User.UserId();
        Supporting = userId is not null && await db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == id && s.UserId == userId, cancellationToken);
        Images = await db.Set<ProposalImage>().AsNoTracking().Where(i => i.ProposalId == id).OrderBy(i => i.Id)
            .Select(i => new ProposalImageView(i.Id, i.AltText, i.Width, i.Height)).ToListAsync(cancellationToken);
        Comments = await db.Set<ProposalComment>().AsNoTracking().Where(c => c.ProposalId == id).OrderBy(c => c.PostedAt).ToListAsync(cancellationToken);
        if (Proposal.MergedIntoId is { } original)
        {
            MergedInto = await db.Set<Proposal>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == original, cancellationToken);
        }
        return null;
    }
}
