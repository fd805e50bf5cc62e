using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Meetings;

/// <summary>
/// Forgets what people said they need (<see cref="MeetingRegistration.SealedNeeds"/>) once their meeting ended
/// <see cref="MeetingOptions.NeedsKeptDays"/> days ago: the needs served the meeting and are not kept beyond it. One
/// statement, the same on every instance, so two instances running it at once change nothing twice (no claim needed).
/// </summary>
public sealed class MeetingNeedsRetention(CocreoDbContext db, IOptions<MeetingOptions> options, TimeProvider clock)
{
    /// <summary>Forgets the needs due to go; returns how many registrations lost theirs.</summary>
    public async Task<int> ForgetDueAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Max(0, options.Value.NeedsKeptDays));
        return await db.Set<MeetingRegistration>()
            .Where(r => r.SealedNeeds != null && db.Set<Meeting>().Any(m => m.Id == r.MeetingId && m.EndsAt < cutoff))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.SealedNeeds, (string?)null), cancellationToken);
    }
}
