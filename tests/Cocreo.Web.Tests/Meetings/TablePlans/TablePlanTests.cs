using System.Net;
using System.Text.Json;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.Profiles;
using Cocreo.Web.Features.Meetings.TablePlans;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.TablePlans;

/// <summary>
/// Table plans through the web on both databases: a 64-person World Café planned from the page (no pair twice, the
/// bounds hold, hosts stay), impossible requests explained in English and Slovenian, re-computation at the door,
/// the itinerary shown to its person only, and the answers kept from everyone but the organisers.
/// </summary>
public abstract class TablePlanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task Sixty_four_people_at_eight_tables_for_four_rounds_never_meet_twice_and_the_bounds_hold()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await TablePlanSteps.SetAttributesAsync(cast.OwnerClient, id, TablePlanSteps.Groups);
        var people = await TablePlanSteps.RegisterPeopleAsync(app, id, 64, i => (i % 4) switch { 0 or 1 => "Resident", 2 => "Business", _ => "Visitor" });
        var hosts = people.Take(8).ToList();

        var response = await TablePlanSteps.ComputeAsync(cast.FacilitatorClient, id, TablePlanSteps.Form(8, 4, bounds: "Group | Resident | 3 | 5", hosts: hosts));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await TablePlanSteps.StoredAsync(app, id) ?? throw new InvalidOperationException("No plan stored.");
        Assert.Equal(4, plan.Rounds.Count);
        var residents = people.Where((_, i) => i % 4 is 0 or 1).ToHashSet();
        foreach (var round in plan.Rounds)
        {
            Assert.Equal(8, round.Count);
            Assert.Equal(people.Order(), round.SelectMany(t => t).Order());
            Assert.All(round, table => Assert.Equal(8, table.Count));
            Assert.All(round, table => Assert.InRange(table.Count(residents.Contains), 3, 5));
            for (var t = 0; t < 8; t++)
            {
                Assert.Equal(hosts[t], round[t][0]);
            }
        }
        Assert.All(TablePlanSteps.PairCounts(plan), pair => Assert.Equal(1, pair.Value));
        Assert.Equal(0, plan.RepeatedMeetings);
        Assert.Equal(0, plan.BoundViolations);

        // The explanation on the page, and the log: counts only, no names, no registration ids.
        var page = await cast.FacilitatorClient.GetOkPageAsync($"/meetings/{id}/table-plan");
        Assert.NotNull(page.QuerySelector("#no-repeats"));
        Assert.Contains("64 people seated", page.QuerySelector("#plan-summary")!.TextContent, StringComparison.Ordinal);
        var log = await app.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == cast.ProcessId && e.Action == "meeting.tableplan").Select(e => e.Data).SingleAsync());
        using var data = JsonDocument.Parse(log);
        Assert.Equal(64, data.RootElement.GetProperty("people").GetInt32());
        Assert.DoesNotContain("Person ", log, StringComparison.Ordinal);
        // Counts and flags only: no list, no text, no field that could name a person or a registration.
        Assert.All(data.RootElement.EnumerateObject(), p => Assert.Contains(p.Value.ValueKind, new[] { JsonValueKind.Number, JsonValueKind.True, JsonValueKind.False }));
        Assert.DoesNotContain(data.RootElement.EnumerateObject(), p => p.Name.Contains("registration", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("host", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("seat", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_impossible_request_says_what_to_change_in_English_and_Slovenian_and_stores_nothing()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await TablePlanSteps.SetAttributesAsync(cast.OwnerClient, id, TablePlanSteps.Groups);
        await TablePlanSteps.RegisterPeopleAsync(app, id, 12, i => i < 2 ? "Resident" : "Business");

        var zero = await TablePlanSteps.ComputeAsync(cast.FacilitatorClient, id, TablePlanSteps.Form(0, 3));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, zero.StatusCode);
        Assert.Contains("Enter a number of tables from 1 to 60.", (await FormClient.ParseAsync(zero)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Two residents cannot sit at each of four tables.
        var bound = await TablePlanSteps.ComputeAsync(cast.FacilitatorClient, id, TablePlanSteps.Form(4, 2, bounds: "Group | Resident | 1 | "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bound.StatusCode);
        Assert.Contains("A bound cannot be met by the people in the room", (await FormClient.ParseAsync(bound)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await cast.FacilitatorClient.Http.GetAsync("/culture/sl?returnUrl=/");
        var slovenian = await TablePlanSteps.ComputeAsync(cast.FacilitatorClient, id, TablePlanSteps.Form(0, 3));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, slovenian.StatusCode);
        Assert.Contains("Vnesite število miz od 1 do 60.", (await FormClient.ParseAsync(slovenian)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var slovenianBound = await TablePlanSteps.ComputeAsync(cast.FacilitatorClient, id, TablePlanSteps.Form(4, 2, bounds: "Group | Resident | 1 | "));
        Assert.Contains("Omejitve z ljudmi v prostoru ni mogoče izpolniti", (await FormClient.ParseAsync(slovenianBound)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The API explains the same, by kind.
        var token = await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{id}/table-plan")
        {
            Content = new StringContent("{\"tables\":0,\"rounds\":3}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        var api = await cast.OwnerClient.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        using var problems = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Contains(problems.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "NoTables");

        Assert.Null(await TablePlanSteps.StoredAsync(app, id));
    }

    [Fact]
    public async Task Recomputing_at_the_door_keeps_the_rounds_held_and_leaves_the_absent_out()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await TablePlanSteps.SetAttributesAsync(cast.OwnerClient, id, TablePlanSteps.Groups);
        var people = await TablePlanSteps.RegisterPeopleAsync(app, id, 24, i => i % 3 == 0 ? "Business" : i % 5 == 0 ? null : "Resident");
        Assert.Equal(HttpStatusCode.Redirect, (await TablePlanSteps.ComputeAsync(cast.OwnerClient, id, TablePlanSteps.Form(4, 3))).StatusCode);
        var before = (await TablePlanSteps.StoredAsync(app, id))!;
        var absent = people.Skip(20).ToHashSet();
        await TablePlanSteps.CheckInAsync(app, people.Take(20));

        var response = await TablePlanSteps.ComputeAsync(cast.FacilitatorClient, id, TablePlanSteps.Form(4, 3, PlanBasis.CheckedIn, held: 1));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await TablePlanSteps.StoredAsync(app, id))!;
        Assert.Equal(before.Rounds[0].Select(t => t.Order().ToList()), after.Rounds[0].Select(t => t.Order().ToList()));
        Assert.Equal(1, after.HeldRounds);
        Assert.Equal(absent.Order(), after.Absent.Order());
        foreach (var round in after.Rounds.Skip(1))
        {
            Assert.Equal(people.Take(20).Order(), round.SelectMany(t => t).Order());
        }
        Assert.Equal(20, after.Present);
    }

    [Fact]
    public async Task The_itinerary_is_shown_to_its_person_only()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await TablePlanSteps.SetAttributesAsync(cast.OwnerClient, id, TablePlanSteps.Groups);
        var register = await MeetingSteps.RegisterAsync(cast.ParticipantClient, id, new() { ["Answers[0]"] = "Visitor" });
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        var others = await TablePlanSteps.RegisterPeopleAsync(app, id, 11, i => i % 2 == 0 ? "Resident" : "Business");
        Assert.Equal(HttpStatusCode.Redirect, (await TablePlanSteps.ComputeAsync(cast.OwnerClient, id, TablePlanSteps.Form(3, 3, hosts: others.Take(3).ToList()))).StatusCode);
        var mine = await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id);
        var plan = (await TablePlanSteps.StoredAsync(app, id))!;
        var tables = plan.ItineraryOf(mine.Id);

        var page = await cast.ParticipantClient.GetOkPageAsync($"/meetings/{id}");
        var items = page.QuerySelectorAll("#my-itinerary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, items.Count);
        for (var r = 0; r < 3; r++)
        {
            Assert.StartsWith($"Round {r + 1} — table {tables[r]} (host Person ", items[r], StringComparison.Ordinal);
        }
        var api = JsonDocument.Parse(await (await cast.ParticipantClient.Http.GetAsync($"/api/v1/meetings/{id}/my-itinerary")).Content.ReadAsStringAsync());
        Assert.Equal(tables, api.RootElement.EnumerateArray().Select(s => (int?)s.GetProperty("table").GetInt32()).ToList());

        // Nobody else sees it: not the public, not another signed-in person, not even the organisers on the meeting's page.
        foreach (var other in new[] { cast.AnonymousClient, cast.OtherStaffClient, cast.FacilitatorClient })
        {
            var theirs = await other.GetOkPageAsync($"/meetings/{id}");
            Assert.Null(theirs.QuerySelector("#my-itinerary"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await cast.OtherStaffClient.Http.GetAsync($"/api/v1/meetings/{id}/my-itinerary")).StatusCode);
    }

    [Fact]
    public async Task Answers_and_the_plan_stay_with_the_organisers_and_go_with_the_registration()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await TablePlanSteps.SetAttributesAsync(cast.OwnerClient, id, "Group\nResident | 50\nBusiness | 25\nWholesale fishmonger | 25");
        await MeetingSteps.RegisterAsync(cast.ParticipantClient, id, new() { ["Answers[0]"] = "Wholesale fishmonger" });
        var registration = await MeetingSteps.RegistrationAsync(app, id, cast.Participant.Id);
        Assert.Equal("Wholesale fishmonger", (await app.WithDbAsync(db => db.Set<MeetingProfile>().SingleAsync(p => p.RegistrationId == registration.Id))).Values["Group"]);
        // The database holds the answer sealed (a copy of it alone does not tell the group).
        var stored = await app.WithDbAsync(db => db.Database.SqlQuery<string>($"""SELECT "Answers" AS "Value" FROM "MeetingProfiles" WHERE "RegistrationId" = {registration.Id}""").SingleAsync());
        Assert.StartsWith("pd1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("fishmonger", stored, StringComparison.Ordinal);
        await TablePlanSteps.RegisterPeopleAsync(app, id, 5, _ => "Resident");
        Assert.Equal(HttpStatusCode.Redirect, (await TablePlanSteps.ComputeAsync(cast.OwnerClient, id, TablePlanSteps.Form(2, 2))).StatusCode);

        // The organisers see the counts against the population; a group below its share by more than the margin is marked.
        var attendance = await cast.FacilitatorClient.GetOkPageAsync($"/meetings/{id}/attendance");
        var turnout = attendance.QuerySelector("#turnout")!.TextContent;
        Assert.Contains("Wholesale fishmonger", turnout, StringComparison.Ordinal);
        Assert.Contains("under-represented", attendance.QuerySelector("tr.under-represented")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Business", attendance.QuerySelector("tr.under-represented")!.TextContent, StringComparison.Ordinal);

        // Nobody else: the plan's pages and API refuse, the public page and API hold no answer.
        foreach (var url in new[] { $"/meetings/{id}/table-plan", $"/meetings/{id}/table-plan/cards", $"/meetings/{id}/attributes", $"/api/v1/meetings/{id}/table-plan" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.Http.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await cast.OtherStaffClient.Http.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await cast.AnonymousClient.Http.GetAsync($"/meetings/{id}/table-plan")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cast.FacilitatorClient.Http.GetAsync($"/api/v1/meetings/{id}/table-plan")).StatusCode);
        Assert.DoesNotContain("fishmonger", await (await cast.OtherStaffClient.Http.GetAsync($"/api/v1/meetings/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var log = await app.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == cast.ProcessId).Select(e => e.Data).ToListAsync());
        Assert.DoesNotContain(log, l => l.Contains("fishmonger", StringComparison.Ordinal) && !l.Contains("attributes", StringComparison.Ordinal));

        // In the person's download; deleted when they cancel.
        var data = JsonDocument.Parse(await (await cast.ParticipantClient.Http.GetAsync("/account/my-data")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Wholesale fishmonger", data.GetProperty("meetingAnswers").EnumerateArray().Single().GetProperty("answers").GetProperty("Group").GetString());
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/meetings/{id}", [], handler: "Cancel")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<MeetingProfile>().AnyAsync(p => p.RegistrationId == registration.Id)));
    }

    [Fact]
    public async Task An_answer_that_is_not_offered_is_refused_and_registers_nobody()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await TablePlanSteps.SetAttributesAsync(cast.OwnerClient, id, TablePlanSteps.Groups);

        var response = await MeetingSteps.RegisterAsync(cast.ParticipantClient, id, new() { ["Answers[0]"] = "Astronaut" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<MeetingRegistration>().AnyAsync(r => r.MeetingId == id)));
    }
}

public sealed class TablePlanOnSqlite(MeetingsSqliteApp app) : TablePlanTests<MeetingsSqliteApp>(app);

public sealed class TablePlanOnPostgres(MeetingsPostgresApp app) : TablePlanTests<MeetingsPostgresApp>(app);
