using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// A person's roles in processes and the announcements they published. Deleting the account removes the roles (a
/// last owner hands over first); announcements stay, published by the process's team; the log is not rewritten.
/// </summary>
public sealed class ProcessPersonalData(CocreoDbContext db, IStringLocalizer<ProcessText> t) : IPersonalData
{
    public string Part => "processes";

    public IReadOnlyCollection<string> Columns { get; } = ["ProcessMember.UserId", "Announcement.AuthorUserId"];

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        roles = await db.Set<Process>().AsNoTracking()
            .SelectMany(p => p.Members.Where(m => m.UserId == userId), (p, m) => new { process = p.Id, title = p.Title, role = m.Role.ToString(), joinedAt = m.JoinedAt })
            .ToListAsync(cancellationToken),
        announcements = await db.Set<Announcement>().AsNoTracking()
            .Where(a => a.AuthorUserId == userId)
            .Select(a => new { process = a.ProcessId, a.Title, a.Body, a.PublishedAt })
            .ToListAsync(cancellationToken),
    };

    public async Task<IReadOnlyList<string>> HandOverFirstAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Set<Process>().AsNoTracking()
            .Where(p => p.Members.Any(m => m.UserId == userId && m.Role == ProcessRole.Owner) && p.Members.Count(m => m.Role == ProcessRole.Owner) == 1)
            .OrderBy(p => p.Id)
            .Select(p => p.Title)
            .ToListAsync(cancellationToken))
        .Select(title => t["You are the only owner of “{0}”: make someone else its owner first.", title].Value)
        .ToList();

    public async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        // Through the process, so a last owner still cannot leave and a parallel change of its team loses its race.
        foreach (var process in await db.Set<Process>().Include(p => p.Members).Where(p => p.Members.Any(m => m.UserId == userId)).ToListAsync(cancellationToken))
        {
            process.Leave(userId);
        }
    }
}
