using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Conversations;

/// <summary>Makes the participant a change needs: the one the target holds, or a new one for their account or key.</summary>
internal static class Participants
{
    public static async Task<ConversationParticipant> EnsureAsync(Change<ConversationTarget> change, CocreoDbContext db, CancellationToken cancellationToken)
    {
        var target = change.Target;
        if (target.Participant is { } known)
        {
            return known;
        }
        var participant = target.Access.UserId is { } userId
            ? ConversationParticipant.WithAccount(target.Conversation.Id, userId, change.Now)
            : ConversationParticipant.WithKey(target.Conversation.Id, target.KeyHash ?? throw new ConversationRuleException("NoParticipantKey"), change.Now);
        db.Add(participant);
        // Saved first for its id; a parallel first vote with the same account or key loses on the unique key and is tried again.
        await change.SaveAsync(cancellationToken);
        return participant;
    }
}

/// <summary>
/// A participant votes agree, disagree or pass on a statement open for voting. One vote per participant and
/// statement: voting again replaces the choice (a unique key makes a parallel repeat count once). Votes are never
/// logged: the map is their public record.
/// <para>
/// The one write path that does not run through the change runner, for speed (a conversation takes thousands of votes
/// a second): the permission is decided here on the conversation as read at most a few seconds ago
/// (<see cref="VotingPapers"/>; the person's account and roles are read fresh), and the <see cref="VoteBox"/> checks again
/// on fresh data inside the transaction that writes the vote what can change under a vote: the conversation open and
/// welcoming link participants, the process neither closed, archived nor deleted, the statement accepted.
/// </para>
/// </summary>
public static class CastVote
{
    /// <param name="Important">The participant marks the statement as important to them (kept only where the conversation asks).</param>
    public sealed record Command(int ConversationId, string? Key, int StatementId, ConversationChoice Choice, bool Important = false) : IParticipantCommand;

    /// <param name="Changed">Whether a vote was cast or changed (false for the same choice again).</param>
    public sealed record Outcome(int ParticipantId, bool Changed);

    public sealed class Handler(VotingPapers papers, ProcessAccessReader access, CocreoDbContext db, VoteBox box, TimeProvider clock)
    {
        /// <summary>Casts the vote as <paramref name="user"/> (and their browser's key when not signed in); throws <see cref="RefusedException"/> when refused.</summary>
        public async Task<Outcome> CastAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var userId = await DecideAsync(command.ConversationId, user, cancellationToken);
            if (!Enum.IsDefined(command.Choice))
            {
                throw Refused("UnknownChoice");
            }
            var keyHash = ParticipantKeys.LooksValid(command.Key) ? ParticipantKeys.Hash(command.ConversationId, command.Key!) : null;
            if (userId is null && keyHash is null)
            {
                throw Refused("NoParticipantKey");
            }
            var conversation = (await papers.ForAsync(command.ConversationId, cancellationToken))!.Conversation;
            var important = command.Important && conversation.AskImportance;
            // Signed in: the key only says which link participant of theirs to attach to the account (the VoteBox does).
            keyHash = userId is not null && conversation.Access != ConversationAccess.Link ? null : keyHash;
            var receipt = await box.CastAsync(new VoteSubmission(command.ConversationId, userId, keyHash, command.StatementId, command.Choice, clock.GetUtcNow().UtcDateTime, important));
            switch (receipt.Written)
            {
                case VoteWritten.Recorded or VoteWritten.Unchanged:
                    return new Outcome(receipt.ParticipantId, receipt.Written == VoteWritten.Recorded);
                case VoteWritten.NotTaking:
                    // The conversation changed since it was read: decide again on fresh data, for the reason.
                    papers.Forget(command.ConversationId);
                    await DecideAsync(command.ConversationId, user, cancellationToken);
                    throw new RefusedException(Refusal.Conflict("This conversation is closed: votes and statements are no longer taken.", typeof(ConversationPermissions)));
                case VoteWritten.UnknownStatement:
                    throw Refused("UnknownStatement");
                case VoteWritten.NotVotable:
                    throw Refused("NotVotable");
                default:
                    throw new RefusedException(Refusal.Conflict("Your vote could not be saved just now. Please try again in a moment.", typeof(ConversationPermissions)));
            }
        }

