using System.Globalization;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings;

/// <summary>
/// The e-mails of meetings (a place freed from the waiting list, a reminder, a cancelled meeting), queued in the
/// change's unit of work in each recipient's language, with links from <c>Platform:PublicUrl</c>. Never logged.
/// </summary>
public sealed class MeetingMail(CocreoDbContext db, EmailOutbox outbox, PublicLinks links, DateDisplay dates, IStringLocalizer<MeetingText> t)
{
    public enum Kind
    {
        Promoted,
        Reminder,
        Cancelled,
    }

    /// <summary>Queues the e-mail to each of these accounts (those with a confirmed or any address on file).</summary>
    public async Task QueueAsync(Meeting meeting, IReadOnlyCollection<string> userIds, Kind kind, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return;
        }
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Email, u.PreferredLanguage }).ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            outbox.Queue(InLanguage(person.PreferredLanguage, () => Build(meeting, person.Email!, kind)));
        }
    }

    private EmailMessage Build(Meeting meeting, string to, Kind kind)
    {
        var link = links.To($"/meetings/{meeting.Id}");
        var when = dates.Show(meeting.StartsAt);
        var where = meeting.HasRoom ? $"{meeting.Address}{(meeting.Room.Length > 0 ? ", " + meeting.Room : "")}" : t["Online"].Value;
        return kind switch
        {
            Kind.Promoted => new(to, t["A place for you: {0}", meeting.Title],
                t["A place at the meeting “{0}” has freed up and it is yours now: you are registered. When: {1}. Where: {2}. Your check-in code and the details are on the meeting's page: {3}. If you cannot come, cancel there so the next person gets the place.", meeting.Title, when, where, link]),
            Kind.Reminder => new(to, t["Reminder: {0}", meeting.Title],
                t["A reminder of the meeting “{0}” you registered for. When: {1}. Where: {2}. Your check-in code, the calendar file and the details are on the meeting's page: {3}. If you cannot come, cancel there so someone on the waiting list gets your place.", meeting.Title, when, where, link]),
            _ => new(to, t["Cancelled: {0}", meeting.Title],
                t["The meeting “{0}” on {1} is cancelled. More on the meeting's page: {2}.", meeting.Title, when, link]),
        };
    }

    private static EmailMessage InLanguage(string language, Func<EmailMessage> build)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var culture = CultureInfo.GetCultureInfo(Cultures.IsSupported(language) ? language : "en");
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return build();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
