using System.Security.Claims;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// The things of one kind that can be amended, as the capability that owns them answers for them (a proposal of a
/// process: <c>process-proposal</c>; a section of a participatory text): amendments never read another capability's
/// tables. Registered once per kind (<c>services.AddScoped&lt;IAmendmentTargets, ...&gt;()</c>), as
/// <see cref="Debate.IDebateTargets"/> is.
/// </summary>
public interface IAmendmentTargets
{
    /// <summary>Stable, short, lowercase, stored with each amendment and each version (<c>process-proposal</c>).</summary>
    string Kind { get; }

    /// <summary>
    /// The thing as <paramref name="user"/> finds it now (fresh data, tracked: <see cref="ApplyAsync"/> changes it in
    /// the same unit of work), with its current text and version and what the person may do; null when there is none.
    /// </summary>
    Task<AmendableSubject?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Where these things are, for lists, the moderators' queue and notifications: title, page, process.</summary>
    Task<IReadOnlyDictionary<int, AmendablePlace>> PlacesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Applies an accepted amendment through the owner's own code inside the running change (same unit of work, same
    /// transaction): sets exactly <paramref name="text"/> and stores a new version (<see cref="TextVersions"/>), whose
    /// number it returns. Called only after <see cref="AmendableSubject.Decide"/> allowed it and the amendment's base is
    /// the current version. Throws a <see cref="RuleException"/> when the owner's rules refuse the text.
    /// </summary>
    Task<int> ApplyAsync(AmendableSubject subject, AmendedText text, AmendmentApplied by, CancellationToken cancellationToken);

    /// <summary>Who is told when an amendment comes (the authors and co-authors of a proposal); null: nobody beyond the followers.</summary>
    IQueryable<string>? ToldOfAmendments(int id);
}

/// <summary>An amendable text: a title and a body (Markdown).</summary>
public sealed record AmendedText(string Title, string Body);

/// <summary>Which amendment is applied, whose it is, when.</summary>
public sealed record AmendmentApplied(int AmendmentId, string AuthorUserId, DateTime Now);

/// <summary>An amendable thing for lists and the moderators: its title and page, its process, and what a log entry says of it (ids only).</summary>
public sealed record AmendablePlace(string Title, string Link, int ProcessId, object About);

/// <summary>
/// What is amended, as the owning capability finds it on fresh data: its current text and version number, and what
/// the person asking may do: <see cref="Read"/> (hidden: 404), <see cref="Amend"/> (propose an amendment, support one;
/// refused with the reason when closed, hidden, withdrawn...), <see cref="Decide"/> (accept or reject: a proposal's
/// author and co-authors, or the organisation for an official text).
/// </summary>
public sealed record AmendableSubject(string Kind, int Id, int ProcessId, string Title, string Body, int Version, string Link, ProcessAccess Access, LogActor Actor)
{
    public required Decision Read { get; init; }
    public required Decision Amend { get; init; }
    public required Decision Decide { get; init; }

    /// <summary>The first word of the log action of a new version (<c>proposal.versioned</c>), declared by the owner's manifest.</summary>
    public required string LogNoun { get; init; }

    /// <summary>What every log entry about an amendment here says of where it is (ids and numbers only, never text or names).</summary>
    public required object LogData { get; init; }

    /// <summary>When and by whom the text was first written: what version 1 says when no version is stored (optional).</summary>
    public DateTime? WrittenAt { get; init; }
    public string? WrittenBy { get; init; }

    /// <summary>The text as it is, standing for version 1 when no version is stored.</summary>
    public VersionView Original => new(1, Title, Body, WrittenAt ?? default, WrittenBy, null);

    /// <summary>Who moderates amendments here (the process's team).</summary>
    public bool Moderates => Access.Runs;

    public AmendedText Text => new(Title, Body);

    /// <summary>
    /// What pages call the thing when its own title is not enough (a text's preamble has no heading: "Charter · Preamble");
    /// its title by default.
    /// </summary>
    public string Name
    {
        get => name ?? Title;
        init => name = value;
    }

    private readonly string? name;

    /// <summary>The thing has no title (a text's preamble): its amendments change only the body and keep the title empty.</summary>
    public bool Untitled => Title.Length == 0;
}

/// <summary>Finds an amendable thing through the capability that owns its kind.</summary>
public sealed class AmendmentTargetDirectory(IEnumerable<IAmendmentTargets> kinds)
{
    private readonly Dictionary<string, IAmendmentTargets> byKind = kinds.ToDictionary(k => k.Kind);

    public bool Knows(string kind) => byKind.ContainsKey(kind);

    public IAmendmentTargets? Of(string kind) => byKind.GetValueOrDefault(kind);

    public Task<AmendableSubject?> FindAsync(string kind, int id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        byKind.TryGetValue(kind, out var targets) ? targets.FindAsync(id, user, cancellationToken) : Task.FromResult<AmendableSubject?>(null);

    public async Task<IReadOnlyDictionary<int, AmendablePlace>> PlacesAsync(string kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        byKind.TryGetValue(kind, out var targets) ? await targets.PlacesAsync(ids, cancellationToken) : new Dictionary<int, AmendablePlace>();

    /// <summary>The subject for a page: refused (404, sign in, 403) unless the person may read it.</summary>
    public async Task<AmendableSubject> ReadAsync(string kind, int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var subject = await FindAsync(kind, id, user, cancellationToken) ?? throw new RefusedException(Refusal.NotFound);
        RefusedException.Unless(subject.Read, subject.Access.IsAuthenticated);
        return subject;
    }
}
