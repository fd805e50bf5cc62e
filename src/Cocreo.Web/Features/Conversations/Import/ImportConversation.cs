using System.Security.Claims;
using Cocreo.OpinionMap.Polis;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;
using Engine = Cocreo.OpinionMap;

namespace Cocreo.Web.Features.Conversations.Import;

/// <summary>
/// The process's team imports a Polis export (read by <see cref="PolisUpload"/>) into a new conversation of the
/// process, in one transaction: statements with their text, author and moderation (Polis −1 rejected with a public
/// reason, 0 and 1 open for voting), every participant's final vote with its time, and the participants as
/// participants without account or key (nobody can take part as them). The question and settings come from the form.
/// </summary>
public static class ImportConversation
{
    /// <param name="RejectedReason">The public reason of the statements Polis moderated out (in the team's language).</param>
    public sealed record Command(int ProcessId, ConversationSettings Settings, PolisExport Export, string RejectedReason) : IProcessCommand;

    public sealed record Outcome(int ConversationId, int Statements, int Rejected, int Participants, int Votes);

    /// <summary>Rows are inserted in batches of this many, each batch saved and then forgotten by the change tracker.</summary>
    private const int Batch = 5_000;

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db) : IChange<Command, ProcessTarget, Outcome>
    {
        public Task<ProcessTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            processes.ForChangeAsync(command.ProcessId, user, cancellationToken);

        public Decision Decide(ProcessTarget target, Command command) =>
            ConversationPermissions.Decide(ConversationAction.Create, ConversationSubject.Of(target.Process, null, false), target.Access);

        public async Task<Outcome> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            var export = command.Export;
            var statements = export.Conversation.Statements;
            var votes = FinalVotes(export.Votes);

            // Polis allowed longer statements than the default limit: the limit grows to the longest imported one.
            var settings = command.Settings;
            if (settings.StatementLimit is >= ConversationLimits.ShortestStatementLimit and <= ConversationLimits.LongestStatementLimit)
            {
                var longest = statements.Select(s => StatementText.Tidy(s.Text).Length).DefaultIfEmpty(0).Max();
                settings = settings with { StatementLimit = Math.Max(settings.StatementLimit, Math.Min(longest, ConversationLimits.LongestStatementLimit)) };
            }
            var conversation = Conversation.Start(process.OrganisationId, process.Id, settings, change.Now, language: process.Language);
            db.Add(conversation);
            await change.SaveAsync(cancellationToken);

            // Participants in the order of their Polis ids, statements in the order of theirs: the engine orders the
            // rows and columns of its matrix by id, so the platform's map is computed on the same matrix.
            var firstSeen = new SortedDictionary<int, DateTime>();
            void Seen(int participant, DateTime at) =>
                firstSeen[participant] = firstSeen.TryGetValue(participant, out var earlier) && earlier <= at ? earlier : at;
            foreach (var vote in votes)
            {
                Seen(vote.ParticipantId, TimeOf(vote.Time, change.Now));
            }
            foreach (var statement in statements.Where(s => s.AuthorId is not null))
            {
                Seen(statement.AuthorId!.Value, TimeOf(statement.CreatedAt, change.Now));
            }
            var participants = firstSeen.ToDictionary(p => p.Key, p => ConversationParticipant.Imported(conversation.Id, p.Value));
            await AddInBatchesAsync(participants.Values.ToList(), change, cancellationToken);

            var imported = new Dictionary<int, ConversationStatement>();
            var rejected = 0;
            foreach (var statement in statements)
            {
                var at = TimeOf(statement.CreatedAt, change.Now);
                var entity = statement.AuthorId is { } author
                    ? ConversationStatement.ByParticipant(conversation, participants[author].Id, statement.Text, held: false, at)
                    : ConversationStatement.ByTheTeam(conversation, statement.Text, seed: false, at);
                if (statement.Moderation == Engine.Moderation.Rejected)
                {
                    entity.Reject(command.RejectedReason);
                    rejected++;
                }
                imported[statement.Id] = entity;
            }
            await AddInBatchesAsync(imported.Values.ToList(), change, cancellationToken);

            var rows = votes.Select(v => ConversationVote.Cast(conversation.Id, participants[v.ParticipantId].Id, imported[v.StatementId].Id, Choice(v.Choice), TimeOf(v.Time, change.Now))).ToList();
            await BulkInsert.InsertAsync(db, rows, cancellationToken);

            // Counts only: the log never records a vote or names a participant.
            change.Log("conversation.imported", new
            {
                conversation = conversation.Id,
                question = conversation.Question,
                access = conversation.Access.ToString(),
                participantsMayAdd = conversation.ParticipantsMayAdd,
                moderation = conversation.Moderation.ToString(),
                statementLimit = conversation.StatementLimit,
                source = "Polis export",
                statements = imported.Count,
                rejected,
                participants = participants.Count,
                votes = rows.Count,
            });
            return new Outcome(conversation.Id, imported.Count, rejected, participants.Count, rows.Count);
        }

        /// <summary>
        /// Adds rows in batches without the change tracker's scans (it is told they are new), saves each batch in the
        /// change's transaction, and forgets the saved rows, so a large import stays fast and small in memory.
        /// </summary>
        private async Task AddInBatchesAsync<T>(IReadOnlyList<T> entities, Change<ProcessTarget> change, CancellationToken cancellationToken) where T : class
        {
            var detect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                for (var start = 0; start < entities.Count; start += Batch)
                {
                    var batch = entities.Skip(start).Take(Batch).ToList();
                    db.Set<T>().AddRange(batch);
                    await change.SaveAsync(cancellationToken);
                    foreach (var entity in batch)
                    {
                        db.Entry(entity).State = EntityState.Detached;
                    }
                }
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = detect;
            }
        }
    }

    /// <summary>
    /// The vote that stands for each participant and statement (a later vote replaces an earlier one, as in Polis and
    /// the engine), with its time, in the order the votes were cast.
    /// </summary>
    public static List<Engine.Vote> FinalVotes(IReadOnlyList<Engine.Vote> votes)
    {
        var last = new Dictionary<(int, int), int>();
        for (var i = 0; i < votes.Count; i++)
        {
            last[(votes[i].ParticipantId, votes[i].StatementId)] = i;
        }
        var final = new List<Engine.Vote>(last.Count);
        for (var i = 0; i < votes.Count; i++)
        {
            if (last[(votes[i].ParticipantId, votes[i].StatementId)] == i)
            {
                final.Add(votes[i]);
            }
        }
        return final;
    }

    /// <summary>A time of the export, or (participants-votes.csv has none) the time of the import.</summary>
    private static DateTime TimeOf(DateTimeOffset? time, DateTime now) => time is { } t && t != default ? t.UtcDateTime : now;

    private static ConversationChoice Choice(Engine.VoteChoice choice) => choice switch
    {
        Engine.VoteChoice.Agree => ConversationChoice.Agree,
        Engine.VoteChoice.Disagree => ConversationChoice.Disagree,
        _ => ConversationChoice.Pass,
    };
}
