using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Proposals as moderation sees them: where each belongs, who proposed it, how the queue shows it. A hidden proposal
/// keeps its title; its description and pictures are replaced by the moderators' notice. A withdrawn proposal counts
/// as taken back by its author.
/// </summary>
public sealed class ProposalContents(CocreoDbContext db, People people, IStringLocalizer<BudgetingText> t) : IModeratedContent
{
    public const string Kind = "budgeting/proposal";

    string IModeratedContent.Kind => Kind;

    public async Task<ModeratedItem?> FindAsync(int itemId, CancellationToken cancellationToken)
    {
        var found = await (from p in db.Set<Proposal>().AsNoTracking()
                           join b in db.Set<Budget>() on p.BudgetId equals b.Id
                           where p.Id == itemId
                           select new { b.ProcessId, Budget = b.Id, p.Number, p.AuthorUserId, p.WithdrawnAt })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new ModeratedItem(found.ProcessId, found.AuthorUserId, found.WithdrawnAt is not null, new { budget = found.Budget, proposal = found.Number });
    }

    public async Task<IReadOnlyDictionary<int, ModeratedItemView>> DescribeAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var found = await db.Set<Proposal>().AsNoTracking().Where(p => itemIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var names = await people.NamesOfAsync(found.Select(p => p.AuthorUserId).Distinct().ToList(), cancellationToken);
        return found.ToDictionary(p => p.Id, p => new ModeratedItemView(
            p.Title + "\n\n" + p.Description, names.GetValueOrDefault(p.AuthorUserId) ?? t["Former participant"], p.SubmittedAt, p.EditedAt, p.IsWithdrawn,
            t["Proposal No. {0}: {1}", p.Number, p.Title], $"/proposals/{p.Id}"));
    }
}
