using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>Journey maps in a process's lifecycle: a map or a contribution (also one not yet sent) since a phase move is something that happened.</summary>
public sealed class JourneyProcessActivity(CocreoDbContext db) : IProcessActivity
{
    public Task<string?> RunningAsync(int processId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<bool> AnythingSinceAsync(int processId, DateTime since, CancellationToken cancellationToken)
    {
        var maps = db.Set<JourneyMap>().Where(m => m.ProcessId == processId);
        return await maps.AnyAsync(m => m.CreatedAt >= since, cancellationToken)
            || await db.Set<JourneyContribution>().AnyAsync(c => c.StartedAt >= since && maps.Any(m => m.Id == c.JourneyMapId), cancellationToken);
    }

    /// <summary>A contribution to one of its maps, also one not yet sent.</summary>
    public async Task<bool> HasInputAsync(int processId, CancellationToken cancellationToken)
    {
        var maps = db.Set<JourneyMap>().Where(m => m.ProcessId == processId);
        return await db.Set<JourneyContribution>().AnyAsync(c => maps.Any(m => m.Id == c.JourneyMapId), cancellationToken);
    }
}
