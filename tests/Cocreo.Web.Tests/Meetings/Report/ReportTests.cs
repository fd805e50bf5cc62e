using System.Net;
using System.Text.Json;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.Report;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Cocreo.Web.Tests.Meetings.Harvest;
using Cocreo.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.Report;

/// <summary>
/// The meeting's report on both databases: drawn from the attendance and the published harvest, published once into
/// the log, an edit kept as a draft until published again, photos only with a description.
/// </summary>
public abstract class ReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task The_report_counts_the_attendance_lists_decisions_and_the_harvest_and_publishing_logs_once()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var people = cast.People;
        foreach (var name in new[] { "Second Sara", "Third Tine", "Fourth Franc" })
        {
            await MeetingSteps.RegisterAsync(await app.SignedInClientAsync(await app.CreateUserAsync(name)), cast.MeetingId);
        }
        var code = (await MeetingSteps.RegistrationAsync(app, cast.MeetingId, people.Participant.Id)).Code;
        Assert.Equal(HttpStatusCode.Redirect, (await ProposalScenario.PostAsync(people.FacilitatorClient, $"/meetings/{cast.MeetingId}/attendance?handler=CheckIn", new() { ["code"] = code })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ProposalScenario.PostAsync(people.FacilitatorClient, $"/meetings/{cast.MeetingId}/attendance?handler=WalkIn", new() { ["walkInName"] = "" })).StatusCode);
        await cast.PublishedAsync("We meet again on 3 March.", kind: "Decision", label: "Closing circle");
        await cast.PublishedAsync("A reading corner in the library.", kind: "Idea", label: "Table 1");
        await cast.PostedAsync(people.ParticipantClient, "Still pending, never in the report.");

        var saved = await people.OwnerClient.SubmitAsync($"/meetings/{cast.MeetingId}/report/edit", new() { ["Input.Summary"] = "Twenty ideas in two hours." }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await people.AnonymousClient.Http.GetAsync($"/api/v1/meetings/{cast.MeetingId}/report")).StatusCode);
        var publish = await people.OwnerClient.SubmitAsync($"/meetings/{cast.MeetingId}/report/edit", [], handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var again = await people.OwnerClient.SubmitAsync($"/meetings/{cast.MeetingId}/report/edit", [], handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        // The counts are the attendance's, read from the registrations.
        var rows = await app.WithDbAsync(db => db.Set<MeetingRegistration>().AsNoTracking().Where(r => r.MeetingId == cast.MeetingId).ToListAsync());
        var registered = rows.Count(r => r.Status == RegistrationStatus.Registered && !r.IsWalkIn);
        var checkedIn = rows.Count(r => r.Status == RegistrationStatus.Registered && r.CheckedInAt != null);
        var walkIns = rows.Count(r => r.IsWalkIn);
        var report = JsonDocument.Parse(await people.AnonymousClient.Http.GetStringAsync($"/api/v1/meetings/{cast.MeetingId}/report")).RootElement;
        var markdown = report.GetProperty("markdown").GetString()!;
        Assert.Contains($"- {registered} people registered", markdown, StringComparison.Ordinal);
        Assert.Contains($"- {checkedIn} checked in", markdown, StringComparison.Ordinal);
        Assert.Contains($"- {walkIns} walk-in", markdown, StringComparison.Ordinal);
        // Four registered with an account; the walk-in is checked in at once, as the attendance page counts it.
        Assert.Equal((4, 2, 1), (registered, checkedIn, walkIns));
        var decisions = markdown[markdown.IndexOf("## Decisions", StringComparison.Ordinal)..markdown.IndexOf("## Summary", StringComparison.Ordinal)];
        Assert.Contains("We meet again on 3 March.", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("reading corner", decisions, StringComparison.Ordinal);
        Assert.Contains("### Table 1", markdown, StringComparison.Ordinal);
        Assert.Contains("Twenty ideas in two hours.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Still pending", markdown, StringComparison.Ordinal);

        var log = await cast.LogAsync();
        var entry = Assert.Single(log, e => e.Action == "meeting.report.published");
        Assert.Equal(DateTime.UtcNow.Date, entry.OccurredAt.Date);
        var data = JsonDocument.Parse(entry.Data).RootElement;
        Assert.Equal(checkedIn, data.GetProperty("checkedIn").GetInt32());
        Assert.Equal(walkIns, data.GetProperty("walkIns").GetInt32());

        // The exports carry the same report.
        Assert.Equal(markdown, await people.AnonymousClient.Http.GetStringAsync($"/meetings/{cast.MeetingId}/report.md"));
        Assert.Contains("<h2>Decisions</h2>", await people.AnonymousClient.Http.GetStringAsync($"/meetings/{cast.MeetingId}/report.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_after_publishing_stays_a_draft_until_published_again()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app, nameHarvester: false);
        var edit = $"/meetings/{cast.MeetingId}/report/edit";
        await cast.People.OwnerClient.SubmitAsync(edit, new() { ["Input.Summary"] = "First version." }, handler: "Save");
        await cast.People.OwnerClient.SubmitAsync(edit, [], handler: "Publish");
        await cast.People.OwnerClient.SubmitAsync(edit, new() { ["Input.Summary"] = "Second version." }, handler: "Save");

        var shown = (await cast.People.AnonymousClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/report")).Body!.TextContent;
        Assert.Contains("First version.", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Second version.", shown, StringComparison.Ordinal);

        await cast.People.OwnerClient.SubmitAsync(edit, [], handler: "Publish");
        shown = (await cast.People.AnonymousClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/report")).Body!.TextContent;
        Assert.Contains("Second version.", shown, StringComparison.Ordinal);
        Assert.Equal(2, (await cast.LogAsync()).Count(e => e.Action == "meeting.report.published"));
        // The process's followers hear of the first publication only, with a link to the report.
        await Notifications.NotificationScenario.FanOutAsync(app);
        var told = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Notifications.Notification>().AsNoTracking()
            .Where(n => n.UserId == cast.People.Participant.Id && n.Event == "meeting.report.published").ToListAsync());
        Assert.Equal($"/meetings/{cast.MeetingId}/report", Assert.Single(told).Link);
        // Only the organisers write it.
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.People.ParticipantClient.Http.GetAsync(edit)).StatusCode);
    }

    [Fact]
    public async Task A_photo_needs_a_description_and_is_public_only_once_the_report_is_published()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app, nameHarvester: false);
        var url = $"/meetings/{cast.MeetingId}/report/edit?handler=Photo";

        var undescribed = await AttachmentScenario.PostFileAsync(cast.People.OwnerClient, url, new() { ["photoAlt"] = " " }, "photo", TestImages.Png, "room.png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, undescribed.StatusCode);
        Assert.Contains("Describe the photo for people who cannot see it.", await undescribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<MeetingReportPhoto>().CountAsync(p => p.MeetingId == cast.MeetingId)));

        var described = await AttachmentScenario.PostFileAsync(cast.People.OwnerClient, url, new() { ["photoAlt"] = "Twelve people around a map of the square." }, "photo", TestImages.Png, "room.png");
        Assert.Equal(HttpStatusCode.Redirect, described.StatusCode);
        var photo = await app.WithDbAsync(db => db.Set<MeetingReportPhoto>().AsNoTracking().SingleAsync(p => p.MeetingId == cast.MeetingId));
        var photoUrl = $"/meetings/{cast.MeetingId}/report/photos/{photo.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await cast.People.AnonymousClient.Http.GetAsync(photoUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cast.People.OwnerClient.Http.GetAsync(photoUrl)).StatusCode);

        await cast.People.OwnerClient.SubmitAsync($"/meetings/{cast.MeetingId}/report/edit", [], handler: "Publish");
        Assert.Equal(HttpStatusCode.OK, (await cast.People.AnonymousClient.Http.GetAsync(photoUrl)).StatusCode);
        var page = await cast.People.AnonymousClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/report");
        Assert.Equal("Twelve people around a map of the square.", page.QuerySelector($"img[src='{photoUrl}']")?.GetAttribute("alt"));
    }
}

public sealed class ReportOnSqlite(MeetingsSqliteApp app) : ReportTests<MeetingsSqliteApp>(app);

public sealed class ReportOnPostgres(MeetingsPostgresApp app) : ReportTests<MeetingsPostgresApp>(app);
