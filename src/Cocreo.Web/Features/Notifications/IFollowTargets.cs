using System.Text.Json;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// What a capability tells notifications about the things people follow in it, so that notifications never read its
/// tables: a followed item's title, page and process, who follows it without asking (the process's members, a
/// proposal's author), and its title in a reader's language. Each capability registers one for its kinds
/// (<c>services.AddScoped&lt;IFollowTargets, BudgetFollowTargets&gt;()</c>); <see cref="Following"/> asks the one
/// that answers for a kind.
/// </summary>
public interface IFollowTargets
{
    /// <summary>The kinds of followed items this capability answers for.</summary>
    IReadOnlyCollection<FollowKind> Kinds { get; }

    /// <summary>The item, with its process, title and page; null when there is none.</summary>
    Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken);

    /// <summary>Who follows the item without asking, until they stop (members of a process, a proposal's author); null when nobody does.</summary>
    IQueryable<string>? DefaultFollowers(FollowKind kind, int id);

    /// <summary>
    /// For each of the items, its title in a reader's language where a translation has it: a function of the
    /// language giving the translated title, or null when it would be shown as written.
    /// </summary>
    Task<IReadOnlyDictionary<int, Func<string, string?>>> TranslatedTitlesAsync(FollowKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>
    /// What an entry of a process's log means for followers when it is about this capability's items (which items,
    /// their title, a detail, the page); null when it is not this capability's or nothing to tell them.
    /// </summary>
    Task<FollowedEvent?> EventOfAsync(string action, JsonElement data, DateTime occurredAt, CancellationToken cancellationToken);
}

/// <summary>
/// A log entry as followers hear of it: the followed items it is about (their followers are told), the subject's title,
/// a detail for the words, the page to open.
/// </summary>
public sealed record FollowedEvent(IReadOnlyList<(FollowKind Kind, int Id)> About, string Subject, string Detail, string Link)
{
    /// <summary>Whether the process's followers are told too (a vote opened, results published).</summary>
    public bool AlsoProcessFollowers { get; init; }

    /// <summary>People told besides the followers (the author a reply answers).</summary>
    public IQueryable<string>? Also { get; init; }

    /// <summary>Someone not to tell (the author of the comment told about).</summary>
    public string? Excluded { get; init; }

    /// <summary>What the notification says happened, when it is not the entry's own action (a held comment, published).</summary>
    public string? Event { get; init; }
}
