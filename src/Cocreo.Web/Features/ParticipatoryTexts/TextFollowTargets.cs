using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// What participatory texts tell followers: a new version published tells the process's followers (the entry names
/// the text and the version by number; the title is read here). Texts are not followed one by one.
/// </summary>
public sealed class TextFollowTargets(CocreoDbContext db) : IFollowTargets
{
    public IReadOnlyCollection<FollowKind> Kinds { get; } = [];

    public Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) => Task.FromResult<FollowSubject?>(null);

    public IQueryable<string>? DefaultFollowers(FollowKind kind, int id) => null;

    public Task<IReadOnlyDictionary<int, Func<string, string?>>> TranslatedTitlesAsync(FollowKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, Func<string, string?>>>(new Dictionary<int, Func<string, string?>>());

    public async Task<FollowedEvent?> EventOfAsync(string action, JsonElement data, DateTime occurredAt, CancellationToken cancellationToken)
    {
        if (action != "text.published")
        {
            return null;
        }
        int Number(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
        var (textId, version) = (Number("text"), Number("version"));
        var title = await db.Set<ParticipatoryText>().AsNoTracking().Where(t => t.Id == textId).Select(t => t.Title).SingleOrDefaultAsync(cancellationToken);
        return title is null ? null
            : new FollowedEvent([], title, version.ToString(System.Globalization.CultureInfo.InvariantCulture), TextLinks.Version(textId, version)) { AlsoProcessFollowers = true };
    }
}
