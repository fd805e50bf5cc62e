using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>A command about one comment on a proposal.</summary>
public interface ICommentCommand : IProposalCommand
{
    int CommentId { get; }
}

/// <summary>A comment loaded for a change (tracked), with its proposal and budget, and whether the moderators hide it.</summary>
public sealed record CommentTarget(ProposalComment Comment, ProposalTarget Proposal, ModerationStatus Moderation) : IChangeTarget
{
    public int? LogProcessId => Proposal.LogProcessId;

    public Platform.Log.LogActor Actor => Proposal.Actor;

    /// <summary>Only its author changes a comment, with <paramref name="action"/> allowed on the budget as it is now.</summary>
    public Decision DecideOwn(BudgetAction action) =>
        Proposal.Budget.Decide(action).And(() => Comment.AuthorUserId == Proposal.Budget.Access.UserId
            ? Decision.Allowed
            : Decision.NotYours("Only its author edits or deletes a comment; the moderators can hide it.", typeof(BudgetingPermissions)));

    /// <summary>What every log entry about the comment says: the budget, the proposal's number, the comment's id (never its text).</summary>
    public object LogData => new { budget = Proposal.Proposal.BudgetId, proposal = Proposal.Proposal.Number, comment = Comment.Id };
}

/// <summary>The shape of an author's change to their comment: the runner loads the comment of the proposal named by the command, fresh.</summary>
public abstract class CommentChange<TCommand>(BudgetAccess budgets, CocreoDbContext db, ModerationDirectory moderation) : IChange<TCommand, CommentTarget, Done>
    where TCommand : ICommentCommand
{
    protected ModerationDirectory Moderation => moderation;

    public async Task<CommentTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var proposal = await budgets.ForProposalChangeAsync(command.ProposalId, user, cancellationToken);
        var comment = proposal is null ? null
            : await db.Set<ProposalComment>().SingleOrDefaultAsync(c => c.Id == command.CommentId && c.ProposalId == command.ProposalId, cancellationToken);
        return comment is null ? null : new CommentTarget(comment, proposal!, await moderation.StatusAsync(ProposalComments.Kind, comment.Id, cancellationToken));
    }

    public abstract Decision Decide(CommentTarget target, TCommand command);

    public abstract Task<Done> RunAsync(Change<CommentTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Its author edits a comment while the budget's proposals are discussed; the page then says "edited", and the text
/// it replaced is kept for the moderators. A hidden comment cannot be edited (it would come back changed unseen).
/// </summary>
public static class EditComment
{
    public sealed record Command(int ProposalId, int CommentId, string Body) : ICommentCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db, ModerationDirectory moderation) : CommentChange<Command>(budgets, db, moderation)
    {
        public override Decision Decide(CommentTarget target, Command command) =>
            target.DecideOwn(BudgetAction.EditOwnComment)
                .And(() => target.Comment.IsDeleted ? Decision.NotNow("This comment was deleted by its author.", typeof(BudgetingPermissions)) : Decision.Allowed)
                .And(() => target.Moderation.IsShown || target.Moderation.IsPending ? Decision.Allowed : Decision.NotNow("The moderators hid this comment: it can no longer be edited.", typeof(BudgetingPermissions)));

        public override Task<Done> RunAsync(Change<CommentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var comment = change.Target.Comment;
            if (comment.Edit(command.Body, change.Now) is { } before)
            {
                Moderation.KeepReplacedText(ProposalComments.Kind, comment.Id, before, deleted: false, change.Now);
                change.LogAs(BudgetTarget.Participant, "proposal.comment-edited", change.Target.LogData);
            }
            return Task.FromResult(new Done());
        }
    }
}

/// <summary>
/// Its author deletes a comment (also a hidden one, and after the budget moved on): its place says "Deleted by its
/// author", the text is kept for the moderators only. Deleting it again changes nothing.
/// </summary>
public static class DeleteComment
{
    public sealed record Command(int ProposalId, int CommentId) : ICommentCommand;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db, ModerationDirectory moderation) : CommentChange<Command>(budgets, db, moderation)
    {
        public override Decision Decide(CommentTarget target, Command command) => target.DecideOwn(BudgetAction.Comment);

        public override Task<Done> RunAsync(Change<CommentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var comment = change.Target.Comment;
            if (comment.Delete(change.Now) is { } before)
            {
                Moderation.KeepReplacedText(ProposalComments.Kind, comment.Id, before, deleted: true, change.Now);
                change.LogAs(BudgetTarget.Participant, "proposal.comment-deleted", change.Target.LogData);
            }
            return Task.FromResult(new Done());
        }
    }
}
