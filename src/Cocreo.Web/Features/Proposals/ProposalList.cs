using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Proposals;

/// <summary>How a list of proposals is ordered.</summary>
public enum ProposalOrder
{
    Newest,
    MostSupported,

    /// <summary>Shuffled, but the same for the same seed (so paging does not repeat or skip proposals).</summary>
    Random,
}

/// <summary>Which proposals a list shows (null status: every open or answered one, not withdrawn or merged).</summary>
public sealed record ProposalFilter(string? Category = null, ProposalStatus? Status = null, bool Withdrawn = false, ProposalOrder Order = ProposalOrder.Newest, int Seed = 1, int Page = 1);

/// <summary>A proposal in a list: the proposal and how many support it.</summary>
public sealed record ProposalItem(Proposal Proposal, int Supports);

/// <summary>A page of a list.</summary>
public sealed record ProposalPage(IReadOnlyList<ProposalItem> Items, int Total, int Page, int Pages);

/// <summary>A proposal like the one being written.</summary>
public sealed record SimilarProposal(int Id, string Title, double Similarity, string Link);

/// <summary>
/// Reads a process's proposals for the list pages and the API, the same for both: filtered, ordered and paged in the
/// database; new proposals of a pre-moderated process are shown to their authors and the moderators only.
/// </summary>
public sealed class ProposalList(CocreoDbContext db, ModerationDirectory moderation, StampedTotals totals)
{
    /// <summary>How alike two titles must be (trigram Jaccard of the folded text, as conversations use) to be offered as similar.</summary>
    public const double SimilarFrom = 0.3;

