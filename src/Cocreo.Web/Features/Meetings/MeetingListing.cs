using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings;

/// <summary>An upcoming meeting with its process's title in the reader's language.</summary>
public sealed record UpcomingMeeting(Meeting Meeting, ProcessSummary Process);

/// <summary>The upcoming meetings of the public listing's processes (asked of <see cref="ProcessDirectory"/>, never its tables).</summary>
public sealed class MeetingListing(CocreoDbContext db, ProcessDirectory processes, TimeProvider clock)
{
    public async Task<List<UpcomingMeeting>> UpcomingAsync(string language, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.EndsAt > now && m.State == MeetingState.Scheduled)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Take(limit * 4)
            .ToListAsync(cancellationToken);
        var ids = meetings.Select(m => m.ProcessId).Distinct().ToList();
        var listed = (await processes.PublicPageAsync(new ProcessListing(Among: ids), language, 0, Math.Max(1, ids.Count), cancellationToken)).Processes
            .Where(p => !p.IsClosed).ToDictionary(p => p.Id);
        return meetings.Where(m => listed.ContainsKey(m.ProcessId)).Take(limit).Select(m => new UpcomingMeeting(m, listed[m.ProcessId])).ToList();
    }
}
