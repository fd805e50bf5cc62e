using System.Net;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.RunSheets;

/// <summary>Makes and reads run sheets through the pages people use.</summary>
internal static class RunSheetSteps
{
    /// <summary>Makes the meeting's run sheet from a format on the form, with the form's defaults and these fields.</summary>
    public static Task<HttpResponseMessage> CreateAsync(FormClient client, int meetingId, MeetingFormat format, Dictionary<string, string>? fields = null, string culture = "") =>
        client.SubmitAsync($"/meetings/{meetingId}/run-sheet/new?format={format}{(culture.Length > 0 ? "&culture=" + culture : "")}", fields ?? []);

    public static Task<RunSheet?> SheetAsync(CocreoApp app, int meetingId) => app.WithDbAsync(async db =>
        (await db.Set<MeetingRunSheet>().AsNoTracking().SingleOrDefaultAsync(s => s.MeetingId == meetingId))?.Read(out _));

    public static async Task<RunSheet> CreatedAsync(CocreoApp app, FormClient client, int meetingId, MeetingFormat format = MeetingFormat.WorldCafe)
    {
        var response = await CreateAsync(client, meetingId, format);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await SheetAsync(app, meetingId))!;
    }

    /// <summary>Changes a block's title through the block form, made on <paramref name="version"/>.</summary>
    public static Task<HttpResponseMessage> RenameAsync(FormClient client, int meetingId, int blockId, string title, long? version = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Title"] = title };
        if (version is { } v)
        {
            fields["Version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return client.SubmitAsync($"/meetings/{meetingId}/run-sheet/blocks/{blockId}", fields);
    }
}
