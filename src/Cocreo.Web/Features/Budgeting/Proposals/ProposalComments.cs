using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>Comments on proposals as moderation sees them: where each belongs, who wrote it, how the queue shows it.</summary>
public sealed class ProposalComments(CocreoDbContext db, IStringLocalizer<BudgetingText> t) : IModeratedContent
{
    public const string Kind = "budgeting/comment";

    string IModeratedContent.Kind => Kind;

    public async Task<ModeratedItem?> FindAsync(int itemId, CancellationToken cancellationToken)
    {
        var found = await (from c in db.Set<ProposalComment>().AsNoTracking()
                           join p in db.Set<Proposal>() on c.ProposalId equals p.Id
                           join b in db.Set<Budget>() on p.BudgetId equals b.Id
                           where c.Id == itemId
                           select new { b.ProcessId, Budget = b.Id, p.Number, c.AuthorUserId, c.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new ModeratedItem(found.ProcessId, found.AuthorUserId, found.DeletedAt is not null, new { budget = found.Budget, proposal = found.Number });
    }

    public async Task<IReadOnlyDictionary<int, ModeratedItemView>> DescribeAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var found = await (from c in db.Set<ProposalComment>().AsNoTracking()
                           join p in db.Set<Proposal>() on c.ProposalId equals p.Id
                           where itemIds.Contains(c.Id)
                           select new { Comment = c, p.Number, p.Title })
            .ToListAsync(cancellationToken);
        return found.ToDictionary(f => f.Comment.Id, f => new ModeratedItemView(
            f.Comment.Body, f.Comment.AuthorLeft ? t["Former participant"] : f.Comment.AuthorName, f.Comment.PostedAt, f.Comment.EditedAt, f.Comment.IsDeleted,
            t["A comment on proposal No. {0}: {1}", f.Number, f.Title], $"/proposals/{f.Comment.ProposalId}#comment-{f.Comment.Id}"));
    }
}
