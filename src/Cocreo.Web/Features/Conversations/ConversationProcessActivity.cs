using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// Conversations in a process's lifecycle: a conversation started, a statement or a vote since a phase move is
/// something that happened; a participant (someone who voted or wrote a statement) is input, so the process is then
/// archived rather than deleted. An open conversation does not hold up archiving: an archived process takes no changes.
/// </summary>
public sealed class ConversationProcessActivity(CocreoDbContext db) : IProcessActivity
{
    public Task<string?> RunningAsync(int processId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<bool> AnythingSinceAsync(int processId, DateTime since, CancellationToken cancellationToken)
    {
        var conversations = db.Set<Conversation>().Where(c => c.ProcessId == processId);
        return await conversations.AnyAsync(c => c.CreatedAt >= since, cancellationToken)
            || await db.Set<ConversationStatement>().AnyAsync(s => s.CreatedAt >= since && conversations.Any(c => c.Id == s.ConversationId), cancellationToken)
            || await db.Set<ConversationVote>().AnyAsync(v => v.VotedAt >= since && conversations.Any(c => c.Id == v.ConversationId), cancellationToken);
    }

    public async Task<bool> HasInputAsync(int processId, CancellationToken cancellationToken)
    {
        var conversations = db.Set<Conversation>().Where(c => c.ProcessId == processId);
        return await db.Set<ConversationParticipant>().AnyAsync(p => conversations.Any(c => c.Id == p.ConversationId), cancellationToken);
    }
}
