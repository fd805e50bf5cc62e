using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// Amendments as moderation sees them (kind <see cref="Kind"/>): their amended title and body and their explanation.
/// A hidden one keeps its place with the moderators' notice instead of its text and diff; a withdrawn one counts as taken back.
/// </summary>
public sealed class AmendmentContents(CocreoDbContext db, People people, IStringLocalizer<AmendmentsText> t) : IModeratedContent
{
    public const string Kind = "amendments/amendment";

    string IModeratedContent.Kind => Kind;

    public async Task<ModeratedItem?> FindAsync(int itemId, CancellationToken cancellationToken)
    {
        var found = await db.Set<Amendment>().AsNoTracking().Where(a => a.Id == itemId)
            .Select(a => new { a.ProcessId, a.AuthorUserId, a.Status }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new ModeratedItem(found.ProcessId, found.AuthorUserId, found.Status == AmendmentStatus.Withdrawn, new { amendment = itemId });
    }

    public async Task<IReadOnlyDictionary<int, ModeratedItemView>> DescribeAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var found = await db.Set<Amendment>().AsNoTracking().Where(a => itemIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var names = await people.NamesOfAsync(found.Select(a => a.AuthorUserId).Distinct().ToList(), cancellationToken);
        return found.ToDictionary(a => a.Id, a => new ModeratedItemView(
            (a.Title.Length > 0 ? a.Title + "\n\n" : "") + a.Body + (a.Explanation.Length > 0 ? "\n\n" + a.Explanation : ""), names.GetValueOrDefault(a.AuthorUserId) ?? t["Former participant"],
            a.ProposedAt, a.EditedAt, a.Status == AmendmentStatus.Withdrawn, t["Amendment: {0}", AmendmentNames.Name(t, a.Title, a.Id)], AmendmentLinks.Of(a.Id)));
    }
}

/// <summary>Where amendments and versions are read.</summary>
public static class AmendmentLinks
{
    public static string Of(int amendmentId) => $"/amendments/{amendmentId}";

    public static string New(string kind, int targetId) => $"/amendments/new/{kind}/{targetId}";

    public static string Versions(string kind, int targetId) => $"/versions/{kind}/{targetId}";

    public static string Compare(string kind, int targetId, int from, int to) => $"/versions/{kind}/{targetId}?from={from}&to={to}";
}
