using Cocreo.Web.Platform.Hosting;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Cocreo.Web.Features.Meetings;

/// <summary>
/// A meeting as a calendar file (RFC 5545) by Ical.Net, which escapes text and folds long lines: a stable UID per
/// meeting and platform, DTSTAMP, DTSTART/DTEND in UTC, SUMMARY, LOCATION (the address and room, or "Online"), the
/// meeting page's URL from <c>Platform:PublicUrl</c> (never the request's host), and STATUS:CANCELLED for a cancelled
/// meeting with a higher SEQUENCE so calendars that imported it update it. The video room's link is not in the file:
/// it is for registered people, on the meeting's page.
/// </summary>
public sealed class MeetingCalendar(PublicLinks links)
{
    public string Write(Meeting meeting, string onlineWord, DateTime now)
    {
        var url = links.To($"/meetings/{meeting.Id}");
        var host = new Uri(url).Host;
        var location = meeting.HasRoom ? (meeting.Room.Length > 0 ? $"{meeting.Address}, {meeting.Room}" : meeting.Address) : onlineWord;
        var calendarEvent = new CalendarEvent
        {
            Uid = $"meeting-{meeting.Id}@{host}",
            DtStamp = new CalDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
            DtStart = new CalDateTime(DateTime.SpecifyKind(meeting.StartsAt, DateTimeKind.Utc)),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(meeting.EndsAt, DateTimeKind.Utc)),
            Summary = meeting.Title,
            Location = location,
            Url = new Uri(url),
            Description = meeting.Description.Length > 0 ? meeting.Description + "\n\n" + url : url,
            Status = meeting.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Sequence = meeting.IsCancelled ? 1 : 0,
        };
        var calendar = new Calendar { ProductId = "-//Cocreo//Meetings//EN" };
        calendar.Method = meeting.IsCancelled ? CalendarMethods.Cancel : CalendarMethods.Publish;
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
