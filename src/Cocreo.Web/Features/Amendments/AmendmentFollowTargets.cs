using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// What amendments tell people: a new amendment tells whoever the text's owner names (a proposal's author and
/// co-authors, <see cref="IAmendmentTargets.ToldOfAmendments"/>); a decision tells the amendment's author. Nothing to follow of its own.
/// </summary>
public sealed class AmendmentFollowTargets(CocreoDbContext db, AmendmentTargetDirectory targets) : IFollowTargets
{
    public IReadOnlyCollection<FollowKind> Kinds { get; } = [];

    public Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) => Task.FromResult<FollowSubject?>(null);

    public IQueryable<string>? DefaultFollowers(FollowKind kind, int id) => null;

    public Task<IReadOnlyDictionary<int, Func<string, string?>>> TranslatedTitlesAsync(FollowKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, Func<string, string?>>>(new Dictionary<int, Func<string, string?>>());

    public async Task<FollowedEvent?> EventOfAsync(string action, JsonElement data, DateTime occurredAt, CancellationToken cancellationToken)
    {
        if (action is not ("amendment.proposed" or "amendment.accepted" or "amendment.rejected")
            || !data.TryGetProperty("amendment", out var idValue) || idValue.ValueKind != JsonValueKind.Number)
        {
            return null;
        }
        var id = idValue.GetInt32();
        var amendment = await db.Set<Amendment>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Id, a.TargetKind, a.TargetId, a.AuthorUserId, a.Reason }).SingleOrDefaultAsync(cancellationToken);
        if (amendment is null)
        {
            return null;
        }
        var places = await targets.PlacesAsync(amendment.TargetKind, [amendment.TargetId], cancellationToken);
        var title = places.TryGetValue(amendment.TargetId, out var place) ? place.Title : "";
        if (action == "amendment.proposed")
        {
            var told = targets.Of(amendment.TargetKind)?.ToldOfAmendments(amendment.TargetId);
            return told is null ? null : new FollowedEvent([], title, "", AmendmentLinks.Of(id)) { Also = told, Excluded = amendment.AuthorUserId };
        }
        return new FollowedEvent([], title, amendment.Reason, AmendmentLinks.Of(id))
        {
            Also = db.Set<Amendment>().Where(a => a.Id == id && a.AuthorUserId != "").Select(a => a.AuthorUserId),
        };
    }
}
