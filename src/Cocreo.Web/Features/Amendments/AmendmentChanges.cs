using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Amendments;

/// <summary>A command about the amendments of one amendable thing (a new amendment).</summary>
public interface IAmendableCommand
{
    string Kind { get; }
    int TargetId { get; }
}

/// <summary>A command about one amendment.</summary>
public interface IAmendmentCommand
{
    int AmendmentId { get; }
}

/// <summary>An amendable thing loaded for a change through its owner, with who asks.</summary>
public record AmendableTarget(AmendableSubject Subject, ClaimsPrincipal User) : IChangeTarget
{
    public int? LogProcessId => Subject.ProcessId;

    public LogActor Actor => Subject.Actor;

    /// <summary>A participant's own change is logged by role only.</summary>
    public static LogActor Participant { get; } = LogActor.Private("participant");
}

/// <summary>One amendment loaded for a change (tracked), with the thing it amends as its owner finds it now.</summary>
public sealed record AmendmentTarget(AmendableSubject Subject, ClaimsPrincipal User, Amendment Amendment) : AmendableTarget(Subject, User)
{
    public Decision Decide(AmendmentAction action) => AmendmentPermissions.Decide(action, Subject, Amendment);

    /// <summary>What every log entry about the amendment says (ids and numbers only).</summary>
    public object LogData(object? more = null) => new { amendment = Amendment.Id, on = Subject.LogData, more };
}

/// <summary>Opens amendments for changes and pages: the one place targets are built.</summary>
public sealed class AmendmentAccess(CocreoDbContext db, AmendmentTargetDirectory targets)
{
    public async Task<AmendableTarget?> ForTargetChangeAsync(string kind, int targetId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await targets.FindAsync(kind, targetId, user, cancellationToken) is { } subject ? new AmendableTarget(subject, user) : null;

    public async Task<AmendmentTarget?> ForChangeAsync(int amendmentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var amendment = await db.Set<Amendment>().SingleOrDefaultAsync(a => a.Id == amendmentId, cancellationToken);
        var subject = amendment is null ? null : await targets.FindAsync(amendment.TargetKind, amendment.TargetId, user, cancellationToken);
        return subject is null ? null : new AmendmentTarget(subject, user, amendment!);
    }

    /// <summary>An amendment for a page (untracked) with its subject; refuses (404, sign in) unless the reader may read it.</summary>
    public async Task<(AmendableSubject Subject, Amendment Amendment)> ReadAsync(int amendmentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var amendment = RefusedException.IfMissing(await db.Set<Amendment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == amendmentId, cancellationToken));
        var subject = await targets.ReadAsync(amendment.TargetKind, amendment.TargetId, user, cancellationToken);
        return (subject, amendment);
    }
}

