using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// What amendments tell people: a new amendment tells whoever the text's owner names (a proposal's author and
/// co-authors, a text's team: <see cref="IAmendmentTargets.ToldOfAmendments"/>); a decision tells the amendment's
/// author; a new top-level comment on an amendment tells its author and whoever the text's owner names, never the
/// commenter (a reply tells the author it answers: <see cref="Debate.DebateFollowTargets"/>). Nothing to follow of its own.
/// </summary>
public sealed class AmendmentFollowTargets(CocreoDbContext db, AmendmentTargetDirectory targets, Debate.DebateDirectory debates, Microsoft.Extensions.Localization.IStringLocalizer<AmendmentsText> t) : IFollowTargets
{
    public IReadOnlyCollection<FollowKind> Kinds { get; } = [];

    public Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) => Task.FromResult<FollowSubject?>(null);

    public IQueryable<string>? DefaultFollowers(FollowKind kind, int id) => null;

    public Task<IReadOnlyDictionary<int, Func<string, string?>>> TranslatedTitlesAsync(FollowKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, Func<string, string?>>>(new Dictionary<int, Func<string, string?>>());

    public async Task<FollowedEvent?> EventOfAsync(string action, JsonElement data, DateTime occurredAt, CancellationToken cancellationToken)
    {
        if (await debates.TopLevelAsync(AmendmentDebateTargets.DebateKind, Debate.DebateDirectory.NewsOf(action, data), cancellationToken) is { } comment)
        {
            return await CommentedAsync(comment.TargetId, Debate.DebateDirectory.NewsOf(action, data), comment.AuthorUserId, cancellationToken);
        }
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
            Also = AuthorOf(id),
        };
    }

    private IQueryable<string> AuthorOf(int amendmentId) => db.Set<Amendment>().Where(a => a.Id == amendmentId && a.AuthorUserId != "").Select(a => a.AuthorUserId);

    /// <summary>A top-level comment on an amendment: its author and whoever the amended text's owner names hear of it.</summary>
    private async Task<FollowedEvent?> CommentedAsync(int amendmentId, int commentId, string commenter, CancellationToken cancellationToken)
    {
        var amendment = await db.Set<Amendment>().AsNoTracking().Where(a => a.Id == amendmentId)
            .Select(a => new { a.Id, a.TargetKind, a.TargetId, a.Title }).SingleOrDefaultAsync(cancellationToken);
        if (amendment is null)
        {
            return null;
        }
        var told = AuthorOf(amendment.Id);
        if (targets.Of(amendment.TargetKind)?.ToldOfAmendments(amendment.TargetId) is { } owners)
        {
            told = told.Union(owners);
        }
        return new FollowedEvent([], AmendmentNames.Name(t, amendment.Title, amendment.Id), "", $"{AmendmentLinks.Of(amendment.Id)}#comment-{commentId}")
        {
            Also = told,
            Excluded = commenter,
            Event = "amendment.commented",
        };
    }
}
