using System.Runtime.CompilerServices;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cocreo.Web.Features.Search;

/// <summary>
/// Keeps the search index current in the unit of work of every change: before a save it notes which indexed items
/// the save touches (a process or its translation, an announcement, a proposal, a comment or its moderation, a
/// journey contribution or its stage experiences); after the save, on the same connection and inside the change's
/// transaction when there is one, it re-reads those items and rewrites their entries (<see cref="SearchIndexer"/>).
/// No background indexer, no cursor: the index is never behind what a reader can see, whatever instance saved.
/// Contexts made outside dependency injection (the command line) are not watched; <c>search rebuild</c> catches up.
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Func<IEnumerable<(SearchKind, int)>>>> pending = new();

    /// <summary>The debates (kind, target) whose comments a save may have shown or hidden, read after the save.</summary>
    private readonly ConditionalWeakTable<DbContext, List<Func<IEnumerable<(string, int)>>>> debates = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CocreoDbContext db && pending.TryGetValue(db, out var touched))
        {
            pending.Remove(db);
            var items = touched.SelectMany(read => read()).ToList();
            var discussed = debates.TryGetValue(db, out var reads) ? reads.SelectMany(read => read()).ToList() : [];
            debates.Remove(db);
            if (items.Count > 0 || discussed.Count > 0)
            {
                await new SearchIndexer(db).RefreshAsync(items, discussed, cancellationToken);
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Synchronous saves (seeding in tests) index the same way.
        return SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            pending.Remove(db);
            debates.Remove(db);
        }
    }

    private void Note(DbContext? db)
    {
        if (db is not CocreoDbContext)
        {
            return;
        }
        var touched = pending.GetOrCreateValue(db);
        var discussed = debates.GetOrCreateValue(db);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && DebateOf(entry) is { } debate)
            {
                discussed.Add(debate);
            }
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ItemOf(entry) is { } read)
            {
                touched.Add(() => read() is { } item ? [item] : []);
            }
            else if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity is ParticipatoryTexts.ParticipatoryText text)
            {
                // A version published (or the text closed, reopened): every section of the text is read again, as
                // the last published version has it (the sections are loaded with the text by every change of it).
                touched.Add(() => text.Sections.Select(s => (SearchKind.TextSection, s.Id)).ToList());
            }
        }
    }

    /// <summary>
    /// The debates whose comments are shown or hidden with an entity: a proposal's (and its amendments') when the
    /// moderators hide or show it, an amendment's when it changes (withdrawn) or is moderated, a text's sections' when the
    /// text changes (its first version published).
    /// </summary>
    private static Func<IEnumerable<(string, int)>>? DebateOf(EntityEntry entry) => entry.Entity switch
    {
        ModerationCase m when m.Kind == Proposals.ProcessProposalContents.Kind => () => [(Proposals.ProcessProposalDebateTargets.DebateKind, m.ItemId)],
        ModerationCase m when m.Kind == Amendments.AmendmentContents.Kind => () => [(Amendments.AmendmentDebateTargets.DebateKind, m.ItemId)],
        Amendments.Amendment a => () => [(Amendments.AmendmentDebateTargets.DebateKind, a.Id)],
        ParticipatoryTexts.ParticipatoryText text => () => text.Sections.Select(s => (ParticipatoryTexts.TextSectionDebateTargets.DebateKind, s.Id)).ToList(),
        _ => null,
    };

    /// <summary>Which indexed item an entity stands for, read after the save (when a new row has its id).</summary>
    private static Func<(SearchKind, int)?>? ItemOf(EntityEntry entry) => entry.Entity switch
    {
        Process p => () => (SearchKind.Process, p.Id),
        ProcessTranslation t => () => (SearchKind.Process, t.ProcessId),
        Announcement a => () => (SearchKind.Announcement, a.Id),
        AnnouncementTranslation t => () => (SearchKind.Announcement, t.AnnouncementId),
        Proposal x => () => (SearchKind.Proposal, x.Id),
        ProposalTranslation t => () => (SearchKind.Proposal, t.ProposalId),
        Debate.Comment c => () => (SearchKind.Comment, c.Id),
        ModerationCase m when m.Kind == Debate.DebateComments.Kind => () => (SearchKind.Comment, m.ItemId),
        ModerationCase m when m.Kind == ProposalContents.Kind || m.Kind == Proposals.ProcessProposalContents.Kind => () => (SearchKind.Proposal, m.ItemId),
        JourneyContribution c => () => (SearchKind.Contribution, c.Id),
        Amendments.Amendment a => () => (SearchKind.Amendment, a.Id),
        ModerationCase m when m.Kind == Amendments.AmendmentContents.Kind => () => (SearchKind.Amendment, m.ItemId),
        StageExperience e => () => (SearchKind.Contribution, e.ContributionId),
        Meetings.Harvest.HarvestItem h => () => (SearchKind.HarvestItem, h.Id),
        _ => null,
    };
}