/// <summary>The shape of a change to one amendment: decided on the amendment and what it amends as they are now.</summary>
public abstract class AmendmentChange<TCommand, TResult>(AmendmentAccess access, AmendmentAction action) : IChange<TCommand, AmendmentTarget, TResult>
    where TCommand : IAmendmentCommand
{
    public Task<AmendmentTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.ForChangeAsync(command.AmendmentId, user, cancellationToken);

    public virtual Decision Decide(AmendmentTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<AmendmentTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Someone who may amend a text proposes an amendment: the whole changed title and body and why, written on version
/// <see cref="Command.BaseVersion"/> (the form's). When the text changed since the form was opened the amendment is
/// kept on the version it was written on, and the outcome says it needs rebasing (the page shows the new text). Once
/// per submission id; held in a pre-moderated process. Logged by role only, with ids and numbers.
/// </summary>
public static class ProposeAmendment
{
    public sealed record Command(string Kind, int TargetId, int BaseVersion, string? Title, string? Body, string? Explanation, Guid SubmissionId) : IAmendableCommand, ISubmittedOnce;

    public sealed record Outcome(int AmendmentId, bool NeedsRebase, int CurrentVersion);

    public sealed class Handler(AmendmentAccess access, CocreoDbContext db, TextVersions versions, ModerationDirectory moderation) : IChange<Command, AmendableTarget, Outcome>
    {
        public Task<AmendableTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            access.ForTargetChangeAsync(command.Kind, command.TargetId, user, cancellationToken);

        public Decision Decide(AmendableTarget target, Command command) => AmendmentPermissions.Decide(AmendmentAction.Propose, target.Subject, null);

        public async Task<Outcome> RunAsync(Change<AmendableTarget> change, Command command, CancellationToken cancellationToken)
        {
            var subject = change.Target.Subject;
            var current = subject.Original;
            var based = command.BaseVersion == subject.Version ? current
                : command.BaseVersion is > 0 && command.BaseVersion < subject.Version ? await versions.FindAsync(subject.Kind, subject.Id, command.BaseVersion, current, cancellationToken)
                : null;
            if (based is null)
            {
                throw new AmendmentRuleException("UnknownVersion", "Input.BaseVersion");
            }
            var amendment = Amendment.Propose(subject.Kind, subject.Id, subject.ProcessId, command.BaseVersion, new AmendedText(based.Title, based.Body),
                command.Title, command.Body, command.Explanation, subject.Access.UserId!, change.Now);
            db.Add(amendment);
            await change.SaveAsync(cancellationToken);
            change.LogAs(AmendableTarget.Participant, "amendment.proposed", new { amendment = amendment.Id, on = subject.LogData, version = amendment.BaseVersion });
            await moderation.HoldIfPreModeratedAsync(change, AmendmentContents.Kind, amendment.Id, subject.ProcessId, new { amendment = amendment.Id }, cancellationToken);
            return new Outcome(amendment.Id, amendment.NeedsRebase(subject.Version), subject.Version);
        }
    }
}

/// <summary>
/// Someone supports an open amendment (not their own), once: a second support, or two sent at once (the unique key,
/// then the runner's retry finds the first), changes nothing.
/// </summary>
public static class SupportAmendment
{
    public sealed record Command(int AmendmentId) : IAmendmentCommand;

    public sealed class Handler(AmendmentAccess access, CocreoDbContext db) : AmendmentChange<Command, bool>(access, AmendmentAction.Support)
    {
        public override async Task<bool> RunAsync(Change<AmendmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (amendment, userId) = (change.Target.Amendment, change.Target.Subject.Access.UserId!);
            if (await db.Set<AmendmentSupport>().AnyAsync(s => s.AmendmentId == amendment.Id && s.UserId == userId, cancellationToken))
            {
                return false;
            }
            db.Add(new AmendmentSupport { AmendmentId = amendment.Id, UserId = userId, SupportedAt = change.Now });
            change.LogAs(AmendableTarget.Participant, "amendment.supported", change.Target.LogData());
            return true;
        }
    }
}

/// <summary>
/// Whoever decides on the text (a proposal's author and co-authors; the organisation for an official text) accepts an
/// open amendment written on the current version: the owner applies exactly its text as a new version. An amendment
/// whose base is no longer current is refused (422) and stays open for its author to rebase.
/// </summary>
public static class AcceptAmendment
{
    public sealed record Command(int AmendmentId) : IAmendmentCommand;

    public sealed class Handler(AmendmentAccess access, AmendmentTargetDirectory targets) : AmendmentChange<Command, int>(access, AmendmentAction.Decide)
    {
        public override async Task<int> RunAsync(Change<AmendmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (subject, amendment) = (change.Target.Subject, change.Target.Amendment);
            if (amendment.Status == AmendmentStatus.Accepted)
            {
                return amendment.ResultVersion ?? subject.Version;
            }
            if (amendment.IsOpen && amendment.NeedsRebase(subject.Version))
            {
                throw new AmendmentRuleException("Stale");
            }
            var owner = targets.Of(subject.Kind) ?? throw new RefusedException(Refusal.NotFound);
            // Checked before the owner changes anything, so a decided amendment leaves the text as it is.
            amendment.EnsureOpen();
            var version = await owner.ApplyAsync(subject, new AmendedText(amendment.Title, amendment.Body), new AmendmentApplied(amendment.Id, amendment.AuthorUserId, change.Now), cancellationToken);
            amendment.Accept(version, change.Now);
            change.Log("amendment.accepted", change.Target.LogData(new { version }));
            change.Log(subject.LogNoun + ".versioned", new { on = subject.LogData, version, amendment = amendment.Id });
            return version;
        }
    }
}

/// <summary>Whoever decides on the text rejects an open amendment with a public reason; again changes nothing.</summary>
public static class RejectAmendment
{
    public sealed record Command(int AmendmentId, string? Reason) : IAmendmentCommand;

    public sealed class Handler(AmendmentAccess access) : AmendmentChange<Command, bool>(access, AmendmentAction.Decide)
    {
        public override Task<bool> RunAsync(Change<AmendmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!change.Target.Amendment.Reject(command.Reason, change.Now))
            {
                return Task.FromResult(false);
            }
            change.Log("amendment.rejected", change.Target.LogData());
            return Task.FromResult(true);
        }
    }
}

/// <summary>Its author withdraws an open amendment; again changes nothing.</summary>
public static class WithdrawAmendment
{
    public sealed record Command(int AmendmentId) : IAmendmentCommand;

    public sealed class Handler(AmendmentAccess access) : AmendmentChange<Command, bool>(access, AmendmentAction.Own)
    {
        public override Task<bool> RunAsync(Change<AmendmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!change.Target.Amendment.Withdraw(change.Now))
            {
                return Task.FromResult(false);
            }
            change.LogAs(AmendableTarget.Participant, "amendment.withdrawn", change.Target.LogData());
            return Task.FromResult(true);
        }
    }
}

