using Cocreo.Web.Data;
using Cocreo.Web.Features.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>A published item as the public sees it: no author.</summary>
public sealed record HarvestEntry(int Id, HarvestKind Kind, string Text, string Label, int? BlockId, DateTime PostedAt, string? BecameKind, string? BecameTitle, string? BecameLink);

/// <summary>An item as the organisers see it, with who posted it and the run sheet's block it was harvested in (null: none chosen).</summary>
public sealed record HarvestDesk(int Id, HarvestKind Kind, string Text, string Label, DateTime PostedAt, HarvestStatus Status, string? Author, string? BecameKind, string? BecameTitle, string? BecameLink, int? BlockId = null);

/// <summary>A page of the published harvest, newest first, and the cursor of the next page (null: no more).</summary>
public sealed record HarvestPage(IReadOnlyList<HarvestEntry> Items, int? Next);

/// <summary>A person who may be named harvester, or is one.</summary>
public sealed record HarvesterRow(string UserId, string Name, bool Named);

/// <summary>Reads a meeting's harvest: one query per list, on the (meeting, status, id) index.</summary>
public sealed class HarvestList(CocreoDbContext db)
{
    /// <summary>Published items, newest first, older than <paramref name="before"/> when given.</summary>
    public async Task<HarvestPage> PublishedAsync(int meetingId, int? before, int take, CancellationToken cancellationToken)
    {
        var query = db.Set<HarvestItem>().AsNoTracking().Where(i => i.MeetingId == meetingId && i.Status == HarvestStatus.Published);
        if (before is { } b)
        {
            query = query.Where(i => i.Id < b);
        }
        var items = await query.OrderByDescending(i => i.Id).Take(take + 1)
            .Select(i => new HarvestEntry(i.Id, i.Kind, i.Text, i.Label, i.BlockId, i.PostedAt, i.BecameKind, i.BecameTitle, i.BecameLink))
            .ToListAsync(cancellationToken);
        return items.Count > take ? new HarvestPage(items[..take], items[take - 1].Id) : new HarvestPage(items, null);
    }

    /// <summary>Items of one status for the organisers, newest first, at most <paramref name="take"/>, with who posted them.</summary>
    public Task<List<HarvestDesk>> ForDeskAsync(int meetingId, HarvestStatus status, int take, CancellationToken cancellationToken) =>
        db.Set<HarvestItem>().AsNoTracking().Where(i => i.MeetingId == meetingId && i.Status == status)
            .OrderByDescending(i => i.Id).Take(take)
            .GroupJoin(db.Users, i => i.AuthorUserId, u => u.Id, (i, users) => new { i, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new HarvestDesk(x.i.Id, x.i.Kind, x.i.Text, x.i.Label, x.i.PostedAt, x.i.Status, u != null ? u.DisplayName : null,
                x.i.BecameKind, x.i.BecameTitle, x.i.BecameLink, x.i.BlockId))
            .ToListAsync(cancellationToken);

    /// <summary>How many items wait, are published and are hidden.</summary>
    public async Task<Dictionary<HarvestStatus, int>> CountsAsync(int meetingId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<HarvestItem>().AsNoTracking().Where(i => i.MeetingId == meetingId).GroupBy(i => i.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<HarvestStatus>().ToDictionary(s => s, s => rows.FirstOrDefault(r => r.Key == s)?.Count ?? 0);
    }

    /// <summary>Everyone registered with an account (who may be named), and whether they harvest.</summary>
    public async Task<List<HarvesterRow>> HarvestersAsync(int meetingId, CancellationToken cancellationToken)
    {
        var named = await db.Set<MeetingHarvester>().AsNoTracking().Where(h => h.MeetingId == meetingId).Select(h => h.UserId).ToListAsync(cancellationToken);
        var registered = await db.Set<MeetingRegistration>().AsNoTracking()
            .Where(r => r.MeetingId == meetingId && r.Status == RegistrationStatus.Registered && r.UserId != null)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        return registered.Select(r => new HarvesterRow(r.Id, r.DisplayName, named.Contains(r.Id)))
            .OrderByDescending(r => r.Named).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The process's open conversations (where a statement can go).</summary>
    public Task<List<(int Id, string Question)>> ConversationsAsync(int processId, CancellationToken cancellationToken) =>
        db.Set<Conversation>().AsNoTracking().Where(c => c.ProcessId == processId && c.State == ConversationState.Open).OrderBy(c => c.Id)
            .Select(c => new ValueTuple<int, string>(c.Id, c.Question)).ToListAsync(cancellationToken);
}
