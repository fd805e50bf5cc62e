using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
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
public sealed class ProposalModel(CocreoDbContext db, BudgetAccess access, ChangeRunner changes, ModerationDirectory moderation, IStringLocalizer<BudgetingText> t, IStringLocalizer<ModerationText> moderationText,
    Debate.DebateTargetDirectory debateTargets, Debate.DebateThreads threads) : PageModel
{
    public Proposal Proposal { get; private set; } = null!;
    public BudgetTarget Target { get; private set; } = null!;
    public Proposal? MergedInto { get; private set; }
    public int Supports { get; private set; }
    public bool Supporting { get; private set; }
    /// <summary>The proposal's debate (threaded comments, <see cref="Debate.DebateThreads"/>): its first page, oldest first.</summary>
    public Debate.DebateView Debate { get; private set; } = null!;

    /// <summary>Whether the proposal itself is shown, or hidden by the moderators (its title stays; its description gives way to the notice).</summary>
    public ModerationStatus Status { get; private set; } = ModerationStatus.Shown;

    /// <summary>The reader reported the proposal already.</summary>
    public bool ReportedProposal { get; private set; }

    /// <summary>The reader moderates the process's content (hides comments, sees the queue).</summary>
    public bool Moderates { get; private set; }

    public List<ProposalImageView> Images { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Write your comment.")]
    [StringLength(Cocreo.Web.Features.Debate.DebateLimits.Comment, ErrorMessage = "A comment can have at most {1} characters.")]
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
    public bool CanIllustrate => Target.DecideIllustrating(Proposal).IsAllowed;

    /// <summary>Its author, or the budget's team.</summary>
    public bool CanTranslate => Target.DecideTranslating(Proposal).IsAllowed;

    public async Task<IActionResult> OnPostImageAsync(int id, [FromServices] AddProposalImage.Handler add, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Remove(nameof(Comment));
        if (NewImage is null || (NewImage.Length == 0 && string.IsNullOrEmpty(NewImage.FileName)))
        {
            ModelState.AddModelError(nameof(NewImage), t["Choose the picture to add."]);
        }
        var image = ModelState.IsValid
            ? await ProposalImageUpload.ReadAsync(NewImage, NewImageAlt, nameof(NewImage), nameof(NewImageAlt), ModelState, t, cancellationToken)
            : null;
        if (image is null || !ModelState.IsValid)
        {
            // Whoever may not add pictures is told so, not asked to correct the form.
            RefusedException.Unless(Target.DecideIllustrating(Proposal), Target.Access.IsAuthenticated);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(add, new AddProposalImage.Command(id, image, NewImageAlt!), cancellationToken);
        return this.Done(t["The picture was added."], $"/proposals/{id}#images");
    }

    public async Task<IActionResult> OnPostRemoveImageAsync(int id, int imageId, [FromServices] RemoveProposalImage.Handler remove, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(remove, new RemoveProposalImage.Command(id, imageId), cancellationToken);
        return this.Done(t["The picture was removed."], $"/proposals/{id}#images");
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        CommentSubmissionId = Guid.NewGuid();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSupportAsync(int id, [FromServices] SupportProposal.Handler support, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(support, new SupportProposal.Command(id), cancellationToken);
        return this.Done(t["You support this proposal."], $"/proposals/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, [FromServices] WithdrawSupport.Handler withdraw, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(withdraw, new WithdrawSupport.Command(id), cancellationToken);
        return this.Done(t["You no longer support this proposal."], $"/proposals/{id}");
    }

    // The debate's forms (Features/Debate/_Debate.cshtml) post here, so the page is shown again with a form's error.
    public async Task<IActionResult> OnPostCommentAsync(int id, int? parentId, Debate.Alignment? alignment, [FromServices] Debate.PostComment.Handler post, [FromServices] Debate.DebateActions debate, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return await debate.CommentAsync(this, Debate.Subject, new Debate.DebateInput(Comment, CommentSubmissionId, parentId, alignment), post, cancellationToken);
    }

    public async Task<IActionResult> OnPostEditCommentAsync(int id, int commentId, string? editedText, Debate.Alignment? alignment, [FromServices] Debate.EditComment.Handler edit, [FromServices] Debate.DebateActions debate, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return await debate.EditAsync(this, Debate.Subject, commentId, editedText, alignment, edit, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteCommentAsync(int id, int commentId, [FromServices] Debate.DeleteComment.Handler delete, [FromServices] Debate.DebateActions debate, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return await debate.DeleteAsync(this, Debate.Subject, commentId, delete, cancellationToken);
    }

    public async Task<IActionResult> OnPostVoteCommentAsync(int id, int commentId, int? value, [FromServices] Debate.VoteOnComment.Handler vote, [FromServices] Debate.DebateActions debate, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return await debate.VoteAsync(this, Debate.Subject, commentId, value, vote, cancellationToken);
    }

    public async Task<IActionResult> OnPostReportCommentAsync(int id, int commentId, ReportReason? reportReason, string? reportDetails, Guid reportSubmissionId,
        [FromServices] ReportContent.Handler report, [FromServices] Debate.DebateActions debate, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return await debate.ReportAsync(this, Debate.Subject, commentId, reportReason, reportDetails, reportSubmissionId, report, cancellationToken);
    }

    public async Task<IActionResult> OnPostEditProposalAsync(int id, string? editedTitle, string? editedDescription, [FromServices] EditProposal.Handler edit, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Remove(nameof(Comment));
        if (string.IsNullOrWhiteSpace(editedTitle))
        {
            ModelState.AddModelError("editedTitle", t["Enter a title."]);
        }
        else if (editedTitle.Trim().Length > BudgetLimits.Title)
        {
            ModelState.AddModelError("editedTitle", t["The title can have at most {0} characters.", BudgetLimits.Title]);
        }
        if (string.IsNullOrWhiteSpace(editedDescription))
        {
            ModelState.AddModelError("editedDescription", t["Describe the project."]);
        }
        else if (editedDescription.Trim().Length > BudgetLimits.LongText)
        {
            ModelState.AddModelError("editedDescription", t["This text can have at most {0} characters.", BudgetLimits.LongText]);
        }
        if (!ModelState.IsValid)
        {
            RefusedException.Unless(Target.Decide(BudgetAction.EditOwnProposal), Target.Access.IsAuthenticated);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(edit, new EditProposal.Command(id, editedTitle!, editedDescription!), cancellationToken);
        return this.Done(t["Your proposal was changed."], $"/proposals/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawProposalAsync(int id, [FromServices] WithdrawProposal.Handler withdraw, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(withdraw, new WithdrawProposal.Command(id), cancellationToken);
        return this.Done(t["Your proposal was withdrawn."], $"/proposals/{id}");
    }

    public async Task<IActionResult> OnPostReportProposalAsync(int id, ReportReason? reportReason, string? reportDetails, Guid reportSubmissionId,
        [FromServices] ReportContent.Handler report, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Remove(nameof(Comment));
        if (!ReportForm.Check(ReportForm.Field("proposalId", id), reportReason, reportDetails, ModelState, moderationText))
        {
            return Page();
        }
        var outcome = await changes.RunAsync(report, new ReportContent.Command(ProposalContents.Kind, id, reportReason!.Value, reportDetails, reportSubmissionId), cancellationToken);
        return this.Done(outcome.Counted ? moderationText["Thank you: the moderators will look at it."] : moderationText["You reported it already; the moderators will look at it."],
            $"/proposals/{id}");
    }

    /// <summary>Whether the reader may edit the proposal now (its author, while proposals are collected, before review, while it is shown).</summary>
    public bool CanEditProposal =>
        Proposal.AuthorUserId == Target.Access.UserId && Proposal.IsOpen && Proposal.ReviewedAt is null && (Status.IsShown || Status.IsPending) && Target.Allows(BudgetAction.EditOwnProposal);

    /// <summary>Whether the reader may withdraw the proposal now (its author, until voting opens).</summary>
    public bool CanWithdrawProposal => Proposal.AuthorUserId == Target.Access.UserId && Proposal.IsOpen && Target.Allows(BudgetAction.WithdrawOwnProposal);

    /// <summary>Whether the reader may report the proposal (signed in, not its author, it is shown, not reported by them yet).</summary>
    public bool CanReportProposal =>
        Target.Access.IsAuthenticated && !Proposal.IsWithdrawn && Proposal.AuthorUserId != Target.Access.UserId && Status.IsShown && !ReportedProposal;

    /// <summary>What the page shows (also when a change is refused with the form kept); 404 for whoever may not see it.</summary>
    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        (Proposal, Target) = (await access.ForProposalAsync(id, User, cancellationToken)) ?? throw new RefusedException(Refusal.NotFound);
        Supports = await db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == id, cancellationToken);
        var userId = User.UserId();
        Supporting = userId is not null && await db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == id && s.UserId == userId, cancellationToken);
        Images = await db.Set<ProposalImage>().AsNoTracking().Where(i => i.ProposalId == id && i.ThumbnailWidth > 0).OrderBy(i => i.Id)
            .Select(i => new ProposalImageView(i.Id, i.AltText, i.Width, i.Height, i.ThumbnailWidth, i.ThumbnailHeight)).ToListAsync(cancellationToken);
        Status = await moderation.StatusAsync(ProposalContents.Kind, id, cancellationToken);
        ReportedProposal = (await moderation.ReportedByAsync(ProposalContents.Kind, [id], userId, cancellationToken)).Contains(id);
        Moderates = ModerationPermissions.Allows(ModerationAction.Moderate, Target.Process, Target.Access);
        // Pre-moderation: what waits for a moderator is seen by its author and the moderators only.
        if (Status.IsPending && !Moderates && Proposal.AuthorUserId != userId)
        {
            throw new RefusedException(Refusal.NotFound);
        }
        var subject = await debateTargets.ReadAsync(Cocreo.Web.Features.Debate.DebateKinds.Proposal, id, User, cancellationToken);
        Debate = new Debate.DebateView(await threads.ReadAsync(subject, Cocreo.Web.Features.Debate.DebateSort.Oldest, null, null, cancellationToken), $"/proposals/{id}", $"/debate/proposal/{id}");
        if (Proposal.MergedIntoId is { } original)
        {
            MergedInto = await db.Set<Proposal>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == original, cancellationToken);
        }
    }
}
