using System.Globalization;
using System.Net;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.OpenSpace;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Meetings.RunSheets;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.OpenSpace;

/// <summary>Makes Open Space grids and posts sessions through the pages people use.</summary>
internal static class GridSteps
{
    /// <summary>The team makes the meeting's run sheet from the Open Space format (3 slots × 4 spaces by default).</summary>
    public static async Task<RunSheet> OpenSpaceAsync(CocreoApp app, FormClient owner, int meetingId)
    {
        var response = await RunSheetSteps.CreateAsync(owner, meetingId, MeetingFormat.OpenSpace, new() { ["Input.TotalMinutes"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sheet = (await RunSheetSteps.SheetAsync(app, meetingId))!;
        Assert.NotNull(sheet.Grid);
        return sheet;
    }

    public static string Cell(RunSheet sheet, int slot, int space) =>
        GridCells.Key(GridCells.Slots(sheet)[slot].Id, sheet.Grid!.Spaces[space].Id);

    public static Task<HttpResponseMessage> PostAsync(FormClient client, int meetingId, string cell, string title) =>
        client.SubmitAsync($"/meetings/{meetingId}/grid", new() { ["Input.Cell"] = cell, ["Input.Title"] = title });

    /// <summary>Gives the person a place at the meeting, as registering does.</summary>
    public static Task RegisterAsync(CocreoApp app, int meetingId, string userId) => app.WithDbAsync(async db =>
    {
        db.Add(MeetingRegistration.For(meetingId, userId, MeetingNeeds.None, hasPlace: true, DateTime.UtcNow));
        await db.SaveChangesAsync();
    });

    /// <summary>Moves the meeting into the past (as time passing would).</summary>
    public static Task EndAsync(CocreoApp app, int meetingId) => app.WithDbAsync(db =>
        db.Set<Meeting>().Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.StartsAt, DateTime.UtcNow.AddHours(-5))
            .SetProperty(m => m.EndsAt, DateTime.UtcNow.AddHours(-1))));

    public static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
