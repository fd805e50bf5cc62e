using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Notifications;

/// <summary>A subject people follow, found: its process, its title and its page.</summary>
public sealed record FollowSubject(FollowKind Kind, int Id, int ProcessId, string Title, string Link);

/// <summary>
/// Who follows what. A person follows a subject when they asked to, and also — until they stop — a process they are a
/// member of and a proposal they wrote. Only people who may still see the process are counted: a private process's
/// members, its organisation's staff and the platform's administrators.
/// </summary>
public sealed class Following(CocreoDbContext db, TimeProvider clock)
{
    /// <summary>The subject, or null when there is none.</summary>
    public async Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) => kind switch
    {
        FollowKind.Process => await db.Set<Process>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new FollowSubject(kind, p.Id, p.Id, p.Title, "/processes/" + p.Id)).SingleOrDefaultAsync(cancellationToken),
        FollowKind.Budget => await db.Set<Budget>().AsNoTracking().Where(b => b.Id == id)
            .Select(b => new FollowSubject(kind, b.Id, b.ProcessId, b.Title, "/budgets/" + b.Id)).SingleOrDefaultAsync(cancellationToken),
        FollowKind.Proposal => await db.Set<Proposal>().AsNoTracking().Where(p => p.Id == id)
            .Join(db.Set<Budget>(), p => p.BudgetId, b => b.Id, (p, b) => new FollowSubject(kind, p.Id, b.ProcessId, p.Title, "/proposals/" + p.Id))
            .SingleOrDefaultAsync(cancellationToken),
        _ => null,
    };

    /// <summary>Whether the person follows the subject (asked to, or as a member or its author, and did not stop).</summary>
    public async Task<bool> FollowsAsync(string userId, FollowSubject subject, CancellationToken cancellationToken)
    {
        var choice = await db.Set<Follow>().AsNoTracking()
            .Where(f => f.UserId == userId && f.Kind == subject.Kind && f.SubjectId == subject.Id)
            .Select(f => (bool?)f.Following).SingleOrDefaultAsync(cancellationToken);
        return choice ?? subject.Kind switch
        {
            FollowKind.Process => await db.Set<ProcessMember>().AnyAsync(m => m.ProcessId == subject.Id && m.UserId == userId, cancellationToken),
            FollowKind.Proposal => await db.Set<Proposal>().AnyAsync(p => p.Id == subject.Id && p.AuthorUserId == userId, cancellationToken),
            _ => false,
        };
    }

    /// <summary>Records the person's choice (to follow, or to stop); saves.</summary>
    public async Task ChooseAsync(string userId, FollowSubject subject, bool following, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Set<Follow>().SingleOrDefaultAsync(f => f.UserId == userId && f.Kind == subject.Kind && f.SubjectId == subject.Id, cancellationToken);
        if (row is null)
        {
            db.Add(new Follow { UserId = userId, Kind = subject.Kind, SubjectId = subject.Id, ProcessId = subject.ProcessId, Following = following, ChangedAt = now });
        }
        else
        {
            row.Following = following;
            row.ChangedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (row is null)
        {
            // A double click inserted it first: set it on the row that won.
            db.ChangeTracker.Clear();
            await db.Set<Follow>().Where(f => f.UserId == userId && f.Kind == subject.Kind && f.SubjectId == subject.Id)
                .ExecuteUpdateAsync(f => f.SetProperty(x => x.Following, following).SetProperty(x => x.ChangedAt, now), cancellationToken);
        }
    }

    /// <summary>The followers of a process (asked, or members who did not stop).</summary>
    public IQueryable<string> OfProcess(int processId) =>
        db.Set<Follow>().Where(f => f.Kind == FollowKind.Process && f.SubjectId == processId && f.Following).Select(f => f.UserId)
            .Union(db.Set<ProcessMember>().Where(m => m.ProcessId == processId
                && !db.Set<Follow>().Any(f => f.UserId == m.UserId && f.Kind == FollowKind.Process && f.SubjectId == processId && !f.Following))
                .Select(m => m.UserId));

    /// <summary>The followers of a budget (those who asked).</summary>
    public IQueryable<string> OfBudget(int budgetId) =>
        db.Set<Follow>().Where(f => f.Kind == FollowKind.Budget && f.SubjectId == budgetId && f.Following).Select(f => f.UserId);

    /// <summary>The followers of a proposal (asked, or its author unless they stopped).</summary>
    public IQueryable<string> OfProposal(int proposalId) =>
        db.Set<Follow>().Where(f => f.Kind == FollowKind.Proposal && f.SubjectId == proposalId && f.Following).Select(f => f.UserId)
            .Union(db.Set<Proposal>().Where(p => p.Id == proposalId
                && !db.Set<Follow>().Any(f => f.UserId == p.AuthorUserId && f.Kind == FollowKind.Proposal && f.SubjectId == proposalId && !f.Following))
                .Select(p => p.AuthorUserId));

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
