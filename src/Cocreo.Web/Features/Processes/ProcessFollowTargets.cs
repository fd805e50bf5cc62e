using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>Processes as notifications follow them (<see cref="IFollowTargets"/>): their members follow them without asking; and who may still see one.</summary>
public sealed class ProcessFollowTargets(CocreoDbContext db) : IFollowTargets
{
    public IReadOnlyCollection<FollowKind> Kinds { get; } = [FollowKind.Process];

    public async Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) =>
        await db.Set<Process>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new FollowSubject(kind, p.Id, p.Id, p.Title, "/processes/" + p.Id)).SingleOrDefaultAsync(cancellationToken);

    public IQueryable<string>? DefaultFollowers(FollowKind kind, int id) =>
        db.Set<ProcessMember>().Where(m => m.ProcessId == id).Select(m => m.UserId);

    /// <summary>A process's title in the reader's language is read with the process itself (<see cref="LocalizedProcess"/>): nothing here.</summary>
    public Task<IReadOnlyDictionary<int, Func<string, string?>>> TranslatedTitlesAsync(FollowKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, Func<string, string?>>>(new Dictionary<int, Func<string, string?>>());

    /// <summary>A process's own entries (a phase moved, closed, an announcement) are read by the fan-out itself: they name nothing in a table.</summary>
    public Task<FollowedEvent?> EventOfAsync(string action, System.Text.Json.JsonElement data, DateTime occurredAt, CancellationToken cancellationToken) =>
        Task.FromResult<FollowedEvent?>(null);

    /// <summary>
    /// Those of <paramref name="people"/> who may see the process now: anyone for a public or unlisted process; for a private one
    /// its members, its organisation's staff and the platform's administrators.
    /// </summary>
    public async Task<List<string>> WhoMaySeeAsync(int processId, IQueryable<string> people, CancellationToken cancellationToken)
    {
        var process = await db.Set<Process>().AsNoTracking().Where(p => p.Id == processId)
            .Select(p => new { p.Visibility, p.OrganisationId }).SingleOrDefaultAsync(cancellationToken);
        if (process is null)
        {
            return [];
        }
        if (process.Visibility != ProcessVisibility.Private)
        {
            return await people.Distinct().ToListAsync(cancellationToken);
        }
        var admins = db.UserRoles.Join(db.Roles.Where(r => r.Name == CocreoUser.PlatformAdminRole), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        return await people.Distinct()
            .Where(u => db.Set<ProcessMember>().Any(m => m.ProcessId == processId && m.UserId == u)
                || db.Set<OrganisationMember>().Any(m => m.OrganisationId == process.OrganisationId && m.UserId == u)
                || admins.Contains(u))
            .ToListAsync(cancellationToken);
    }
}
