using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>The meeting a statement came from (its harvest's "turn into statement"): the meeting's id and title.</summary>
public sealed record HarvestOrigin(int MeetingId, string MeetingTitle);

/// <summary>
/// Where statements came from: the harvested items that became statements of a conversation (the item keeps the
/// statement's id and the conversation's link), so the conversation's pages can say "from the meeting …" with a link.
/// </summary>
public sealed class HarvestOrigins(CocreoDbContext db)
{
    /// <summary>Statement id → the meeting it was harvested at, for one conversation's statements.</summary>
    public async Task<IReadOnlyDictionary<int, HarvestOrigin>> StatementsAsync(int conversationId, CancellationToken cancellationToken = default)
    {
        var link = $"/conversations/{conversationId}";
        var rows = await db.Set<HarvestItem>().AsNoTracking()
            .Where(i => i.BecameKind == "statement" && i.BecameLink == link && i.BecameId != null)
            .Join(db.Set<Meeting>(), i => i.MeetingId, m => m.Id, (i, m) => new { StatementId = i.BecameId!.Value, MeetingId = m.Id, m.Title })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.StatementId).ToDictionary(g => g.Key, g => new HarvestOrigin(g.First().MeetingId, g.First().Title));
    }

    /// <summary>The meeting one statement of a conversation was harvested at, or null (one index lookup: the page shows one statement).</summary>
    public async Task<HarvestOrigin?> StatementAsync(int conversationId, int statementId, CancellationToken cancellationToken = default)
    {
        var link = $"/conversations/{conversationId}";
        return await db.Set<HarvestItem>().AsNoTracking()
            .Where(i => i.BecameLink == link && i.BecameId == statementId && i.BecameKind == "statement")
            .Join(db.Set<Meeting>(), i => i.MeetingId, m => m.Id, (i, m) => new HarvestOrigin(m.Id, m.Title))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
