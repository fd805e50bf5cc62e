using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Notifications;

namespace Cocreo.Web.Features.Meetings;

/// <summary>
/// What meetings tell notifications: a meeting planned or cancelled is news for the process's followers; a changed
/// meeting (its time, place, room link or capacity) is news for the people registered or waiting for it; a report
/// published (the first time) for the process's followers and the people registered. Meetings are not followed on
/// their own (no kinds).
/// </summary>
public sealed class MeetingFollowTargets(CocreoDbContext db) : IFollowTargets
{
    public IReadOnlyCollection<FollowKind> Kinds { get; } = [];

    public Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) => Task.FromResult<FollowSubject?>(null);

    public IQueryable<string>? DefaultFollowers(FollowKind kind, int id) => null;

    public Task<IReadOnlyDictionary<int, Func<string, string?>>> TranslatedTitlesAsync(FollowKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, Func<string, string?>>>(new Dictionary<int, Func<string, string?>>());

    public Task<FollowedEvent?> EventOfAsync(string action, JsonElement data, DateTime occurredAt, CancellationToken cancellationToken)
    {
        var meeting = data.TryGetProperty("meeting", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt32() : 0;
        var title = data.TryGetProperty("title", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
        var link = "/meetings/" + meeting;
        FollowedEvent? followed = action switch
        {
            "meeting.planned" or "meeting.cancelled" => new([], title, "", link) { AlsoProcessFollowers = true },
            "meeting.changed" => new([], title, "", link)
            {
                Also = db.Set<MeetingRegistration>()
                    .Where(r => r.MeetingId == meeting && r.UserId != null && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waiting))
                    .Select(r => r.UserId!),
            },
            // The first publication of a report is news for the process's followers and for those who came; a
            // corrected re-publication is not told again.
            "meeting.report.published" when !data.TryGetProperty("publication", out var publication) || publication.ValueKind != JsonValueKind.Number || publication.GetInt32() <= 1 =>
                new([], title, "", link + "/report")
                {
                    AlsoProcessFollowers = true,
                    Also = db.Set<MeetingRegistration>()
                        .Where(r => r.MeetingId == meeting && r.UserId != null && r.Status == RegistrationStatus.Registered)
                        .Select(r => r.UserId!),
                },
            _ => null,
        };
        return Task.FromResult(meeting == 0 ? null : followed);
    }
}
