using Cocreo.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Debate;

/// <summary>
/// A debate on its own page: every sort, every page, a thread expanded (the links of the debate shown on its target's
/// page lead here), and the same forms as there.
/// </summary>
public sealed class ThreadModel(DebateTargetDirectory targets, DebateThreads threads, DebateActions actions) : PageModel
{
    public DebateView Debate { get; private set; } = null!;

    [BindProperty]
    public Guid CommentSubmissionId { get; set; }

    public async Task<IActionResult> OnGetAsync(string kind, int id, DebateSort? sort, string? after, int? expand, CancellationToken cancellationToken)
    {
        CommentSubmissionId = Guid.NewGuid();
        await LoadAsync(kind, id, sort, after, expand, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(string kind, int id, string? comment, int? parentId, Alignment? alignment, [FromServices] PostComment.Handler post, CancellationToken cancellationToken) =>
        await actions.CommentAsync(this, await LoadAsync(kind, id, null, null, parentId, cancellationToken), new DebateInput(comment, CommentSubmissionId, parentId, alignment), post, cancellationToken);

    public async Task<IActionResult> OnPostEditCommentAsync(string kind, int id, int commentId, string? editedText, Alignment? alignment, [FromServices] EditComment.Handler edit, CancellationToken cancellationToken) =>
        await actions.EditAsync(this, await LoadAsync(kind, id, null, null, null, cancellationToken), commentId, editedText, alignment, edit, cancellationToken);

    public async Task<IActionResult> OnPostDeleteCommentAsync(string kind, int id, int commentId, [FromServices] DeleteComment.Handler delete, CancellationToken cancellationToken) =>
        await actions.DeleteAsync(this, await LoadAsync(kind, id, null, null, null, cancellationToken), commentId, delete, cancellationToken);

    public async Task<IActionResult> OnPostVoteCommentAsync(string kind, int id, int commentId, int? value, [FromServices] VoteOnComment.Handler vote, CancellationToken cancellationToken) =>
        await actions.VoteAsync(this, await LoadAsync(kind, id, null, null, null, cancellationToken), commentId, value, vote, cancellationToken);

    public async Task<IActionResult> OnPostReportCommentAsync(string kind, int id, int commentId, ReportReason? reportReason, string? reportDetails, Guid reportSubmissionId,
        [FromServices] ReportContent.Handler report, CancellationToken cancellationToken) =>
        await actions.ReportAsync(this, await LoadAsync(kind, id, null, null, null, cancellationToken), commentId, reportReason, reportDetails, reportSubmissionId, report, cancellationToken);

    private async Task<DebateSubject> LoadAsync(string kind, int id, DebateSort? sort, string? after, int? expand, CancellationToken cancellationToken)
    {
        var subject = await targets.ReadAsync(kind, id, User, cancellationToken);
        var page = await threads.ReadAsync(subject, sort ?? DebateSort.Oldest, after, expand, cancellationToken);
        Debate = new DebateView(page, $"/debate/{kind}/{id}", $"/debate/{kind}/{id}", expand);
        return subject;
    }
}

/// <summary>
/// A debate as a page shows it: the page of threads, where its forms post (<paramref name="PostTo"/>: a page with the
/// debate's handlers), the debate's own page (sorting, paging, expanding), and the thread shown whole.
/// </summary>
public sealed record DebateView(ThreadPage Page, string PostTo, string ThreadLink, int? Expanded = null)
{
    public DebateSubject Subject => Page.Subject;

    public bool MayComment => Subject.Comment.IsAllowed;

    public bool CanEdit(ThreadItem item) => !item.Comment.IsDeleted && Mine(item) && Subject.EditOwn.IsAllowed && (item.Status.IsShown || item.Status.IsPending);

    public bool CanDelete(ThreadItem item) => !item.Comment.IsDeleted && Mine(item) && Subject.DeleteOwn.IsAllowed;

    public bool CanReport(ThreadItem item) => Subject.Access.IsAuthenticated && !item.Comment.IsDeleted && !Mine(item) && item.Status.IsShown && !item.Reported;

    public bool CanVote(ThreadItem item) => MayComment && !item.Comment.IsDeleted && !Mine(item) && item.Status.IsShown;

    public bool CanReply(ThreadItem item) => MayComment && item.Status.IsShown;

    public string SortLink(DebateSort sort) => $"{ThreadLink}?sort={sort}";

    private bool Mine(ThreadItem item) => Subject.Access.UserId is { } me && item.Comment.AuthorUserId == me;
}
