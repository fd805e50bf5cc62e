using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Conversations;

/// <summary>The process's team starts a conversation in the process (in any phase), with its first seed statements.</summary>
public static class StartConversation
{
    /// <param name="Questions">Optional demographic questions (already checked by <see cref="ConversationQuestions.Parse"/>).</param>
    public sealed record Command(int ProcessId, ConversationSettings Settings, IReadOnlyList<string> Seeds, IReadOnlyList<QuestionDraft>? Questions = null) : IProcessCommand;

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db) : IChange<Command, ProcessTarget, int>
    {
        public Task<ProcessTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            processes.ForChangeAsync(command.ProcessId, user, cancellationToken);

        public Decision Decide(ProcessTarget target, Command command) =>
            ConversationPermissions.Decide(ConversationAction.Create, ConversationSubject.Of(target.Process, null, false), target.Access);

        public async Task<int> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            var conversation = Conversation.Start(process.OrganisationId, process.Id, command.Settings, change.Now, language: process.Language);
            db.Add(conversation);
            // The conversation's id is in the log entry and the seeds, so it is saved first, in the change's transaction.
            await change.SaveAsync(cancellationToken);
            var seeds = new List<ConversationStatement>();
            foreach (var text in command.Seeds.Where(s => !string.IsNullOrWhiteSpace(s)))
            {
                var seed = ConversationStatement.ByTheTeam(conversation, text, seed: true, change.Now);
                if (seeds.Any(s => s.NormalizedText == seed.NormalizedText))
                {
                    continue;
                }
                seeds.Add(seed);
            }
            db.AddRange(seeds);
            db.AddRange((command.Questions ?? []).Select((q, i) => ConversationQuestion.For(conversation.Id, i, q)));
            await change.SaveAsync(cancellationToken);
            change.Log("conversation.created", new
            {
                conversation = conversation.Id,
                question = conversation.Question,
                access = conversation.Access.ToString(),
                participantsMayAdd = conversation.ParticipantsMayAdd,
                moderation = conversation.Moderation.ToString(),
                statementLimit = conversation.StatementLimit,
                askImportance = conversation.AskImportance,
                questions = (command.Questions ?? []).Select(q => q.Text).ToList(),
                seeds = seeds.Select(s => new { statement = s.Id, text = s.Text }).ToList(),
            });
            return conversation.Id;
        }
    }
}

/// <summary>The team changes the question, context and settings.</summary>
public static class ChangeConversation
{
    /// <param name="Questions">The demographic questions (checked by <see cref="ConversationQuestions.Parse"/>); null leaves them as they are.
    /// They can change only until someone answers them (the answers are kept by the options' numbers).</param>
    public sealed record Command(int ConversationId, ConversationSettings Settings, IReadOnlyList<QuestionDraft>? Questions = null) : IConversationCommand;

    public sealed class Handler(ConversationAccessReader conversations, CocreoDbContext db, VotingPapers papers) : ConversationChange<Command, Done>(conversations, ConversationAction.Edit)
    {
        public override async Task<Done> RunAsync(Change<ConversationTarget> change, Command command, CancellationToken cancellationToken)
        {
            change.AfterCommit(() => papers.Forget(command.ConversationId));
            var conversation = change.Target.Conversation;
            var questionsChanged = false;
            if (command.Questions is { } drafts)
            {
                var current = await db.Set<ConversationQuestion>().Where(q => q.ConversationId == conversation.Id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
                questionsChanged = current.Count != drafts.Count || current.Zip(drafts).Any(p => !p.First.Draft.Same(p.Second));
                if (questionsChanged)
                {
                    if (await db.Set<ConversationAnswer>().AnyAsync(a => a.ConversationId == conversation.Id, cancellationToken))
                    {
                        throw new ConversationRuleException("QuestionsLocked");
                    }
                    db.RemoveRange(current);
                    db.AddRange(drafts.Select((q, i) => ConversationQuestion.For(conversation.Id, i, q)));
                }
            }
            var settingsChanged = conversation.Settings != command.Settings with { Question = StatementText.Tidy(command.Settings.Question), Context = (command.Settings.Context ?? "").Trim() };
            if (!settingsChanged && !questionsChanged)
            {
                return new Done();
            }
            conversation.Change(command.Settings);
            change.Log("conversation.changed", new
            {
                conversation = conversation.Id,
                question = conversation.Question,
                access = conversation.Access.ToString(),
                participantsMayAdd = conversation.ParticipantsMayAdd,
                moderation = conversation.Moderation.ToString(),
                statementLimit = conversation.StatementLimit,
                askImportance = conversation.AskImportance,
                questions = questionsChanged ? command.Questions!.Select(q => q.Text).ToList() : null,
            });
            return new Done();
        }
    }
}

/// <summary>The team closes the conversation (no more votes or statements; the map stays) or opens it again.</summary>
public static class CloseConversation
{
    public sealed record Command(int ConversationId, bool Close) : IConversationCommand;

