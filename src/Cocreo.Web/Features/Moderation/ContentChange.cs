using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Moderation;

/// <summary>A command about one item of content, named by its kind and id.</summary>
public interface IContentCommand
{
    string Kind { get; }
    int ItemId { get; }
}

/// <summary>
/// An item of content loaded for a change: its process (tracked, its log appended in the same save), who is asking,
/// who the log names, the item as its capability describes it, and its moderation (tracked, with its reports; null
/// when it was never reported nor hidden).
/// </summary>
public sealed record ContentTarget(Process Process, ProcessAccess Access, LogActor Actor, string Kind, int ItemId, ModeratedItem Item, ModerationCase? Case) : IChangeTarget
{
    public int? LogProcessId => Process.Id;

    /// <summary>What every log entry about the item says of it: its kind, its id, where it is (ids and numbers only), and <paramref name="more"/>.</summary>
    public Dictionary<string, object?> LogData(params (string Key, object? Value)[] more) => LogEntry(Kind, ItemId, Item.About, more);

    /// <summary>The data of a log entry about an item (also for the demo city, which writes its log directly).</summary>
    public static Dictionary<string, object?> LogEntry(string kind, int itemId, object about, params (string Key, object? Value)[] more)
    {
        var data = new Dictionary<string, object?> { ["content"] = kind, ["item"] = itemId, ["about"] = about };
        foreach (var (key, value) in more)
        {
            data[key] = value;
        }
        return data;
    }
}

/// <summary>Opens content for the moderation queue (a page) and for changes.</summary>
public sealed class ModerationAccess(CocreoDbContext db, IEnumerable<IModeratedContent> contents, ProcessAccessReader processes, ProcessDirectory directory)
{
    public IModeratedContent? Content(string kind) => contents.SingleOrDefault(c => c.Kind == kind);

    public IReadOnlyList<IModeratedContent> Contents => contents.ToList();

    /// <summary>The item tracked for a change, with its process and moderation; null when there is no such item.</summary>
    public async Task<ContentTarget?> ForChangeAsync(string kind, int itemId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (Content(kind) is not { } content || await content.FindAsync(itemId, cancellationToken) is not { } item)
        {
            return null;
        }
        var process = await processes.ForChangeAsync(item.ProcessId, user, cancellationToken);
        if (process is null)
        {
            return null;
        }
        var moderation = await db.Set<ModerationCase>().Include(c => c.Reports).SingleOrDefaultAsync(c => c.Kind == kind && c.ItemId == itemId, cancellationToken);
        return new ContentTarget(process.Process, process.Access, process.Actor, kind, itemId, item, moderation);
    }

    /// <summary>The organisation's processes this person moderates (their ids and titles in the reader's language).</summary>
    public async Task<Dictionary<int, string>> ModeratedProcessesAsync(int organisationId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var moderated = new Dictionary<int, string>();
        if (user.UserId() is null)
        {
            return moderated;
        }
        foreach (var process in await directory.OfOrganisationAsync(organisationId, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken))
        {
            var who = await processes.ForAsync(user, process.Id, organisationId, cancellationToken);
            if (ModerationPermissions.Decide(ModerationAction.Moderate, process.Visibility, who).IsAllowed)
            {
                moderated[process.Id] = process.Title;
            }
        }
        return moderated;
    }

    /// <summary>Opens a process's moderation queue for its moderators; refuses (throws) otherwise.</summary>
    public async Task<ProcessView> QueueAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var view = await processes.ReadAsync(processId, user, ProcessAction.View, cancellationToken);
        RefusedException.Unless(ModerationPermissions.Decide(ModerationAction.Moderate, view.Process.Visibility, view.Access), view.Access.IsAuthenticated);
        return view;
    }
}

/// <summary>The shape of a change to an item's moderation: the runner loads the item fresh and asks the handler's decision on it.</summary>
public abstract class ContentChange<TCommand, TResult>(ModerationAccess access) : IChange<TCommand, ContentTarget, TResult>
    where TCommand : IContentCommand
{
    /// <summary>Opens content (and its kind's <see cref="IModeratedContent"/>) for the handler.</summary>
    protected ModerationAccess Access => access;

    public Task<ContentTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.ForChangeAsync(command.Kind, command.ItemId, user, cancellationToken);

    public abstract Decision Decide(ContentTarget target, TCommand command);

    public abstract Task<TResult> RunAsync(Change<ContentTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>The shape of a moderator's change from a process's queue: the item must belong to that process (else it is not found there).</summary>
public abstract class ModeratorChange<TCommand, TResult>(ModerationAccess access) : ContentChange<TCommand, TResult>(access)
    where TCommand : IContentCommand, IProcessCommand
{
    public sealed override Decision Decide(ContentTarget target, TCommand command) =>
        target.Process.Id != command.ProcessId ? Decision.Hidden : ModerationPermissions.Decide(ModerationAction.Moderate, target.Process.Visibility, target.Access);
}
