using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// The demo city's run sheet: the residents' evening in the old town runs as a World Café of three rounds with a
/// question each, made from the format as an organiser would, so a newcomer finds the plan, the projector view and the
/// facilitators' phone view (with the demo's facilitator).
/// </summary>
public static class RunSheetsDemo
{
    public static async Task SeedAsync(CocreoDbContext db, DemoCity city, Meeting meeting, LogActor facilitator, CancellationToken cancellationToken)
    {
        var sl = meeting.Language == "sl";
        var sheet = RunSheetTemplates.Create(MeetingFormat.WorldCafe, new FormatParameters
        {
            Start = new DateTimeOffset(DateTime.SpecifyKind(meeting.StartsAt, DateTimeKind.Utc)),
            TotalMinutes = (int)(meeting.EndsAt - meeting.StartsAt).TotalMinutes,
            Rounds = 3,
            RoundQuestions = sl
                ? ["Kaj vas ponoči najbolj moti ali vas najbolj veseli v starem mestu?", "Kaj bi lahko to poletje preizkusili, da bi bile noči tišje, lokali pa še vedno živahni?", "Kaj bi lahko k temu prispevali vi, vaša ulica ali vaš lokal?"]
                : ["What bothers or delights you most about the old town at night?", "What could we try this summer so that nights are quieter and the bars still lively?", "What could you, your street or your bar contribute?"],
            Language = meeting.Language,
        });
        db.Add(MeetingRunSheet.For(meeting.Id, sheet, meeting.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(meeting.ProcessId, facilitator, "meeting.runsheet.created",
            new { meeting = meeting.Id, format = nameof(MeetingFormat.WorldCafe), blocks = sheet.Blocks.Count, version = sheet.Version }, cancellationToken);
    }
}
