using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Notifications;

/// <summary>A subject people follow, found: its process, its title and its page.</summary>
public sealed record FollowSubject(FollowKind Kind, int Id, int ProcessId, string Title, string Link);

/// <summary>
/// Who follows what. A person follows a subject when they asked to, and also — until they stop — a process they are a
/// member of and a proposal they wrote. Only people who may still see the process are counted: a private process's
/// members, its organisation's staff and the platform's administrators. What the subjects are, and who follows them
/// without asking, the capability that owns them says (<see cref="IFollowTargets"/>): this class reads only follows.
/// </summary>
public sealed class Following(CocreoDbContext db, TimeProvider clock, IEnumerable<IFollowTargets> targets, ProcessFollowTargets processes)
{
    /// <summary>What each capability says about the things people follow in it.</summary>
    public IEnumerable<IFollowTargets> Targets => targets;

    /// <summary>The capability's answer for a kind of subject, or null when none answers for it.</summary>
    public IFollowTargets? TargetsOf(FollowKind kind) => targets.FirstOrDefault(t => t.Kinds.Contains(kind));

    /// <summary>The subject, or null when there is none.</summary>
    public async Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) =>
        TargetsOf(kind) is { } owner ? await owner.FindAsync(kind, id, cancellationToken) : null;

    /// <summary>Whether the person follows the subject (asked to, or as a member or its author, and did not stop).</summary>
    public async Task<bool> FollowsAsync(string userId, FollowSubject subject, CancellationToken cancellationToken)
    {
        var choice = await db.Set<Follow>().AsNoTracking()
            .Where(f => f.UserId == userId && f.Kind == subject.Kind && f.SubjectId == subject.Id)
            .Select(f => (bool?)f.Following).SingleOrDefaultAsync(cancellationToken);
        return choice ?? (TargetsOf(subject.Kind)?.DefaultFollowers(subject.Kind, subject.Id) is { } defaults
            && await defaults.AnyAsync(u => u == userId, cancellationToken));
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

    /// <summary>
    /// The followers of a subject: those who asked, and those who follow it without asking (a process's members, a
    /// proposal's author: <see cref="IFollowTargets.DefaultFollowers"/>) unless they stopped.
    /// </summary>
    public IQueryable<string> Of(FollowKind kind, int id)
    {
        var asked = db.Set<Follow>().Where(f => f.Kind == kind && f.SubjectId == id && f.Following).Select(f => f.UserId);
        if (TargetsOf(kind)?.DefaultFollowers(kind, id) is not { } defaults)
        {
            return asked;
        }
        return asked.Union(defaults.Where(u => !db.Set<Follow>().Any(f => f.UserId == u && f.Kind == kind && f.SubjectId == id && !f.Following)));
    }

    /// <summary>The followers of a process (asked, or members who did not stop).</summary>
    public IQueryable<string> OfProcess(int processId) => Of(FollowKind.Process, processId);

    /// <summary>The followers of a budget (those who asked).</summary>
    public IQueryable<string> OfBudget(int budgetId) => Of(FollowKind.Budget, budgetId);

    /// <summary>The followers of a proposal (asked, or its author unless they stopped).</summary>
    public IQueryable<string> OfProposal(int proposalId) => Of(FollowKind.Proposal, proposalId);

    /// <summary>
    /// Those of <paramref name="people"/> who may see the process now (<see cref="ProcessFollowTargets.WhoMaySeeAsync"/>):
    /// anyone for a public or unlisted process; for a private one its members, its organisation's staff and the platform's administrators.
    /// </summary>
    public Task<List<string>> WhoMaySeeAsync(int processId, IQueryable<string> people, CancellationToken cancellationToken) =>
        processes.WhoMaySeeAsync(processId, people, cancellationToken);
}
