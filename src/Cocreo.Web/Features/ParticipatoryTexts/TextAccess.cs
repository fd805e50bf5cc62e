using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>A command about a process's texts as a whole (a new text).</summary>
public interface IProcessTextsCommand
{
    int ProcessId { get; }
}

/// <summary>A command about one text.</summary>
public interface ITextCommand
{
    int TextId { get; }
}

/// <summary>A command about one section of a text.</summary>
public interface ISectionCommand
{
    int SectionId { get; }
}

/// <summary>A process loaded for a change to its texts.</summary>
public sealed record TextsTarget(ProcessTarget Process) : IChangeTarget
{
    public int? LogProcessId => Process.Process.Id;

    public LogActor Actor => Process.Actor;

    public ProcessAccess Access => Process.Access;

    public Decision Decide(TextAction action, ParticipatoryText? text = null) => TextPermissions.Decide(action, Process.Process, Process.Access, text);

    /// <summary>A participant's own change is logged by role only.</summary>
    public static LogActor Participant { get; } = LogActor.Private("participant");
}

/// <summary>One text loaded for a change, tracked, with its sections and its process.</summary>
public sealed record TextTarget(TextsTarget Texts, ParticipatoryText Text) : IChangeTarget
{
    public int? LogProcessId => Texts.LogProcessId;

    public LogActor Actor => Texts.Actor;

    public ProcessAccess Access => Texts.Access;

    public Decision Decide(TextAction action) => Texts.Decide(action, Text);
}

/// <summary>One section loaded for a change, with its text (tracked) and process.</summary>
public sealed record SectionTarget(TextTarget Text, TextSection Section) : IChangeTarget
{
    public int? LogProcessId => Text.LogProcessId;

    public LogActor Actor => Text.Actor;

    public Decision Decide(TextAction action) => Text.Decide(action).And(() => Section.Removed
        ? Decision.NotNow("This section is no longer in the draft: it takes no new comments or supports.", typeof(TextPermissions))
        : Decision.Allowed);
}

/// <summary>A text as a page reads it: the process and who reads, the text with its working draft.</summary>
public sealed record TextView(ProcessView Process, ParticipatoryText Text)
{
    public bool Can(TextAction action) => TextPermissions.Decide(action, Process.Process, Process.Access, Text).IsAllowed;

    public Decision Decide(TextAction action) => TextPermissions.Decide(action, Process.Process, Process.Access, Text);
}

/// <summary>Opens a process's participatory texts for a page or a change: the one place targets are built.</summary>
public sealed class TextAccess(CocreoDbContext db, ProcessAccessReader processes)
{
    public async Task<TextsTarget?> ForChangeAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await processes.ForChangeAsync(processId, user, cancellationToken) is { } process ? new TextsTarget(process) : null;

    public async Task<TextTarget?> ForTextChangeAsync(int textId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var text = await db.Set<ParticipatoryText>().Include(t => t.Sections).SingleOrDefaultAsync(t => t.Id == textId, cancellationToken);
        var texts = text is null ? null : await ForChangeAsync(text.ProcessId, user, cancellationToken);
        return texts is null ? null : new TextTarget(texts, text!);
    }

    public async Task<SectionTarget?> ForSectionChangeAsync(int sectionId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var textId = await db.Set<TextSection>().Where(s => s.Id == sectionId).Select(s => (int?)s.TextId).SingleOrDefaultAsync(cancellationToken);
        var text = textId is { } id ? await ForTextChangeAsync(id, user, cancellationToken) : null;
        return text is null ? null : new SectionTarget(text, text.Text.Sections.Single(s => s.Id == sectionId));
    }

