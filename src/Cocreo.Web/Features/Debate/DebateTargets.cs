using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Debate;

/// <summary>
/// The things of one kind that can be debated, as the capability that owns them answers for them: a debate never reads
/// another capability's tables. Registered once per kind (<c>services.AddScoped&lt;IDebateTargets, ...&gt;()</c>).
/// </summary>
public interface IDebateTargets
{
    /// <summary>Stable, short, lowercase, stored with each comment: <see cref="DebateKinds"/>.</summary>
    string Kind { get; }

    /// <summary>The target as <paramref name="user"/> finds it now (fresh data), or null when there is no such target.</summary>
    Task<DebateSubject?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Where these targets are, for the moderators' queue and the search index (whoever asks): a place in words and a page.</summary>
    Task<IReadOnlyDictionary<int, DebatePlace>> PlacesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);
}

/// <summary>A debated target for the moderators and the search index: what it is called in words (localised), its title, its page.
/// <paramref name="About"/> goes into moderation's log entries about a comment there (ids and numbers only).</summary>
public sealed record DebatePlace(string Words, string Title, string Link, int ProcessId, object About);

/// <summary>
/// What is debated, and what the person asking may do there, decided by the owning capability on fresh data:
/// <see cref="Read"/> (hidden: 404), <see cref="Comment"/> (post, reply, vote: refused with the reason when the target is
/// closed, hidden or the person is not signed in), <see cref="EditOwn"/> and <see cref="DeleteOwn"/> (for their own comments).
/// </summary>
public sealed record DebateSubject(string Kind, int Id, int ProcessId, string Title, string Link, ProcessAccess Access, LogActor Actor)
{
    public required Decision Read { get; init; }
    public required Decision Comment { get; init; }
    public required Decision EditOwn { get; init; }
    public required Decision DeleteOwn { get; init; }

    /// <summary>The first word of the log actions about its comments (<c>proposal.commented</c>, <c>process.commented</c>).</summary>
    public required string LogNoun { get; init; }

    /// <summary>What every log entry about a comment here says of where it is (ids and numbers only, never text or names).</summary>
    public required object LogData { get; init; }

    /// <summary>Who moderates it: hides comments, sees the queue (the process's team).</summary>
    public bool Moderates => Access.Runs;

    /// <summary>The page a comment is shown on, with its anchor.</summary>
    public string LinkTo(int commentId) => $"{Link}#comment-{commentId}";
}

/// <summary>Finds a debate's target through the capability that owns its kind.</summary>
public sealed class DebateTargetDirectory(IEnumerable<IDebateTargets> kinds)
{
    private readonly Dictionary<string, IDebateTargets> byKind = kinds.ToDictionary(k => k.Kind);

    public bool Knows(string kind) => byKind.ContainsKey(kind);

    public async Task<IReadOnlyDictionary<int, DebatePlace>> PlacesAsync(string kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        byKind.TryGetValue(kind, out var targets) ? await targets.PlacesAsync(ids, cancellationToken) : new Dictionary<int, DebatePlace>();

    public Task<DebateSubject?> FindAsync(string kind, int id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        byKind.TryGetValue(kind, out var targets) ? targets.FindAsync(id, user, cancellationToken) : Task.FromResult<DebateSubject?>(null);

    /// <summary>The target for a page: refused (404, sign in, 403) unless the person may read it.</summary>
    public async Task<DebateSubject> ReadAsync(string kind, int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var subject = await FindAsync(kind, id, user, cancellationToken) ?? throw new RefusedException(Refusal.NotFound);
        RefusedException.Unless(subject.Read, subject.Access.IsAuthenticated);
        return subject;
    }
}

/// <summary>
/// A process's problem and purpose, debated on the process page: open to every signed-in person who may see the
/// process, while it is neither closed nor archived.
/// </summary>
public sealed class ProcessDebateTargets(ProcessAccessReader processes, CocreoDbContext db, IStringLocalizer<DebateText> t) : IDebateTargets
{
    public string Kind => DebateKinds.Process;

    public async Task<IReadOnlyDictionary<int, DebatePlace>> PlacesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Set<Process>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => new DebatePlace(t["A comment on the problem and purpose of “{0}”", p.Title], p.Title, $"/processes/{p.Id}", p.Id, new { process = p.Id }));

    public async Task<DebateSubject?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await processes.ForChangeAsync(id, user, cancellationToken) is not { } target)
        {
            return null;
        }
        var process = target.Process;
        var read = target.Decide(ProcessAction.View);
        var signedIn = read.And(() => DebatePermissions.SignedIn(target.Access));
        var open = signedIn.And(() => DebatePermissions.OpenIn(process));
        var delete = signedIn.And(() => DebatePermissions.NotArchived(process));
        return new DebateSubject(Kind, process.Id, process.Id, process.Title, $"/processes/{process.Id}", target.Access, target.Actor)
        {
            Read = read,
            Comment = open,
            EditOwn = open,
            DeleteOwn = delete,
            LogNoun = "process",
            LogData = new { debate = "problem" },
        };
    }
}