        /// <summary>Refuses (throws) unless the person may take part now; returns their account id, null when not signed in.</summary>
        private async Task<string?> DecideAsync(int conversationId, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var paper = await papers.ForAsync(conversationId, cancellationToken) ?? throw new RefusedException(Refusal.NotFound);
            var userId = user.UserId();
            var signedIn = userId is not null;
            var who = ProcessAccess.Anonymous with { OrganisationSuspended = paper.OrganisationSuspended };
            var verified = false;
            if (userId is not null)
            {
                var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.EmailConfirmed, u.DeletedAt }).SingleOrDefaultAsync(cancellationToken);
                if (account is null || account.DeletedAt is not null)
                {
                    throw new RefusedException(Decision.NotYours("This account was deleted.", typeof(Accounts.AccountText)).ToRefusal(true)!);
                }
                verified = account.EmailConfirmed;
                who = await access.ForAsync(user, paper.Process, cancellationToken);
            }
            if (who.OrganisationSuspended)
            {
                RefusedException.Unless(ProcessPermissions.CanSee(ProcessVisibility.Public, who) ? Organisations.OrganisationPermissions.Suspended : Decision.Hidden, signedIn);
            }
            RefusedException.Unless(ConversationPermissions.Decide(ConversationAction.TakePart, ConversationSubject.Of(paper.Process, paper.Conversation, verified), who), signedIn);
            return userId;
        }

        private static RefusedException Refused(string code) => new(new ConversationRuleException(code).ToRefusal());
    }
}

/// <summary>
/// A conversation and its process as votes need them, read at most <see cref="Lifetime"/> ago on this server: every
/// vote asks. A change to the conversation forgets it here at once; other servers' copies expire within seconds, and
/// the <see cref="VoteBox"/> checks what matters on fresh data anyway.
/// </summary>
public sealed class VotingPapers(CocreoDbContext db, ProcessDirectory processes, Organisations.OrganisationMembership organisations, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<VotingPaper?> ForAsync(int conversationId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(conversationId), out VotingPaper? cached))
        {
            return cached;
        }
        var conversation = await db.Set<Conversation>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        var process = conversation is null ? null : await processes.FindAsync(conversation.ProcessId, cancellationToken);
        if (conversation is null || process is null)
        {
            return null;
        }
        var paper = new VotingPaper(conversation, process, await organisations.StandingOfAsync(process.OrganisationId, cancellationToken) == Organisations.OrganisationStanding.Suspended);
        cache.Set(Key(conversationId), paper, Lifetime);
        return paper;
    }

    /// <summary>Forgets a conversation on this server (its settings or state changed).</summary>
    public void Forget(int conversationId) => cache.Remove(Key(conversationId));

    private static string Key(int conversationId) => "voting-paper:" + conversationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record VotingPaper(Conversation Conversation, Process Process, bool OrganisationSuspended);

/// <summary>
/// A participant adds a statement, where the conversation lets them: not empty, within the length limit, not the same
/// as nor very like one already there. In a pre-moderated conversation (or process), and when the participant sends
/// many in a short time (flood protection), it waits in the moderation queue instead of being refused.
/// </summary>
public static class AddStatement
{
    public sealed record Command(int ConversationId, string? Key, string Text) : IParticipantCommand;

    /// <param name="Held">Whether it waits for a moderator.</param>
    public sealed record Outcome(int StatementId, bool Held);