    public sealed record Outcome(bool Changed);

    public sealed class Handler(ConversationAccessReader conversations, VotingPapers papers) : ConversationChange<Command, Outcome>(conversations, ConversationAction.Edit)
    {
        public override Task<Outcome> RunAsync(Change<ConversationTarget> change, Command command, CancellationToken cancellationToken)
        {
            change.AfterCommit(() => papers.Forget(command.ConversationId));
            var conversation = change.Target.Conversation;
            var changed = command.Close ? conversation.Close(change.Now) : conversation.Reopen();
            if (changed)
            {
                change.Log(command.Close ? "conversation.closed" : "conversation.reopened", new { conversation = conversation.Id });
            }
            return Task.FromResult(new Outcome(changed));
        }
    }
}

/// <summary>The team adds a seed statement (refused as a participant's would be when it is empty, too long or a duplicate).</summary>
public static class AddSeedStatement
{
    public sealed record Command(int ConversationId, string Text) : IConversationCommand;

    public sealed class Handler(ConversationAccessReader conversations, StatementChecks checks, CocreoDbContext db) : ConversationChange<Command, int>(conversations, ConversationAction.Edit)
    {
        public override async Task<int> RunAsync(Change<ConversationTarget> change, Command command, CancellationToken cancellationToken)
        {
            var conversation = change.Target.Conversation;
            var statement = ConversationStatement.ByTheTeam(conversation, command.Text, seed: true, change.Now);
            await checks.RefuseDuplicateAsync(conversation.Id, statement.NormalizedText, cancellationToken);
            db.Add(statement);
            await change.SaveAsync(cancellationToken);
            change.Log("statement.seeded", new { conversation = conversation.Id, statement = statement.Id, text = statement.Text });
            return statement.Id;
        }
    }
}

/// <summary>The team pins a statement (shown first to everyone and on top of the map) or unpins it.</summary>
public static class PinStatement
{
    public sealed record Command(int ConversationId, int StatementId, bool Pinned) : IConversationCommand;

    public sealed class Handler(ConversationAccessReader conversations, CocreoDbContext db) : ConversationChange<Command, Done>(conversations, ConversationAction.Edit)
    {
        public override async Task<Done> RunAsync(Change<ConversationTarget> change, Command command, CancellationToken cancellationToken)
        {
            var statement = await db.Set<ConversationStatement>()
                .SingleOrDefaultAsync(s => s.Id == command.StatementId && s.ConversationId == command.ConversationId, cancellationToken)
                ?? throw new ConversationRuleException("UnknownStatement");
            if (statement.Pin(command.Pinned))
            {
                change.Log(command.Pinned ? "statement.pinned" : "statement.unpinned", new { conversation = command.ConversationId, statement = statement.Id });
            }
            return new Done();
        }
    }
}

/// <summary>The checks a new statement passes: not the same as, nor very like, one already in the conversation.</summary>
public sealed class StatementChecks(CocreoDbContext db)
{
    /// <summary>Throws the rule (with the similar statement's text) when the statement repeats or nearly repeats one not rejected.</summary>
    public async Task RefuseDuplicateAsync(int conversationId, string normalized, CancellationToken cancellationToken)
    {
        var others = await db.Set<ConversationStatement>().AsNoTracking()
            .Where(s => s.ConversationId == conversationId && s.Status != StatementStatus.Rejected)
            .Select(s => new { s.Text, s.NormalizedText })
            .ToListAsync(cancellationToken);
        if (others.Any(o => o.NormalizedText == normalized))
        {
            throw new ConversationRuleException("Duplicate");
        }
        var near = others
            .Select(o => (o.Text, Similarity: StatementText.Similarity(normalized, o.NormalizedText)))
            .Where(o => o.Similarity >= StatementText.NearDuplicateSimilarity)
            .OrderByDescending(o => o.Similarity)
            .FirstOrDefault();
        if (near.Text is not null)
        {
            throw new ConversationRuleException("NearDuplicate", near.Text);
        }
    }
}
