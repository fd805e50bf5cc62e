using System.Net;
using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.PersonalData;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Meetings;

/// <summary>
/// Meetings over HTTP on both databases: registration with needs, capacity and the waiting list with promotion,
/// cancelling, who sees the needs, the calendar file, check-in (twice), refusals, and the personal-data download.
/// </summary>
public abstract class MeetingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static readonly Dictionary<string, string> Needs = new()
    {
        ["Needs.Interpretation"] = "true",
        ["Needs.InterpretationLanguage"] = "Ukrainian",
        ["Needs.Diet"] = "No peanuts at all",
        ["Needs.Childcare"] = "true",
    };

    [Fact]
    public async Task A_participant_registers_with_needs_that_only_the_organisers_see_and_the_log_never_holds()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);

        var response = await MeetingSteps.RegisterAsync(cast.ParticipantClient, id, Needs);

        Assert.Contains("You are registered.", await MeetingSteps.StatusMessageAsync(cast.ParticipantClient, response), StringComparison.Ordinal);
        var registration = await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id);
        Assert.Equal(RegistrationStatus.Registered, registration.Status);
        Assert.Equal("Ukrainian", registration.Needs.InterpretationLanguage);
        Assert.True(registration.Needs.Childcare);
        // The participant's page shows their code and its QR code.
        var own = await cast.ParticipantClient.GetOkPageAsync($"/meetings/{id}");
        Assert.Contains(registration.Code, own.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(own.QuerySelector(".qr svg"));

        // The facilitator sees the needs; the participant, other staff and the public do not get the list.
        var list = await cast.FacilitatorClient.GetOkPageAsync($"/meetings/{id}/attendance");
        Assert.Contains("No peanuts at all", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Interpretation into Ukrainian", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.Http.GetAsync($"/meetings/{id}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.OtherStaffClient.Http.GetAsync($"/meetings/{id}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.AnonymousClient.Http.GetAsync($"/meetings/{id}/attendance")).StatusCode);
        var publicPage = await cast.AnonymousClient.GetOkPageAsync($"/meetings/{id}");
        Assert.DoesNotContain("peanuts", publicPage.Body!.TextContent, StringComparison.Ordinal);
        var api = await (await cast.OtherStaffClient.Http.GetAsync($"/api/v1/meetings/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("peanuts", api, StringComparison.Ordinal);

        var log = await app.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == cast.ProcessId).Select(e => e.Action + " " + e.Data).ToListAsync());
        Assert.Contains(log, l => l.StartsWith("meeting.planned", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains("peanuts", StringComparison.Ordinal) || l.Contains("Ukrainian", StringComparison.Ordinal) || l.Contains(cast.Participant.Id, StringComparison.Ordinal));

        // The needs are in the person's data download.
        var data = JsonDocument.Parse(await (await cast.ParticipantClient.Http.GetAsync("/account/my-data")).Content.ReadAsStringAsync()).RootElement;
        var mine = data.GetProperty("meetings").EnumerateArray().Single();
        Assert.Equal(id, mine.GetProperty("meeting").GetInt32());
        Assert.Equal("No peanuts at all", mine.GetProperty("needs").GetProperty("diet").GetString());
    }

    [Fact]
    public async Task The_needs_rest_sealed_in_the_database_and_a_value_left_unsealed_is_read_and_resealed()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await MeetingSteps.RegisterAsync(cast.ParticipantClient, id, Needs);
        var registrationId = (await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id)).Id;
        var seal = app.Services.GetRequiredService<PersonalDataSeal>();

        // What the database holds names neither the diet nor the language.
        var stored = await StoredNeedsAsync(registrationId);
        Assert.StartsWith($"pd1.{seal.CurrentKeyId}.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("peanuts", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Ukrainian", stored, StringComparison.Ordinal);
        Assert.Contains("No peanuts at all", (await cast.OwnerClient.GetOkPageAsync($"/meetings/{id}/attendance")).Body!.TextContent, StringComparison.Ordinal);

        // A value the migration moved out of the old plain columns ("pd0:") is read, and re-sealed by `personal-data reseal`.
        await app.WithDbAsync(db => db.Set<MeetingRegistration>().Where(r => r.Id == registrationId)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.SealedNeeds, PersonalDataSeal.Unsealed + """{"Interpretation":false,"InterpretationLanguage":null,"SignLanguage":true,"Childcare":false,"Diet":"Halal","StepFreeAccess":false,"Other":null}""")));
        var read = await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id);
        Assert.True(read.Needs.SignLanguage);
        Assert.Equal("Halal", read.Needs.Diet);
        var resealed = await app.WithDbAsync(db => PersonalDataCommandLine.ResealAsync(db, CancellationToken.None));
        Assert.True(resealed >= 1);
        stored = await StoredNeedsAsync(registrationId);
        Assert.True(seal.IsCurrent(stored!));
        Assert.DoesNotContain("Halal", stored, StringComparison.Ordinal);
        Assert.Equal("Halal", (await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id)).Needs.Diet);
        Assert.Equal(0, await app.WithDbAsync(db => PersonalDataCommandLine.ResealAsync(db, CancellationToken.None)));
    }

    [Fact]
    public async Task A_walk_ins_name_rests_sealed_and_a_name_left_unsealed_is_read_and_resealed()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        var walkIn = await cast.FacilitatorClient.SubmitAsync($"/meetings/{id}/attendance", new() { ["walkInName"] = "Mira Žagar at the door" }, handler: "WalkIn");
        Assert.Equal(HttpStatusCode.Redirect, walkIn.StatusCode);
        var registrationId = await app.WithDbAsync(db => db.Set<MeetingRegistration>().Where(r => r.MeetingId == id && r.IsWalkIn).Select(r => r.Id).SingleAsync());
        var seal = app.Services.GetRequiredService<PersonalDataSeal>();

        var stored = await StoredWalkInNameAsync(registrationId);
        Assert.StartsWith($"pd1.{seal.CurrentKeyId}.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Mira", stored, StringComparison.Ordinal);
        Assert.Contains("Mira Žagar at the door", (await cast.OwnerClient.GetOkPageAsync($"/meetings/{id}/attendance")).Body!.TextContent, StringComparison.Ordinal);

        // A name the migration marked as not yet sealed ("pd0:") is read, and re-sealed by `personal-data reseal`.
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "MeetingRegistrations" SET "WalkInName" = {PersonalDataSeal.Unsealed + "Old Ana"} WHERE "Id" = {registrationId}"""));
        Assert.Contains("Old Ana", (await cast.OwnerClient.GetOkPageAsync($"/meetings/{id}/attendance")).Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => PersonalDataCommandLine.ResealAsync(db, CancellationToken.None)) >= 1);
        stored = await StoredWalkInNameAsync(registrationId);
        Assert.True(seal.IsCurrent(stored!));
        Assert.DoesNotContain("Ana", stored, StringComparison.Ordinal);
        var read = await app.WithDbAsync(db => db.Set<MeetingRegistration>().AsNoTracking().SingleAsync(r => r.Id == registrationId));
        Assert.Equal("Old Ana", read.WalkInName);
    }

    private Task<string?> StoredWalkInNameAsync(int registrationId) => app.WithDbAsync(db =>
        db.Database.SqlQuery<string?>($"""SELECT "WalkInName" AS "Value" FROM "MeetingRegistrations" WHERE "Id" = {registrationId}""").SingleAsync());

    [Fact]
    public async Task The_needs_are_forgotten_a_set_time_after_the_meeting_and_kept_before()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var past = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(title: "Long past"));
        var recent = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(title: "Last week"));
        await MeetingSteps.RegisterAsync(cast.ParticipantClient, past, Needs);
        await MeetingSteps.RegisterAsync(cast.ParticipantClient, recent, Needs);
        // Planning refuses the past; the meetings are moved there as time would move them.
        await EndedAsync(past, DateTime.UtcNow.AddDays(-31));
        await EndedAsync(recent, DateTime.UtcNow.AddDays(-29));

        var forgotten = await app.WithDbAsync(db => new MeetingNeedsRetention(db, Microsoft.Extensions.Options.Options.Create(new MeetingOptions()), TimeProvider.System).ForgetDueAsync(CancellationToken.None));

        Assert.True(forgotten >= 1);
        var gone = await MeetingSteps.RegistrationAsync(app, past, cast.Participant.Id);
        Assert.Null(gone.SealedNeeds);
        Assert.False(gone.Needs.Any);
        Assert.Equal(RegistrationStatus.Registered, gone.Status);
        Assert.Equal("No peanuts at all", (await MeetingSteps.RegistrationAsync(app, recent, cast.Participant.Id)).Needs.Diet);
    }

    private Task<string?> StoredNeedsAsync(int registrationId) => app.WithDbAsync(db =>
        db.Database.SqlQuery<string?>($"""SELECT "SealedNeeds" AS "Value" FROM "MeetingRegistrations" WHERE "Id" = {registrationId}""").SingleAsync());

    private Task EndedAsync(int meetingId, DateTime endedAt) => app.WithDbAsync(db => db.Set<Meeting>().Where(m => m.Id == meetingId)
        .ExecuteUpdateAsync(m => m.SetProperty(x => x.StartsAt, endedAt.AddHours(-2)).SetProperty(x => x.EndsAt, endedAt)));

    [Fact]
    public async Task The_process_s_followers_hear_of_a_meeting_planned_or_cancelled_and_the_registered_of_a_change()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var start = DateTime.UtcNow.Date.AddDays(12).AddHours(17);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(title: "Market square evening", startsAt: start));
        await Notifications.NotificationScenario.FanOutAsync(app);

        var planned = await ToldAsync(cast.ProcessId, "meeting.planned");
        Assert.Contains(planned, n => n.UserId == cast.Participant.Id && n.Link == $"/meetings/{id}" && n.Subject == "Market square evening");
        Assert.DoesNotContain(planned, n => n.UserId == cast.OtherStaff.Id);

        // Someone who does not follow the process registers; a change tells them, not the process's followers.
        await MeetingSteps.RegisterAsync(cast.OtherStaffClient, id);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/meetings/{id}/edit", MeetingSteps.Fields(title: "Market square evening", startsAt: start.AddHours(1)))).StatusCode);
        await Notifications.NotificationScenario.FanOutAsync(app);
        var changed = Assert.Single(await ToldAsync(cast.ProcessId, "meeting.changed"));
        Assert.Equal(cast.OtherStaff.Id, changed.UserId);
        var page = await cast.OtherStaffClient.GetOkPageAsync("/notifications");
        Assert.Contains("The meeting “Market square evening” you registered for has changed", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/meetings/{id}/edit", [], handler: "Cancel")).StatusCode);
        await Notifications.NotificationScenario.FanOutAsync(app);
        Assert.Contains(await ToldAsync(cast.ProcessId, "meeting.cancelled"), n => n.UserId == cast.Participant.Id);
    }

    private Task<List<Cocreo.Web.Features.Notifications.Notification>> ToldAsync(int processId, string @event) =>
        app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Notifications.Notification>().AsNoTracking().Where(n => n.ProcessId == processId && n.Event == @event).ToListAsync());

    [Fact]
    public async Task The_capacity_cannot_go_below_the_places_given_and_the_refusal_says_how_many()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var start = DateTime.UtcNow.Date.AddDays(11).AddHours(17);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(capacity: 3, startsAt: start));
        await MeetingSteps.RegisterAsync(cast.ParticipantClient, id);
        await MeetingSteps.RegisterAsync(cast.OtherStaffClient, id);

        var smaller = await cast.OwnerClient.SubmitAsync($"/meetings/{id}/edit", MeetingSteps.Fields(capacity: 1, startsAt: start));

        Assert.Equal((HttpStatusCode)422, smaller.StatusCode);
        Assert.Contains("2 people already have a place: the capacity cannot be lower.", (await FormClient.ParseAsync(smaller)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<Meeting>().Where(m => m.Id == id).Select(m => m.Capacity).SingleAsync()));
        Assert.Equal(RegistrationStatus.Registered, (await MeetingSteps.RegistrationAsync(app, id, cast.OtherStaff.Id)).Status);
        // Down to the places given is fine.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/meetings/{id}/edit", MeetingSteps.Fields(capacity: 2, startsAt: start))).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Meeting>().Where(m => m.Id == id).Select(m => m.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task Deleting_the_account_forgets_the_needs_and_keeps_the_place_counted()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await MeetingSteps.RegisterAsync(cast.ParticipantClient, id, Needs);
        var registrationId = (await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id)).Id;

        var response = await cast.ParticipantClient.SubmitAsync("/account/delete", new() { ["Password"] = CocreoApp.TestPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var kept = await app.WithDbAsync(db => db.Set<MeetingRegistration>().AsNoTracking().SingleAsync(r => r.Id == registrationId));
        Assert.Null(kept.UserId);
        Assert.False(kept.Needs.Any);
        Assert.Null(kept.SealedNeeds);
        Assert.Equal(RegistrationStatus.Registered, kept.Status);
        var list = await cast.OwnerClient.GetOkPageAsync($"/meetings/{id}/attendance");
        Assert.DoesNotContain("peanuts", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.Participant.DisplayName, list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beyond_capacity_people_wait_in_order_and_the_first_is_promoted_and_told_when_someone_cancels()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(capacity: 1));
        var second = await app.CreateUserAsync("Second Sara");
        var third = await app.CreateUserAsync("Third Tine");
        var secondClient = await app.SignedInClientAsync(second);
        var thirdClient = await app.SignedInClientAsync(third);

        await MeetingSteps.RegisterAsync(cast.ParticipantClient, id, Needs);
        var waiting = await MeetingSteps.RegisterAsync(secondClient, id);
        await MeetingSteps.RegisterAsync(thirdClient, id);

        Assert.Contains("waiting list, number 1 in line", await MeetingSteps.StatusMessageAsync(secondClient, waiting), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Waiting, (await MeetingSteps.RegistrationAsync(app, id, third.Id)).Status);
        Assert.Contains("number 2 in line", (await thirdClient.GetOkPageAsync($"/meetings/{id}")).Body!.TextContent, StringComparison.Ordinal);

        var cancel = await cast.ParticipantClient.SubmitAsync($"/meetings/{id}", [], handler: "Cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var cancelled = await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id);
        Assert.Equal(RegistrationStatus.Cancelled, cancelled.Status);
        Assert.False(cancelled.Needs.Any);
        Assert.Equal(RegistrationStatus.Registered, (await MeetingSteps.RegistrationAsync(app, id, second.Id)).Status);
        Assert.Equal(RegistrationStatus.Waiting, (await MeetingSteps.RegistrationAsync(app, id, third.Id)).Status);
        Assert.Contains("number 1 in line", (await thirdClient.GetOkPageAsync($"/meetings/{id}")).Body!.TextContent, StringComparison.Ordinal);
        var mail = await app.WithDbAsync(db => db.Set<OutgoingEmail>().Where(e => e.Subject.StartsWith("A place for you")).ToListAsync());
        var told = Assert.Single(mail, e => e.Body.Contains($"/meetings/{id}", StringComparison.Ordinal));
        Assert.Equal(second.Email, told.To);
        Assert.Contains("http://cocreo.test/meetings/", told.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_the_edit_form_unchanged_changes_and_logs_nothing_and_a_real_change_is_logged_once()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var start = DateTime.UtcNow.Date.AddDays(12).AddHours(17);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(startsAt: start, kind: "Online"));
        async Task<int> ChangedAsync() => await app.WithDbAsync(db => db.Set<ProcessLogEntry>().CountAsync(e => e.ProcessId == cast.ProcessId && e.Action == "meeting.changed"));

        // The same form again, with spaces around the title and the room's fields still filled in for a meeting online
        // (the form keeps them; the meeting stores none).
        var same = MeetingSteps.Fields(startsAt: start, kind: "Online");
        same["Input.Title"] = "  " + same["Input.Title"] + " ";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/meetings/{id}/edit", same)).StatusCode);
        Assert.Equal(0, await ChangedAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/meetings/{id}/edit", MeetingSteps.Fields(title: "Neighbourhood evening in the park", startsAt: start, kind: "Online"))).StatusCode);
        Assert.Equal(1, await ChangedAsync());
    }

    [Fact]
    public async Task Registering_twice_keeps_one_registration()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(capacity: 5));
        var (action, fields) = await cast.ParticipantClient.ReadFormAsync($"/meetings/{id}", "Register");

        // The same form posted twice (a double click, the Back button) and once in parallel.
        var first = await cast.ParticipantClient.PostAsync(action, fields);
        var again = await Task.WhenAll(cast.ParticipantClient.PostAsync(action, fields), cast.ParticipantClient.PostAsync(action, fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.All(again, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<MeetingRegistration>().CountAsync(r => r.MeetingId == id)));
    }

    [Fact]
    public async Task The_calendar_file_follows_RFC_5545()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var start = DateTime.UtcNow.Date.AddDays(12).AddHours(16);
        var title = "Evening, with a long title; it has commas, semicolons and a backslash \\ and goes on long enough to be folded";
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(title: title, startsAt: start));

        var response = await cast.AnonymousClient.Http.GetAsync($"/meetings/{id}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}"));
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var lines = unfolded.Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains($"UID:meeting-{id}@cocreo.test", lines);
        Assert.Contains(lines, l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal) && l.EndsWith('Z'));
        // The form takes the platform's wall clock (Europe/Ljubljana in appsettings.json); the file says UTC.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Ljubljana");
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), zone);
        Assert.NotEqual(start, utc);
        Assert.Contains($"DTSTART:{utc:yyyyMMdd'T'HHmmss}Z", lines);
        Assert.Contains($"DTEND:{utc.AddHours(2):yyyyMMdd'T'HHmmss}Z", lines);
        Assert.Contains(@"SUMMARY:Evening\, with a long title\; it has commas\, semicolons and a backslash \\ and goes on long enough to be folded", lines);
        Assert.Contains(@"LOCATION:Trg 1\, Ljubljana\, Hall B", lines);
        Assert.Contains($"URL:http://cocreo.test/meetings/{id}", lines);
        Assert.DoesNotContain("video.example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_used_twice_says_who_was_checked_in_and_when_and_changes_nothing()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await MeetingSteps.RegisterAsync(cast.ParticipantClient, id);
        var code = (await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id)).Code;

        // A scanned QR code opens the page with the code filled in (lower case and a space typed by hand work too).
        var typed = code[..4].ToLowerInvariant() + " " + code[4..];
        var first = await cast.FacilitatorClient.SubmitAsync($"/meetings/{id}/attendance?code={Uri.EscapeDataString(typed)}", [], handler: "CheckIn");
        Assert.Contains($"{cast.Participant.DisplayName} is checked in.", await MeetingSteps.StatusMessageAsync(cast.FacilitatorClient, first), StringComparison.Ordinal);
        var at = (await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id)).CheckedInAt;
        Assert.NotNull(at);

        var second = await cast.OwnerClient.SubmitAsync($"/meetings/{id}/attendance", new() { ["code"] = code }, handler: "CheckIn");

        Assert.Contains($"This code was used already: {cast.Participant.DisplayName} was checked in at", await MeetingSteps.StatusMessageAsync(cast.OwnerClient, second), StringComparison.Ordinal);
        Assert.Equal(at, (await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id)).CheckedInAt);

        var unknown = await cast.OwnerClient.SubmitAsync($"/meetings/{id}/attendance", new() { ["code"] = "ZZZZ0000" }, handler: "CheckIn");
        Assert.Equal((HttpStatusCode)422, unknown.StatusCode);
        Assert.Contains("No registration for this meeting has this code", (await FormClient.ParseAsync(unknown)).Body!.TextContent, StringComparison.Ordinal);

        var walkIn = await cast.FacilitatorClient.SubmitAsync($"/meetings/{id}/attendance", new() { ["walkInName"] = "Mira at the door" }, handler: "WalkIn");
        Assert.Equal(HttpStatusCode.Redirect, walkIn.StatusCode);
        var record = await cast.FacilitatorClient.SubmitAsync($"/meetings/{id}/attendance", [], handler: "Record");
        Assert.Equal(HttpStatusCode.Redirect, record.StatusCode);
        var entry = await app.WithDbAsync(db => db.Set<ProcessLogEntry>().SingleAsync(e => e.ProcessId == cast.ProcessId && e.Action == "meeting.attendance"));
        var counts = JsonDocument.Parse(entry.Data).RootElement;
        Assert.Equal(2, counts.GetProperty("registered").GetInt32());
        Assert.Equal(2, counts.GetProperty("checkedIn").GetInt32());
        Assert.Equal(1, counts.GetProperty("walkIns").GetInt32());
        Assert.DoesNotContain("Mira", entry.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_is_refused_when_closed_cancelled_or_signed_out_and_bad_input_is_explained()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var closed = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(open: false));
        var token = await Scenarios.AntiforgeryTokenAsync(cast.ParticipantClient);

        var refused = await cast.ParticipantClient.PostAsync($"/meetings/{closed}?handler=Register", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Registration for this meeting is closed.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var open = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/meetings/{open}/edit", [], handler: "Cancel")).StatusCode);
        var late = await cast.ParticipantClient.PostAsync($"/meetings/{open}?handler=Register", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("This meeting is cancelled.", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<MeetingRegistration>().CountAsync(r => r.MeetingId == closed || r.MeetingId == open)));

        // A participant may not plan; bad input gets its message and no meeting.
        var planned = await app.WithDbAsync(db => db.Set<Meeting>().CountAsync(m => m.ProcessId == cast.ProcessId));
        var fields = MeetingSteps.Fields();
        fields["__RequestVerificationToken"] = token;
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.PostAsync($"/processes/{cast.ProcessId}/meetings", fields)).StatusCode);
        var backwards = MeetingSteps.Fields();
        backwards["Input.EndsAt"] = MeetingSteps.Local(DateTime.UtcNow.Date.AddDays(9));
        var invalid = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/meetings", backwards);
        Assert.Equal((HttpStatusCode)422, invalid.StatusCode);
        Assert.Contains("The meeting must end after it starts.", (await FormClient.ParseAsync(invalid)).Body!.TextContent, StringComparison.Ordinal);
        var online = MeetingSteps.Fields(kind: "Online");
        online["Input.OnlineUrl"] = "javascript:alert(1)";
        Assert.Equal((HttpStatusCode)422, (await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/meetings", online)).StatusCode);
        Assert.Equal(planned, await app.WithDbAsync(db => db.Set<Meeting>().CountAsync(m => m.ProcessId == cast.ProcessId)));
    }

    [Fact]
    public async Task The_upcoming_meetings_are_listed_and_the_api_registers_with_the_same_rules()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        await Scenarios.VerifyOrganisationAsync(app, await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Processes.Process>().Where(p => p.Id == cast.ProcessId).Select(p => p.OrganisationId).SingleAsync()));
        var title = "Listed " + Guid.NewGuid().ToString("N")[..6];
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(title: title, capacity: 1));

        Assert.Contains(title, (await cast.AnonymousClient.GetOkPageAsync("/meetings")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(title, (await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/meetings")).Body!.TextContent, StringComparison.Ordinal);

        async Task<HttpResponseMessage> ApiRegisterAsync(FormClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{id}/registration")
            {
                Content = new StringContent("{\"signLanguage\":true}", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-CSRF-TOKEN", await Scenarios.AntiforgeryTokenAsync(client));
            return await client.Http.SendAsync(request);
        }
        var first = await ApiRegisterAsync(cast.ParticipantClient);
        var second = await ApiRegisterAsync(cast.OtherStaffClient);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Registered", JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        var waiting = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Waiting", waiting.GetProperty("status").GetString());
        Assert.Equal(1, waiting.GetProperty("waitingPosition").GetInt32());
        Assert.True((await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id)).Needs.SignLanguage);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiRegisterAsync(cast.AnonymousClient)).StatusCode);
    }
}

public sealed class MeetingsOnSqlite(MeetingsSqliteApp app) : MeetingTests<MeetingsSqliteApp>(app);

public sealed class MeetingsOnPostgres(MeetingsPostgresApp app) : MeetingTests<MeetingsPostgresApp>(app);