/// <summary>
/// Its author moves an open amendment onto the current version: its change re-applied word by word where it applies
/// cleanly (a three-way merge), or, with a title and body given, their own text on the new version (when the two
/// changes touch the same words). The replaced text is kept for the moderators.
/// </summary>
public static class RebaseAmendment
{
    public sealed record Command(int AmendmentId, string? Title = null, string? Body = null) : IAmendmentCommand;

    public sealed class Handler(AmendmentAccess access, ModerationDirectory moderation) : AmendmentChange<Command, bool>(access, AmendmentAction.Own)
    {
        public override Decision Decide(AmendmentTarget target, Command command) => target.Decide(AmendmentAction.Own).And(() => target.Subject.Amend);

        public override Task<bool> RunAsync(Change<AmendmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (subject, amendment) = (change.Target.Subject, change.Target.Amendment);
            var before = amendment.Title + "\n\n" + amendment.Body;
            var manual = command.Title is not null || command.Body is not null;
            if (!amendment.Rebase(subject.Version, subject.Text, command.Title, command.Body, change.Now))
            {
                return Task.FromResult(false);
            }
            moderation.KeepReplacedText(AmendmentContents.Kind, amendment.Id, before, deleted: false, change.Now);
            change.LogAs(AmendableTarget.Participant, "amendment.rebased", change.Target.LogData(new { version = subject.Version, merged = !manual }));
            return Task.FromResult(true);
        }
    }
}

/// <summary>
/// Its author turns a rejected amendment into a proposal of the process, through the Proposals capability's own use
/// case (<c>PutForwardProposal</c>, asked on the process as it is: proposals turned on and open), inside this change; the
/// amendment and the new proposal link to each other. Once.
/// </summary>
public static class PromoteAmendment
{
    public sealed record Command(int AmendmentId) : IAmendmentCommand;

    public sealed class Handler(AmendmentAccess access, IEnumerable<IProposalTargets> places) : AmendmentChange<Command, int>(access, AmendmentAction.Own)
    {
        public const string ProposalsKind = "proposals";

        public override async Task<int> RunAsync(Change<AmendmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var amendment = change.Target.Amendment;
            if (amendment.PromotedProposalId is { } already)
            {
                return already;
            }
            amendment.EnsurePromotable();
            var place = places.FirstOrDefault(p => p.Kind == ProposalsKind) ?? throw new RefusedException(Refusal.NotFound);
            var made = await place.ProposeAsync(amendment.ProcessId, amendment.ProcessId,
                new ProposalDraft(amendment.Title, amendment.Body, "", "", 0, null), change.Target.User, change.Now, cancellationToken);
            amendment.Promote(made.ProposalId);
            change.LogAs(AmendableTarget.Participant, "amendment.promoted", change.Target.LogData(new { proposal = made.ProposalId }));
            return made.ProposalId;
        }
    }
}
