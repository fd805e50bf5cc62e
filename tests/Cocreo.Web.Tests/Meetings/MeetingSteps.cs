using System.Globalization;
using System.Net;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings;

/// <summary>Meetings' apps: the reminders run only when a test asks.</summary>
public sealed class MeetingsSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => MeetingSteps.Settings;
}

public sealed class MeetingsPostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => MeetingSteps.Settings;
}

/// <summary>Plans meetings and registers people through the same forms people use.</summary>
internal static class MeetingSteps
{
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Meetings:Background"] = "false" };

    public static string Local(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Fields(string title = "Neighbourhood evening", int? capacity = null, DateTime? startsAt = null, string kind = "InPerson", bool open = true)
    {
        var start = startsAt ?? DateTime.UtcNow.Date.AddDays(10).AddHours(17);
        return new()
        {
            ["Input.Title"] = title,
            ["Input.Description"] = "We **talk** about the park.",
            ["Input.StartsAt"] = Local(start),
            ["Input.EndsAt"] = Local(start.AddHours(2)),
            ["Input.Kind"] = kind,
            ["Input.Address"] = "Trg 1, Ljubljana",
            ["Input.Room"] = "Hall B",
            ["Input.StepFree"] = "true",
            ["Input.OnlineUrl"] = kind == "InPerson" ? "" : "https://video.example.org/room-7",
            ["Input.Capacity"] = capacity?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["Input.RegistrationOpen"] = open ? "true" : "false",
            ["Input.ReminderHours"] = "24",
        };
    }

    public static async Task<int> PlanAsync(FormClient client, int processId, Dictionary<string, string>? fields = null)
    {
        var response = await client.SubmitAsync($"/processes/{processId}/meetings", fields ?? Fields());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Scenarios.IdFrom(response, "/meetings/");
    }

    public static Task<HttpResponseMessage> RegisterAsync(FormClient client, int meetingId, Dictionary<string, string>? needs = null) =>
        client.SubmitAsync($"/meetings/{meetingId}", needs ?? [], handler: "Register");

    public static Task<MeetingRegistration> RegistrationAsync(CocreoApp app, int meetingId, string userId) =>
        app.WithDbAsync(db => db.Set<MeetingRegistration>().AsNoTracking().SingleAsync(r => r.MeetingId == meetingId && r.UserId == userId));

    public static async Task<string> StatusMessageAsync(FormClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var page = await client.GetOkPageAsync(redirect.Headers.Location!.OriginalString);
        return page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent;
    }
}
