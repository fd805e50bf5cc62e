using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Debate;

/// <summary>Who may do what in a debate: the owning capability decides on its target (<see cref="DebateSubject"/>); this class holds the debate's own reasons.</summary>
public static class DebatePermissions
{
    public static LogActor Participant { get; } = LogActor.Private("participant");

    /// <summary>Taking part in a debate (comment, reply, vote) needs an account.</summary>
    public static Decision SignedIn(Processes.ProcessAccess access) =>
        access.IsAuthenticated ? Decision.Allowed : Decision.NotYours("Sign in to take part in the debate.", typeof(DebatePermissions));

    /// <summary>A debate in a process takes new comments while the process is neither archived nor closed.</summary>
    public static Decision OpenIn(Processes.Process process) =>
        process.IsArchived ? Decision.NotNow("This process is archived: its debate is closed.", typeof(DebatePermissions))
        : process.IsClosed ? Decision.NotNow("This process is closed: its debate takes no new comments.", typeof(DebatePermissions))
        : Decision.Allowed;

    /// <summary>One's own comments can still be deleted after a process closes, not once it is archived.</summary>
    public static Decision NotArchived(Processes.Process process) =>
        process.IsArchived ? Decision.NotNow("This process is archived: its debate is closed.", typeof(DebatePermissions)) : Decision.Allowed;

    /// <summary>Only its author changes a comment, with <paramref name="onTarget"/> allowed as the target is now.</summary>
    public static Decision Own(Comment comment, DebateSubject subject, Decision onTarget) =>
        onTarget.And(() => comment.AuthorUserId == subject.Access.UserId
            ? Decision.Allowed
            : Decision.NotYours("Only its author edits or deletes a comment; the moderators can hide it.", typeof(DebatePermissions)));
}

/// <summary>A debate's target loaded for a change.</summary>
public sealed record DebateTarget(DebateSubject Subject) : IChangeTarget
{
    public int? LogProcessId => Subject.ProcessId;

    public LogActor Actor => Subject.Actor;
}

/// <summary>A comment loaded for a change (tracked), with its target and whether the moderators hide it.</summary>
public sealed record CommentTarget(Comment Comment, DebateSubject Subject, ModerationStatus Moderation) : IChangeTarget
{
    public int? LogProcessId => Subject.ProcessId;

    public LogActor Actor => Subject.Actor;

    /// <summary>What every log entry about the comment says: where it is and its id (never its text).</summary>
    public object LogData => DebateLog.About(Subject, Comment.Id);
}

public static class DebateLog
{
    /// <summary>What the target's own log entries say of where it is (ids and numbers only), to add to.</summary>
    public static Dictionary<string, object?> Where(DebateSubject subject) =>
        System.Text.Json.JsonSerializer.SerializeToElement(subject.LogData).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);

    public static IDictionary<string, object?> About(DebateSubject subject, int commentId, bool held = false)
    {
        var data = Where(subject);
        if (subject.Kind == DebateKinds.Process)
        {
            data["process"] = subject.Id;
        }
        data["comment"] = commentId;
        if (held)
        {
            data["held"] = true;
        }
        return data;
    }
}

/// <summary>A command about one existing comment.</summary>
public interface ICommentCommand
{
    int CommentId { get; }

    /// <summary>The debate the comment must be in (the page it was posted from), or null for any: another debate's comment is not found.</summary>
    DebateRef? On { get; }
}

/// <summary>A debate: the kind of its target and the target's id.</summary>
public sealed record DebateRef(string Kind, int TargetId);