    public async Task<ProposalPage> PageAsync(ProposalsView view, ProposalFilter filter, CancellationToken cancellationToken)
    {
        var processId = view.Process.Process.Id;
        // The list shows each proposal in the words it was written in: its translations are not read (a query less).
        var query = db.Set<Proposal>().AsNoTracking().IgnoreAutoIncludes().Where(p => p.ProcessId == processId && p.BudgetId == null && p.Status != ProposalStatus.Merged);
        query = filter.Withdrawn ? query.Where(p => p.WithdrawnAt != null) : query.Where(p => p.WithdrawnAt == null);
        if (!string.IsNullOrEmpty(filter.Category))
        {
            query = query.Where(p => p.Category == filter.Category);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        // The stamp first, then the total kept under it (or counted): never a total older than its stamp.
        var stamp = await db.Set<ProposalListStamp>().AsNoTracking().Where(s => s.ProcessId == processId).Select(s => (long?)s.Stamp).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var total = await totals.GetAsync((nameof(ProposalList), processId, filter.Withdrawn, filter.Status, filter.Category ?? ""), stamp, query.CountAsync, cancellationToken);
        var pages = Math.Max(1, (total + ProposalLimits.PageSize - 1) / ProposalLimits.PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var skip = (page - 1) * ProposalLimits.PageSize;
        var rows = filter.Order switch
        {
            ProposalOrder.MostSupported => await ItemsAsync(query.OrderByDescending(p => p.SupportCount).ThenByDescending(p => p.Id), skip, ProposalLimits.PageSize, cancellationToken),
            ProposalOrder.Random => await ShuffledAsync(query, filter.Seed, skip, cancellationToken),
            _ => await ItemsAsync(query.OrderByDescending(p => p.SubmittedAt).ThenByDescending(p => p.Id), skip, ProposalLimits.PageSize, cancellationToken),
        };
        var statuses = await moderation.StatusesAsync(ProcessProposalContents.Kind, rows.Select(r => r.Proposal.Id).ToList(), cancellationToken);
        var moderates = ModerationPermissions.Allows(ModerationAction.Moderate, view.Process.Process, view.Process.Access);
        var items = rows.Where(r => !statuses[r.Proposal.Id].IsPending || moderates || r.Proposal.AuthorUserId == view.Process.Access.UserId).ToList();
        return new ProposalPage(items, total, page, pages);
    }

    private async Task<List<ProposalItem>> ItemsAsync(IQueryable<Proposal> ordered, int skip, int take, CancellationToken cancellationToken) =>
        (await ordered.Skip(skip).Take(take)
            .Select(p => new { Proposal = p, Supports = db.Set<ProposalSupport>().Count(s => s.ProposalId == p.Id) })
            .ToListAsync(cancellationToken))
        .Select(r => new ProposalItem(r.Proposal, r.Supports)).ToList();

    /// <summary>
    /// The random order: the shuffle (<see cref="Proposal.ShuffleKey"/>) turned by the seed, read as two runs of its
    /// index, the keys from the seed's cut up and then the keys below it. A page inside the first run reads it alone;
    /// only a page past its end counts it, to know where the second run starts.
    /// </summary>
    private async Task<List<ProposalItem>> ShuffledAsync(IQueryable<Proposal> query, int seed, int skip, CancellationToken cancellationToken)
    {
        var cut = Proposal.ShuffleRange - (int)Math.Abs((long)seed % Proposal.ShuffleRange);
        var first = query.Where(p => p.ShuffleKey >= cut).OrderBy(p => p.ShuffleKey).ThenBy(p => p.Id);
        var second = query.Where(p => p.ShuffleKey < cut).OrderBy(p => p.ShuffleKey).ThenBy(p => p.Id);
        var rows = await ItemsAsync(first, skip, ProposalLimits.PageSize, cancellationToken);
        if (rows.Count == ProposalLimits.PageSize)
        {
            return rows;
        }
        var firstRun = rows.Count > 0 ? skip + rows.Count : await first.CountAsync(cancellationToken);
        var from = Math.Max(0, skip - firstRun);
        rows.AddRange(await ItemsAsync(second, from, ProposalLimits.PageSize - rows.Count, cancellationToken));
        return rows;
    }

    /// <summary>
    /// Open proposals of the process whose title is like <paramref name="title"/> (the same folding and trigram
    /// similarity as near-duplicate statements in conversations), most alike first; at most <paramref name="take"/>.
    /// Hidden or held ones are left out.
    /// </summary>
    public async Task<IReadOnlyList<SimilarProposal>> SimilarAsync(int processId, string? title, int? except, CancellationToken cancellationToken, int take = 5)
    {
        var folded = StatementText.Normalize(title);
        if (folded.Length < 4)
        {
            return [];
        }
        var candidates = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.ProcessId == processId && p.BudgetId == null && p.Status != ProposalStatus.Merged && p.WithdrawnAt == null && p.Id != except)
            .Select(p => new { p.Id, p.Title })
            .ToListAsync(cancellationToken);
        var alike = candidates.Select(c => new SimilarProposal(c.Id, c.Title, StatementText.Similarity(folded, StatementText.Normalize(c.Title)), ProposalLinks.Of(processId, c.Id)))
            .Where(s => s.Similarity >= SimilarFrom)
            .OrderByDescending(s => s.Similarity).ThenBy(s => s.Id)
            .Take(take * 2)
            .ToList();
        var statuses = await moderation.StatusesAsync(ProcessProposalContents.Kind, alike.Select(s => s.Id).ToList(), cancellationToken);
        return alike.Where(s => statuses[s.Id].IsShown).Take(take).ToList();
    }

    /// <summary>How many support the proposal, whether the reader does, and how many of the process's proposals the reader supports.</summary>
    public async Task<(int Supports, bool Supporting, int ReaderSupports)> SupportsAsync(Proposal proposal, string? userId, CancellationToken cancellationToken)
    {
        var supports = await db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == proposal.Id, cancellationToken);
        if (userId is null)
        {
            return (supports, false, 0);
        }
        var supporting = await db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == proposal.Id && s.UserId == userId, cancellationToken);
        return (supports, supporting, await SupportProcessProposal.SupportsOfAsync(db, proposal.ProcessId, userId, cancellationToken));
    }

    /// <summary>The proposals merged into this one (both sides are linked).</summary>
    public Task<List<Proposal>> MergedIntoAsync(int proposalId, CancellationToken cancellationToken) =>
        db.Set<Proposal>().AsNoTracking().Where(p => p.MergedIntoId == proposalId).OrderBy(p => p.Id).ToListAsync(cancellationToken);
}
