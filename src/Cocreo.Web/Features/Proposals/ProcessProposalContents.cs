using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// Proposals of a process as moderation sees them (budget projects are <see cref="ProposalContents"/>): a hidden
/// one keeps its title; its text is replaced by the moderators' notice. A withdrawn one counts as taken back.
/// </summary>
public sealed class ProcessProposalContents(CocreoDbContext db, People people, IStringLocalizer<ProposalsText> t) : IModeratedContent
{
    public const string Kind = "proposals/proposal";

    string IModeratedContent.Kind => Kind;

    public async Task<ModeratedItem?> FindAsync(int itemId, CancellationToken cancellationToken)
    {
        var found = await db.Set<Proposal>().AsNoTracking().Where(p => p.Id == itemId && p.BudgetId == null)
            .Select(p => new { p.ProcessId, p.AuthorUserId, p.WithdrawnAt }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new ModeratedItem(found.ProcessId, found.AuthorUserId, found.WithdrawnAt is not null, new { proposal = itemId });
    }

    public async Task<IReadOnlyDictionary<int, ModeratedItemView>> DescribeAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var found = await db.Set<Proposal>().AsNoTracking().Where(p => itemIds.Contains(p.Id) && p.BudgetId == null).ToListAsync(cancellationToken);
        var names = await people.NamesOfAsync(found.Select(p => p.AuthorUserId).Distinct().ToList(), cancellationToken);
        return found.ToDictionary(p => p.Id, p => new ModeratedItemView(
            p.Title + "\n\n" + p.Description, names.GetValueOrDefault(p.AuthorUserId) ?? t["Former participant"], p.SubmittedAt, p.EditedAt, p.IsWithdrawn,
            t["Proposal: {0}", p.Title], ProposalLinks.Of(p.ProcessId, p.Id)));
    }
}

/// <summary>Where a proposal of a process is read.</summary>
public static class ProposalLinks
{
    public static string List(int processId) => $"/processes/{processId}/proposals";

    public static string Of(int processId, int proposalId) => $"/processes/{processId}/proposals/{proposalId}";
}
