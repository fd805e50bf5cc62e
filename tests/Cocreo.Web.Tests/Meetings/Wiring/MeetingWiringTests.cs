using System.Globalization;
using System.Net;
using System.Text.Json;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Meetings.RunSheets;
using Cocreo.Web.Tests.Meetings.TablePlans;

namespace Cocreo.Web.Tests.Meetings.Wiring;

/// <summary>
/// The meeting's parts wired together on both databases (issue 18): a World Café run sheet's round questions and
/// start times on the table cards and the itinerary, and the table-plan form set up from that run sheet.
/// </summary>
public abstract class MeetingWiringTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static readonly string[] Questions = ["What works in the park today?", "What is missing?", "What would you do first?"];

    [Fact]
    public async Task A_World_Cafe_run_sheet_puts_its_round_questions_and_start_times_on_the_table_cards_and_the_itinerary()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await TablePlanSteps.SetAttributesAsync(cast.OwnerClient, id, TablePlanSteps.Groups);
        Assert.Equal(HttpStatusCode.Redirect, (await MeetingSteps.RegisterAsync(cast.ParticipantClient, id, new() { ["Answers[0]"] = "Visitor" })).StatusCode);
        var others = await TablePlanSteps.RegisterPeopleAsync(app, id, 11, i => i % 2 == 0 ? "Resident" : "Business");
        var created = await RunSheetSteps.CreateAsync(cast.FacilitatorClient, id, MeetingFormat.WorldCafe, new() { ["Input.Rounds"] = "3", ["Input.Questions"] = string.Join('\n', Questions) });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var rounds = (await RunSheetSteps.SheetAsync(app, id))!.Blocks.Where(b => b.Kind == BlockKind.Round).ToList();
        Assert.Equal(Questions, rounds.Select(b => b.RoundQuestion));
        Assert.Equal(HttpStatusCode.Redirect, (await TablePlanSteps.ComputeAsync(cast.OwnerClient, id, TablePlanSteps.Form(3, 3, hosts: others.Take(3).ToList()))).StatusCode);

        // Every table's card: each round with its question and its planned start.
        var cards = await cast.FacilitatorClient.GetOkPageAsync($"/meetings/{id}/table-plan/cards");
        var sections = cards.QuerySelectorAll("section.table-card").ToList();
        Assert.Equal(3, sections.Count);
        foreach (var card in sections)
        {
            Assert.Equal(Questions, card.QuerySelectorAll("p.question").Select(p => p.TextContent.Trim()));
            Assert.Equal(rounds.Select(Instant), card.QuerySelectorAll("h3 time.round-start").Select(t => t.GetAttribute("datetime")));
        }

        // The participant's itinerary: the same questions and times, round by round.
        var page = await cast.ParticipantClient.GetOkPageAsync($"/meetings/{id}");
        var stops = page.QuerySelectorAll("#my-itinerary li").ToList();
        Assert.Equal(3, stops.Count);
        for (var r = 0; r < 3; r++)
        {
            Assert.Equal(Questions[r], stops[r].QuerySelector(".question")!.TextContent.Trim());
            Assert.Equal(Instant(rounds[r]), stops[r].QuerySelector("time.round-start")!.GetAttribute("datetime"));
            Assert.Contains($"Round {r + 1} — table ", stops[r].TextContent, StringComparison.Ordinal);
        }
        var api = JsonDocument.Parse(await (await cast.ParticipantClient.Http.GetAsync($"/api/v1/meetings/{id}/my-itinerary")).Content.ReadAsStringAsync());
        Assert.Equal(Questions, api.RootElement.EnumerateArray().Select(s => s.GetProperty("question").GetString()));
        Assert.Equal(rounds.Select(b => b.Start), api.RootElement.EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()));

        // A skipped round is not held: the plan's rounds are the rounds that remain, in order.
        var sheet = (await RunSheetSteps.SheetAsync(app, id))!;
        var (action, fields) = await cast.FacilitatorClient.ReadFormAsync($"/meetings/{id}/run-sheet/live", "Skip");
        fields["blockId"] = rounds[1].Id.ToString(CultureInfo.InvariantCulture);
        fields["version"] = sheet.Version.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.PostAsync(action, fields)).StatusCode);
        Assert.True((await RunSheetSteps.SheetAsync(app, id))!.Blocks.Single(b => b.Id == rounds[1].Id).Skipped);
        var again = await cast.FacilitatorClient.GetOkPageAsync($"/meetings/{id}/table-plan/cards");
        Assert.Equal([Questions[0], Questions[2]], again.QuerySelector("section.table-card")!.QuerySelectorAll("p.question").Select(p => p.TextContent.Trim()));
    }

    [Fact]
    public async Task Without_a_run_sheet_the_cards_have_no_questions_or_times()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await TablePlanSteps.SetAttributesAsync(cast.OwnerClient, id, TablePlanSteps.Groups);
        await TablePlanSteps.RegisterPeopleAsync(app, id, 8, i => i % 2 == 0 ? "Resident" : "Business");
        Assert.Equal(HttpStatusCode.Redirect, (await TablePlanSteps.ComputeAsync(cast.OwnerClient, id, TablePlanSteps.Form(2, 2))).StatusCode);

        var cards = await cast.FacilitatorClient.GetOkPageAsync($"/meetings/{id}/table-plan/cards");

        Assert.Equal(2, cards.QuerySelectorAll("section.table-card").Length);
        Assert.Empty(cards.QuerySelectorAll("p.question"));
        Assert.Empty(cards.QuerySelectorAll("time.round-start"));
    }

    [Fact]
    public async Task A_World_Cafe_run_sheet_sets_up_the_table_plan_form_and_the_organiser_still_computes()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await TablePlanSteps.SetAttributesAsync(cast.OwnerClient, id, TablePlanSteps.Groups);
        await TablePlanSteps.RegisterPeopleAsync(app, id, 23, i => i % 2 == 0 ? "Resident" : "Business");

        // Before the run sheet: the form's own defaults, no note.
        var before = await cast.FacilitatorClient.GetOkPageAsync($"/meetings/{id}/table-plan");
        Assert.Null(before.QuerySelector("#from-run-sheet"));
        var defaultRounds = before.QuerySelector("input[name='Input.Rounds']")!.GetAttribute("value");

        var created = await RunSheetSteps.CreateAsync(cast.FacilitatorClient, id, MeetingFormat.WorldCafe, new() { ["Input.Rounds"] = "4", ["Input.RoundMinutes"] = "15" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var rounds = (await RunSheetSteps.SheetAsync(app, id))!.Blocks.Count(b => b.Kind == BlockKind.Round);
        Assert.Equal(4, rounds);
        Assert.NotEqual(rounds.ToString(CultureInfo.InvariantCulture), defaultRounds);

        var page = await cast.FacilitatorClient.GetOkPageAsync($"/meetings/{id}/table-plan");
        Assert.NotNull(page.QuerySelector("#from-run-sheet"));
        Assert.Contains("4 rounds", page.QuerySelector("#from-run-sheet")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("4", page.QuerySelector("input[name='Input.Rounds']")!.GetAttribute("value"));
        // 23 registered at tables of about five: five tables.
        Assert.Equal("5", page.QuerySelector("input[name='Input.Tables']")!.GetAttribute("value"));
        Assert.Null(await TablePlanSteps.StoredAsync(app, id));

        // Pressing compute with the form as filled plans the four rounds.
        var (action, values) = await cast.FacilitatorClient.ReadFormAsync($"/meetings/{id}/table-plan");
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.PostAsync(action, values)).StatusCode);
        var plan = (await TablePlanSteps.StoredAsync(app, id))!;
        Assert.Equal(4, plan.Rounds.Count);
        Assert.All(plan.Rounds, r => Assert.Equal(5, r.Count));

        // Once a plan exists, the form shows the plan's settings and no note.
        var after = await cast.FacilitatorClient.GetOkPageAsync($"/meetings/{id}/table-plan");
        Assert.Null(after.QuerySelector("#from-run-sheet"));

        // In Slovenian too.
        var other = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        Assert.Equal(HttpStatusCode.Redirect, (await RunSheetSteps.CreateAsync(cast.FacilitatorClient, other, MeetingFormat.WorldCafe, new() { ["Input.Rounds"] = "4", ["Input.RoundMinutes"] = "15" })).StatusCode);
        var sl = await cast.FacilitatorClient.GetOkPageAsync($"/meetings/{other}/table-plan?culture=sl");
        Assert.Contains("4 krogi", sl.QuerySelector("#from-run-sheet")!.TextContent, StringComparison.Ordinal);
    }

    private static string Instant(RunSheetBlock block) => block.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

public sealed class MeetingWiringOnSqlite(MeetingsSqliteApp app) : MeetingWiringTests<MeetingsSqliteApp>(app);

public sealed class MeetingWiringOnPostgres(MeetingsPostgresApp app) : MeetingWiringTests<MeetingsPostgresApp>(app);
