using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// What participatory texts tell followers. A published text is followed (kind <see cref="FollowKind.Text"/>): by
/// whoever asked, and without asking by the process's team (its owner and facilitators) while they follow the process.
/// A new version published tells the process's followers and the text's (the entry names the text and the version by
/// number; the title is read here); a new top-level comment on a section tells the text's followers, never its writer
/// (a reply tells the author it answers: <see cref="DebateFollowTargets"/>).
/// </summary>
public sealed class TextFollowTargets(CocreoDbContext db, DebateDirectory debates, Microsoft.Extensions.Localization.IStringLocalizer<ParticipatoryTextsText> t) : IFollowTargets
{
    public IReadOnlyCollection<FollowKind> Kinds { get; } = [FollowKind.Text];

    /// <summary>A published text (a draft is followed by nobody: it does not exist for the public).</summary>
    public async Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) =>
        kind != FollowKind.Text ? null
        : await db.Set<ParticipatoryText>().AsNoTracking().Where(t => t.Id == id && t.PublishedVersion > 0)
            .Select(t => new FollowSubject(kind, t.Id, t.ProcessId, t.Title, "/texts/" + t.Id)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The process's team (owner and facilitators) who did not stop following the process.</summary>
    public IQueryable<string>? DefaultFollowers(FollowKind kind, int id) => kind != FollowKind.Text ? null : Team(db, db.Set<ParticipatoryText>().Where(t => t.Id == id));

    /// <summary>
    /// The team of the texts' process (owner and facilitators) who follow the process, as a query: the text's followers
    /// without asking; also who hears of amendments to its sections (the organisation decides on them) unless they stopped following the text.
    /// </summary>
    public static IQueryable<string> Team(CocreoDbContext db, IQueryable<ParticipatoryText> texts) =>
        from text in texts
        join member in db.Set<ProcessMember>() on text.ProcessId equals member.ProcessId
        where (member.Role == ProcessRole.Owner || member.Role == ProcessRole.Facilitator)
            && !db.Set<Follow>().Any(f => f.UserId == member.UserId && f.Kind == FollowKind.Process && f.SubjectId == text.ProcessId && !f.Following)
        select member.UserId;

    public Task<IReadOnlyDictionary<int, Func<string, string?>>> TranslatedTitlesAsync(FollowKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, Func<string, string?>>>(new Dictionary<int, Func<string, string?>>());

    public async Task<FollowedEvent?> EventOfAsync(string action, JsonElement data, DateTime occurredAt, CancellationToken cancellationToken)
    {
        int Number(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
        if (action == "text.published")
        {
            var (textId, version) = (Number("text"), Number("version"));
            var title = await db.Set<ParticipatoryText>().AsNoTracking().Where(t => t.Id == textId).Select(t => t.Title).SingleOrDefaultAsync(cancellationToken);
            return title is null ? null
                : new FollowedEvent([(FollowKind.Text, textId)], title, version.ToString(System.Globalization.CultureInfo.InvariantCulture), TextLinks.Version(textId, version)) { AlsoProcessFollowers = true };
        }
        // A top-level comment on a section, told when posted or once the moderators publish a held one.
        if (await debates.TopLevelAsync(TextSectionDebateTargets.DebateKind, DebateDirectory.NewsOf(action, data), cancellationToken) is not { } comment)
        {
            return null;
        }
        var section = await db.Set<TextSection>().AsNoTracking().Where(s => s.Id == comment.TargetId)
            .Join(db.Set<ParticipatoryText>(), s => s.TextId, x => x.Id, (s, x) => new { s.Id, s.Position, s.Heading, x.Title, TextId = x.Id, Preamble = db.Set<TextSection>().Any(p => p.TextId == s.TextId && p.Position == 1 && p.Heading == "" && !p.Removed) })
            .SingleOrDefaultAsync(cancellationToken);
        if (section is null)
        {
            return null;
        }
        var where = TextNames.InText(t, section.Title, section.Heading, section.Position, section.Preamble);
        var commentId = DebateDirectory.NewsOf(action, data);
        return new FollowedEvent([(FollowKind.Text, section.TextId)], where, "", $"{TextLinks.Section(section.TextId, section.Id)}#comment-{commentId}")
        {
            Excluded = comment.AuthorUserId,
            Event = "text-section.commented",
        };
    }
}