    public sealed class Handler(ConversationAccessReader conversations, CocreoDbContext db, StatementChecks checks, ModerationDirectory moderation, IOptions<ConversationOptions> options,
        ConversationMapRefresher maps)
        : ParticipantChange<Command, Outcome>(conversations)
    {
        public override async Task<Outcome> RunAsync(Change<ConversationTarget> change, Command command, CancellationToken cancellationToken)
        {
            change.AfterCommit(() => maps.Mark(command.ConversationId));
            var conversation = change.Target.Conversation;
            if (!conversation.ParticipantsMayAdd)
            {
                throw new ConversationRuleException("AddingNotAllowed");
            }
            // The text is checked before anyone is made a participant, so a refused statement leaves nothing behind.
            var probe = ConversationStatement.ByParticipant(conversation, 0, command.Text, held: false, change.Now);
            await checks.RefuseDuplicateAsync(conversation.Id, probe.NormalizedText, cancellationToken);
            var participant = await Participants.EnsureAsync(change, db, cancellationToken);
            var since = change.Now - options.Value.FloodWindow;
            var recent = await db.Set<ConversationStatement>().CountAsync(s => s.AuthorParticipantId == participant.Id && s.CreatedAt > since, cancellationToken);
            var flooding = recent >= options.Value.StatementsPerWindow;
            var held = conversation.Moderation == StatementModeration.Pre || flooding
                || (await moderation.SettingsAsync(conversation.ProcessId, cancellationToken)).PreModeration;
            var statement = ConversationStatement.ByParticipant(conversation, participant.Id, command.Text, held, change.Now);
            db.Add(statement);
            await change.SaveAsync(cancellationToken);
            var about = new { conversation = conversation.Id, statement = statement.Id };
            change.LogAs(ConversationTarget.ParticipantActor, "statement.added", about);
            if (held)
            {
                db.Add(ModerationCase.Held(ConversationStatements.Kind, statement.Id, conversation.ProcessId, change.Now));
                change.LogAs(LogActor.System, "content.held", ContentTarget.LogEntry(ConversationStatements.Kind, statement.Id, about, ("flood", flooding)));
            }
            return new Outcome(statement.Id, held);
        }
    }
}

/// <summary>
/// A participant answers the conversation's demographic questions (or skips them: every answer "prefer not to
/// say"), once; answering again replaces the answers. The answers are personal data: never logged, never in the
/// open-data export, exported and deleted with the account.
/// </summary>
public static class AnswerQuestions
{
    /// <param name="Answers">Per question in order, the option's number, or null for "prefer not to say"; missing ones are null.</param>
    public sealed record Command(int ConversationId, string? Key, IReadOnlyList<int?> Answers) : IParticipantCommand;

    public sealed record Outcome(int ParticipantId, bool Changed);

    public sealed class Handler(ConversationAccessReader conversations, CocreoDbContext db) : ParticipantChange<Command, Outcome>(conversations)
    {
        public override async Task<Outcome> RunAsync(Change<ConversationTarget> change, Command command, CancellationToken cancellationToken)
        {
            var questions = await db.Set<ConversationQuestion>().AsNoTracking().Where(q => q.ConversationId == command.ConversationId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
            if (questions.Count == 0)
            {
                throw new ConversationRuleException("NoQuestions");
            }
            var answers = command.Answers ?? [];
            if (answers.Count > questions.Count || answers.Select((a, i) => a is { } option && (option < 0 || option >= questions[i].Options.Count)).Any(bad => bad))
            {
                throw new ConversationRuleException("UnknownAnswer");
            }
            var participant = await Participants.EnsureAsync(change, db, cancellationToken);
            var earlier = await db.Set<ConversationAnswer>().Where(a => a.ParticipantId == participant.Id).ToDictionaryAsync(a => a.QuestionId, cancellationToken);
            var changed = false;
            for (var i = 0; i < questions.Count; i++)
            {
                var option = i < answers.Count ? answers[i] : null;
                if (earlier.TryGetValue(questions[i].Id, out var answer))
                {
                    changed |= answer.Change(option, change.Now);
                }
                else
                {
                    db.Add(ConversationAnswer.Given(command.ConversationId, participant.Id, questions[i].Id, option, change.Now));
                    changed = true;
                }
            }
            return new Outcome(participant.Id, changed);
        }
    }
}