/// <summary>The shape of a change to one comment: the runner loads the comment and its target, fresh.</summary>
public abstract class CommentChange<TCommand, TResult>(CocreoDbContext db, DebateTargetDirectory targets, ModerationDirectory moderation) : IChange<TCommand, CommentTarget, TResult>
    where TCommand : ICommentCommand
{
    protected ModerationDirectory Moderation => moderation;

    protected CocreoDbContext Db => db;

    public async Task<CommentTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var comment = await db.Set<Comment>().SingleOrDefaultAsync(c => c.Id == command.CommentId, cancellationToken);
        if (comment is not null && command.On is { } on && (on.Kind != comment.TargetKind || on.TargetId != comment.TargetId))
        {
            return null;
        }
        var subject = comment is null ? null : await targets.FindAsync(comment.TargetKind, comment.TargetId, user, cancellationToken);
        return subject is null ? null : new CommentTarget(comment!, subject, await moderation.StatusAsync(DebateComments.Kind, comment!.Id, cancellationToken));
    }

    public abstract Decision Decide(CommentTarget target, TCommand command);

    public abstract Task<TResult> RunAsync(Change<CommentTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// A person comments on a target, or replies to a comment of its debate, for, against or neutral; a double click
/// publishes it once. The log says only that a participant commented (and where). A reply counts on its thread's
/// top-level comment ("most discussed"). A comment in a pre-moderated process waits for a moderator.
/// </summary>
public static class PostComment
{
    public sealed record Command(string Kind, int TargetId, int? ParentId, string Body, Alignment Alignment, Guid SubmissionId) : ISubmittedOnce;

    public sealed record Outcome(int CommentId, bool Held);

    public sealed class Handler(CocreoDbContext db, DebateTargetDirectory targets, ModerationDirectory moderation) : IChange<Command, DebateTarget, Outcome>
    {
        public async Task<DebateTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            await targets.FindAsync(command.Kind, command.TargetId, user, cancellationToken) is { } subject ? new DebateTarget(subject) : null;

        public Decision Decide(DebateTarget target, Command command) => target.Subject.Comment;

        public async Task<Outcome> RunAsync(Change<DebateTarget> change, Command command, CancellationToken cancellationToken)
        {
            var subject = change.Target.Subject;
            Comment? parent = null;
            if (command.ParentId is { } parentId)
            {
                parent = await db.Set<Comment>().SingleOrDefaultAsync(c => c.Id == parentId, cancellationToken);
                if (parent is null || parent.TargetKind != subject.Kind || parent.TargetId != subject.Id)
                {
                    throw new DebateRuleException("ParentElsewhere");
                }
                if (!(await moderation.StatusAsync(DebateComments.Kind, parent.Id, cancellationToken)).IsShown)
                {
                    throw new RefusedException(Refusal.Conflict("The comment you answer is hidden by the moderators: it takes no replies.", typeof(DebatePermissions)));
                }
            }
            var userId = subject.Access.UserId!;
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            var comment = db.Add(Comment.Post(subject.Kind, subject.Id, subject.ProcessId, parent, userId, name, command.Body, command.Alignment, change.Now)).Entity;
            if (parent is not null)
            {
                var root = parent.ThreadId is { } rootId ? await db.Set<Comment>().SingleAsync(c => c.Id == rootId, cancellationToken) : parent;
                root.Replied();
            }
            var held = await moderation.SettingsAsync(subject.ProcessId, cancellationToken) is { PreModeration: true };
            await change.SaveAsync(cancellationToken);   // its id, for the log and the moderation that may hold it
            var about = DebateLog.About(subject, comment.Id, held);
            if (parent is not null)
            {
                about["reply"] = true;
            }
            change.LogAs(DebatePermissions.Participant, $"{subject.LogNoun}.commented", about);
            if (held)
            {
                await moderation.HoldIfPreModeratedAsync(change, DebateComments.Kind, comment.Id, subject.ProcessId, DebateLog.About(subject, comment.Id), cancellationToken);
            }
            return new Outcome(comment.Id, held);
        }
    }
}

/// <summary>
/// Its author edits a comment (text and alignment) while the target takes comments; the page then says "edited" and
/// the replaced text is kept for the moderators. A hidden comment cannot be edited (it would come back changed unseen).
/// </summary>
public static class EditComment
{
    public sealed record Command(int CommentId, string Body, Alignment? Alignment = null, DebateRef? On = null) : ICommentCommand;

    public sealed class Handler(CocreoDbContext db, DebateTargetDirectory targets, ModerationDirectory moderation) : CommentChange<Command, Done>(db, targets, moderation)
    {
        public override Decision Decide(CommentTarget target, Command command) =>
            DebatePermissions.Own(target.Comment, target.Subject, target.Subject.EditOwn)
                .And(() => target.Comment.IsDeleted ? Decision.NotNow("This comment was deleted by its author.", typeof(DebatePermissions)) : Decision.Allowed)
                .And(() => target.Moderation.IsShown || target.Moderation.IsPending ? Decision.Allowed : Decision.NotNow("The moderators hid this comment: it can no longer be edited.", typeof(DebatePermissions)));

        public override Task<Done> RunAsync(Change<CommentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var comment = change.Target.Comment;
            if (comment.Edit(command.Body, command.Alignment, change.Now) is { } before)
            {
                Moderation.KeepReplacedText(DebateComments.Kind, comment.Id, before, deleted: false, change.Now);
                change.LogAs(DebatePermissions.Participant, $"{change.Target.Subject.LogNoun}.comment-edited", change.Target.LogData);
            }
            return Task.FromResult(new Done());
        }
    }
}

/// <summary>
/// Its author deletes a comment (also a hidden one): its place says "Deleted by its author", its replies stay, the
/// text is kept for the moderators only. Deleting it again changes nothing.
/// </summary>
public static class DeleteComment
{
    public sealed record Command(int CommentId, DebateRef? On = null) : ICommentCommand;

    public sealed class Handler(CocreoDbContext db, DebateTargetDirectory targets, ModerationDirectory moderation) : CommentChange<Command, Done>(db, targets, moderation)
    {
        public override Decision Decide(CommentTarget target, Command command) => DebatePermissions.Own(target.Comment, target.Subject, target.Subject.DeleteOwn);

        public override Task<Done> RunAsync(Change<CommentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var comment = change.Target.Comment;
            if (comment.Delete(change.Now) is { } before)
            {
                Moderation.KeepReplacedText(DebateComments.Kind, comment.Id, before, deleted: true, change.Now);
                change.LogAs(DebatePermissions.Participant, $"{change.Target.Subject.LogNoun}.comment-deleted", change.Target.LogData);
            }
            return Task.FromResult(new Done());
        }
    }
}

/// <summary>
/// A person votes a comment up (+1) or down (−1), or takes their vote back (0): one vote per person and comment,
/// changeable while the target takes comments; never on their own comment, a deleted or a hidden one. Not logged
/// (as a conversation's votes); the tallies and the score move in the same save (a parallel double submit: the
/// vote's key and the comment's version make the second one find the first and change nothing).
/// </summary>
public static class VoteOnComment
{
    public sealed record Command(int CommentId, int Value, DebateRef? On = null) : ICommentCommand;

    public sealed record Outcome(int Up, int Down, int Mine);

    public sealed class Handler(CocreoDbContext db, DebateTargetDirectory targets, ModerationDirectory moderation, BridgingCache bridging) : CommentChange<Command, Outcome>(db, targets, moderation)
    {
        public override Decision Decide(CommentTarget target, Command command) =>
            target.Subject.Comment
                .And(() => target.Comment.IsDeleted || !target.Moderation.IsShown
                    ? Decision.NotNow("This comment is deleted or hidden: it takes no votes.", typeof(DebatePermissions)) : Decision.Allowed)
                .And(() => target.Comment.AuthorUserId == target.Subject.Access.UserId
                    ? Decision.NotNow("You cannot vote on your own comment.", typeof(DebatePermissions)) : Decision.Allowed);

        public override async Task<Outcome> RunAsync(Change<CommentTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (command.Value is < -1 or > 1)
            {
                throw new DebateRuleException("VoteUnknown", "Value");
            }
            var comment = change.Target.Comment;
            var userId = change.Target.Subject.Access.UserId!;
            var vote = await Db.Set<CommentVote>().SingleOrDefaultAsync(v => v.CommentId == comment.Id && v.UserId == userId, cancellationToken);
            var from = vote?.Value ?? 0;
            if (from == command.Value)
            {
                return new Outcome(comment.Up, comment.Down, from);
            }
            if (vote is null)
            {
                Db.Add(new CommentVote { CommentId = comment.Id, UserId = userId, Value = command.Value, VotedAt = change.Now });
            }
            else if (command.Value == 0)
            {
                Db.Remove(vote);
            }
            else
            {
                vote.Value = command.Value;
                vote.VotedAt = change.Now;
            }
            comment.Tally(from, command.Value);
            change.AfterCommit(() => bridging.Forget(comment.TargetKind, comment.TargetId));
            return new Outcome(comment.Up, comment.Down, command.Value);
        }
    }
}