    /// <summary>A process's texts for a page: those published, and for its team also the drafts.</summary>
    public async Task<(ProcessView Process, IReadOnlyList<ParticipatoryText> Texts)> ListAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var process = await processes.ReadAsync(processId, user, ProcessAction.View, cancellationToken);
        var texts = await db.Set<ParticipatoryText>().AsNoTracking().Where(t => t.ProcessId == processId).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return (process, texts.Where(t => TextPermissions.Decide(TextAction.View, process.Process, process.Access, t).IsAllowed).ToList());
    }

    /// <summary>Whether a process has a text the public reads (for the link on the process page).</summary>
    public Task<bool> AnyPublishedAsync(int processId, CancellationToken cancellationToken) =>
        db.Set<ParticipatoryText>().AnyAsync(t => t.ProcessId == processId && t.PublishedVersion > 0, cancellationToken);

    /// <summary>Opens a text for a page, untracked with its sections; refuses (throws) unless the reader may <paramref name="action"/>.</summary>
    public async Task<TextView> ReadAsync(int textId, ClaimsPrincipal user, TextAction action = TextAction.View, CancellationToken cancellationToken = default)
    {
        var text = RefusedException.IfMissing(await db.Set<ParticipatoryText>().AsNoTracking().Include(t => t.Sections).SingleOrDefaultAsync(t => t.Id == textId, cancellationToken));
        var process = await processes.ReadAsync(text.ProcessId, user, ProcessAction.View, cancellationToken);
        var view = new TextView(process, text);
        if (action == TextAction.View || !view.Decide(TextAction.View).IsAllowed)
        {
            RefusedException.Unless(view.Decide(TextAction.View), process.Access.IsAuthenticated);
        }
        if (action != TextAction.View)
        {
            RefusedException.Unless(view.Decide(action), process.Access.IsAuthenticated);
        }
        return view;
    }

    /// <summary>The published versions of a text, newest first.</summary>
    public async Task<IReadOnlyList<TextVersion>> VersionsAsync(int textId, CancellationToken cancellationToken) =>
        await db.Set<TextVersion>().AsNoTracking().Where(v => v.TextId == textId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    public Task<TextVersion?> VersionAsync(int textId, int number, CancellationToken cancellationToken) =>
        db.Set<TextVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.TextId == textId && v.Number == number, cancellationToken);

    /// <summary>How many people support each section of a text, and which the reader supports.</summary>
    public async Task<(IReadOnlyDictionary<int, int> Counts, IReadOnlySet<int> Mine)> SupportsAsync(int textId, string? userId, CancellationToken cancellationToken)
    {
        var sections = db.Set<TextSection>().Where(s => s.TextId == textId).Select(s => s.Id);
        var counts = await db.Set<TextSectionSupport>().Where(s => sections.Contains(s.SectionId)).GroupBy(s => s.SectionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var mine = userId is null ? [] : await db.Set<TextSectionSupport>().Where(s => sections.Contains(s.SectionId) && s.UserId == userId).Select(s => s.SectionId).ToListAsync(cancellationToken);
        return (counts, mine.ToHashSet());
    }
}

/// <summary>The shape of a change to a process's texts as a whole.</summary>
public abstract class TextsChange<TCommand, TResult>(TextAccess access, TextAction action) : IChange<TCommand, TextsTarget, TResult>
    where TCommand : IProcessTextsCommand
{
    public Task<TextsTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.ForChangeAsync(command.ProcessId, user, cancellationToken);

    public virtual Decision Decide(TextsTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<TextsTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>The shape of a change to one text, decided on the text as it is now.</summary>
public abstract class TextChange<TCommand, TResult>(TextAccess access, TextAction action) : IChange<TCommand, TextTarget, TResult>
    where TCommand : ITextCommand
{
    public Task<TextTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.ForTextChangeAsync(command.TextId, user, cancellationToken);

    public virtual Decision Decide(TextTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<TextTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>The shape of a change to one section, decided on the section and its text as they are now.</summary>
public abstract class SectionChange<TCommand, TResult>(TextAccess access, TextAction action) : IChange<TCommand, SectionTarget, TResult>
    where TCommand : ISectionCommand
{
    public Task<SectionTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.ForSectionChangeAsync(command.SectionId, user, cancellationToken);

    public virtual Decision Decide(SectionTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<SectionTarget> change, TCommand command, CancellationToken cancellationToken);
}
