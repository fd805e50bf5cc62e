using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Debate;

/// <summary>What the debate's forms post (the same names on every page that shows a debate).</summary>
public sealed record DebateInput(string? Comment, Guid CommentSubmissionId, int? ParentId, Alignment? Alignment);

/// <summary>
/// The debate's form handlers, shared by every page that shows a debate (the thread page, a proposal's page): each
/// page loads what it shows, then hands the post here. A form error answers 422 with the page shown again and the
/// error next to the form it belongs to (the new comment's, a reply's or an edit's); a refusal comes from the use case.
/// </summary>
public sealed class DebateActions(ChangeRunner changes, IStringLocalizer<DebateText> t, IStringLocalizer<ModerationText> moderationText)
{
    /// <summary>The model-state key of the new comment's field (<c>Comment</c>), or of the reply form under a comment.</summary>
    public static string CommentField(int? parentId) => parentId is { } id ? $"reply-{id}" : "Comment";

    public static string EditField(int commentId) => $"edit-{commentId}";

    public async Task<IActionResult> CommentAsync(PageModel page, DebateSubject subject, DebateInput input, PostComment.Handler post, CancellationToken cancellationToken)
    {
        var field = CommentField(input.ParentId);
        page.ModelState.Remove("Comment");
        var text = (input.Comment ?? "").Trim();
        if (text.Length == 0)
        {
            page.ModelState.AddModelError(field, t["Write your comment."]);
        }
        else if (text.Length > DebateLimits.Comment)
        {
            page.ModelState.AddModelError(field, t["A comment can have at most {0} characters.", DebateLimits.Comment]);
        }
        if (!page.ModelState.IsValid)
        {
            // Whoever may not comment is told so, not asked to correct the form.
            RefusedException.Unless(subject.Comment, subject.Access.IsAuthenticated);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var outcome = await changes.RunAsync(post, new PostComment.Command(subject.Kind, subject.Id, input.ParentId, text, input.Alignment ?? Alignment.Neutral, input.CommentSubmissionId), cancellationToken);
        return page.Done(outcome.Held ? t["Your comment waits for a moderator; the public sees it once it is let through."]
            : input.ParentId is null ? t["Your comment was published."] : t["Your reply was published."], subject.LinkTo(outcome.CommentId));
    }

    public async Task<IActionResult> EditAsync(PageModel page, DebateSubject subject, int commentId, string? editedText, Alignment? alignment, EditComment.Handler edit, CancellationToken cancellationToken)
    {
        page.ModelState.Remove("Comment");
        var text = (editedText ?? "").Trim();
        if (text.Length == 0)
        {
            page.ModelState.AddModelError(EditField(commentId), t["Write your comment."]);
        }
        else if (text.Length > DebateLimits.Comment)
        {
            page.ModelState.AddModelError(EditField(commentId), t["A comment can have at most {0} characters.", DebateLimits.Comment]);
        }
        if (!page.ModelState.IsValid)
        {
            RefusedException.Unless(subject.EditOwn, subject.Access.IsAuthenticated);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(edit, new EditComment.Command(commentId, text, alignment, new DebateRef(subject.Kind, subject.Id)), cancellationToken);
        return page.Done(t["Your comment was changed."], subject.LinkTo(commentId));
    }

    public async Task<IActionResult> DeleteAsync(PageModel page, DebateSubject subject, int commentId, DeleteComment.Handler delete, CancellationToken cancellationToken)
    {
        await changes.RunAsync(delete, new DeleteComment.Command(commentId, new DebateRef(subject.Kind, subject.Id)), cancellationToken);
        return page.Done(t["Your comment was deleted."], subject.LinkTo(commentId));
    }

    public async Task<IActionResult> VoteAsync(PageModel page, DebateSubject subject, int commentId, int? value, VoteOnComment.Handler vote, CancellationToken cancellationToken)
    {
        if (value is not (-1 or 0 or 1))
        {
            throw new RefusedException(Refusal.Invalid("Vote up or down.", typeof(DebatePermissions), "value"));
        }
        var outcome = await changes.RunAsync(vote, new VoteOnComment.Command(commentId, value.Value, new DebateRef(subject.Kind, subject.Id)), cancellationToken);
        return page.Done(outcome.Mine switch
        {
            1 => t["You voted the comment up."],
            -1 => t["You voted the comment down."],
            _ => t["Your vote on the comment was taken back."],
        }, subject.LinkTo(commentId));
    }

    public async Task<IActionResult> ReportAsync(PageModel page, DebateSubject subject, int commentId, ReportReason? reportReason, string? reportDetails, Guid reportSubmissionId,
        ReportContent.Handler report, CancellationToken cancellationToken)
    {
        page.ModelState.Remove("Comment");
        if (!ReportForm.Check(commentId, reportReason, reportDetails, page.ModelState, moderationText))
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var outcome = await changes.RunAsync(report, new ReportContent.Command(DebateComments.Kind, commentId, reportReason!.Value, reportDetails, reportSubmissionId), cancellationToken);
        return page.Done(outcome.Counted ? moderationText["Thank you: the moderators will look at it."] : moderationText["You reported it already; the moderators will look at it."],
            subject.LinkTo(commentId));
    }
}

/// <summary>
/// A page's threads as <c>_Comment.cshtml</c> shows them: in their debate, the top-level comments at a heading level.
/// One view for the whole page, not one per thread (docs/debate.md, "Speed").
/// </summary>
public sealed record CommentsView(DebateView Debate, IReadOnlyList<ThreadRoot> Roots, int Level);
