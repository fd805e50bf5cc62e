using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// The conversations a person took part in with their account: their votes (with their "important" marks), the
/// statements they wrote and their answers to the questions about themselves. Deleting the account deletes the
/// answers and keeps the participant, its votes and statements (the map and what others voted on stay as they were),
/// no longer tied to any account. Participants without an account are known only by the hash of a key in their
/// browser: nothing about them is personal data the platform can find by a person.
/// </summary>
public sealed class ConversationPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "conversations";

    public override IReadOnlyCollection<string> Columns { get; } = ["ConversationParticipants.UserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var participants = await db.Set<ConversationParticipant>().AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        var ids = participants.Select(p => p.Id).ToList();
        var votes = await db.Set<ConversationVote>().AsNoTracking().Where(v => ids.Contains(v.ParticipantId)).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        var statements = await db.Set<ConversationStatement>().AsNoTracking().Where(s => s.AuthorParticipantId != null && ids.Contains(s.AuthorParticipantId.Value)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var answers = await db.Set<ConversationAnswer>().AsNoTracking().Where(a => ids.Contains(a.ParticipantId)).ToListAsync(cancellationToken);
        var questionIds = answers.Select(a => a.QuestionId).Distinct().ToList();
        var questions = await db.Set<ConversationQuestion>().AsNoTracking().Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken);
        return participants.Select(p => new
        {
            conversation = p.ConversationId,
            joined = p.CreatedAt,
            votes = votes.Where(v => v.ParticipantId == p.Id).Select(v => new { statement = v.StatementId, choice = v.Choice.ToString(), important = v.Important, at = v.VotedAt }).ToList(),
            answers = answers.Where(a => a.ParticipantId == p.Id).OrderBy(a => questions[a.QuestionId].Position).Select(a => new
            {
                question = questions[a.QuestionId].Text,
                answer = a.Option is { } option && option < questions[a.QuestionId].Options.Count ? questions[a.QuestionId].Options[option] : null,
                at = a.AnsweredAt,
            }).ToList(),
            statements = statements.Where(s => s.AuthorParticipantId == p.Id).Select(s => new { statement = s.Id, s.Text, status = s.Status.ToString(), s.RejectedReason, s.CreatedAt }).ToList(),
        }).ToList();
    }

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        // The answers about the person are deleted (the map does not need them); their votes stay, tied to nobody.
        var ids = await db.Set<ConversationParticipant>().Where(p => p.UserId == userId).Select(p => p.Id).ToListAsync(cancellationToken);
        db.RemoveRange(await db.Set<ConversationAnswer>().Where(a => ids.Contains(a.ParticipantId)).ToListAsync(cancellationToken));
        foreach (var participant in await db.Set<ConversationParticipant>().Where(p => p.UserId == userId).ToListAsync(cancellationToken))
        {
            participant.ForgetAccount();
        }
    }
}
