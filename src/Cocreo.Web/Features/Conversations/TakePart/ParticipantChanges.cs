using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
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
/// </summary>
public static class CastVote
{
    /// <param name="Important">The participant marks the statement as important to them (kept only where the conversation asks).</param>
    public sealed record Command(int ConversationId, string? Key, int StatementId, ConversationChoice Choice, bool Important = false) : IParticipantCommand;

    /// <param name="Changed">Whether a vote was cast or changed (false for the same choice again).</param>
    public sealed record Outcome(int ParticipantId, bool Changed);

    public sealed class Handler(ConversationAccessReader conversations, CocreoDbContext db, ConversationMapRefresher maps) : ParticipantChange<Command, Outcome>(conversations)
    {
        public override async Task<Outcome> RunAsync(Change<ConversationTarget> change, Command command, CancellationToken cancellationToken)
        {
            change.AfterCommit(() => maps.Mark(command.ConversationId));
            if (!Enum.IsDefined(command.Choice))
            {
                throw new ConversationRuleException("UnknownChoice");
            }
            var statement = await db.Set<ConversationStatement>().AsNoTracking()
                .SingleOrDefaultAsync(s => s.Id == command.StatementId && s.ConversationId == command.ConversationId, cancellationToken)
                ?? throw new ConversationRuleException("UnknownStatement");
            if (!statement.IsVotable)
            {
                throw new ConversationRuleException("NotVotable");
            }
            var participant = await Participants.EnsureAsync(change, db, cancellationToken);
            var important = command.Important && change.Target.Conversation.AskImportance;
            var earlier = await db.Set<ConversationVote>().SingleOrDefaultAsync(v => v.ParticipantId == participant.Id && v.StatementId == statement.Id, cancellationToken);
            if (earlier is not null)
            {
                return new Outcome(participant.Id, earlier.Change(command.Choice, change.Now, important));
            }
            db.Add(ConversationVote.Cast(command.ConversationId, participant.Id, statement.Id, command.Choice, change.Now, important));
            return new Outcome(participant.Id, true);
        }
    }
}

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
