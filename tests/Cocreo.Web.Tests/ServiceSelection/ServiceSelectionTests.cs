using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.ServiceSelection;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.ServiceSelection;

/// <summary>Co-Serve end to end, on each database: candidates evaluated, compared, one chosen and handed on to Co-Renew.</summary>
public abstract class ServiceSelectionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static readonly Instrument Serve = ToolkitScenarios.Serve;

    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task Three_services_are_compared_and_the_chosen_one_becomes_the_service_to_renew()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var start = await ToolkitScenarios.StartAsync(cast.OwnerClient, cast.OrganisationId, "service-selection", "Which service first?", cast.ProcessId);
        var shortlistId = Scenarios.IdFrom(start, "/service-selection/");
        var services = new[] { ("Building permits", "Permits for small works"), ("City library", "Lending and reading rooms"), ("Waste collection", "Bins and collection days") };
        foreach (var (name, description) in services)
        {
            var add = await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlistId}", new() { ["Candidate.Name"] = name, ["Candidate.Description"] = description }, handler: "Add");
            Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        }
        var candidates = await App.WithDbAsync(db => db.Set<ShortlistedService>().AsNoTracking().Where(s => s.ShortlistId == shortlistId).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(3, candidates.Count);

        // Permits: heavily regulated and the organisation already knows the result; the library meets every criterion;
        // waste collection meets the users' criteria but few of the organisation's.
        var organisationCriteria = Serve.Node(ServiceComparison.OrganisationPerspective).Questions.Select(q => q.Id).ToArray();
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, candidates[0].AssessmentId, Serve, ToolkitScenarios.FavourableExcept(Serve, "heavily-regulated", "clear-result", "many-complaints", "digital-use"));
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, candidates[1].AssessmentId, Serve, ToolkitScenarios.FavourableExcept(Serve));
        await ToolkitScenarios.AnswerAsync(cast.FacilitatorClient, candidates[1].AssessmentId, Serve, ToolkitScenarios.FavourableExcept(Serve, "many-users"));
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, candidates[2].AssessmentId, Serve, ToolkitScenarios.FavourableExcept(Serve, organisationCriteria.Take(5).ToArray()));

        var page = await cast.OwnerClient.GetOkPageAsync($"/service-selection/{shortlistId}");
        var ranking = page.QuerySelectorAll("table").First(t => t.QuerySelector("caption")?.TextContent == "Services ranked, the most suitable first");
        var rows = ranking.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("City library", rows[0], StringComparison.Ordinal);
        Assert.Contains("Most suitable", rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Most suitable", rows[1] + rows[2], StringComparison.Ordinal);
        var chart = page.QuerySelector("svg#services-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal(3, chart.QuerySelectorAll("circle.point").Length);
        Assert.Single(chart.QuerySelectorAll("circle.highlight-ring"));
        Assert.Contains("Most suitable: City library", page.QuerySelector("section[aria-labelledby=comparison-title] > p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(candidates[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("input[name='Choice.ServiceId'][checked]")?.GetAttribute("value"));

        var csv = (await cast.OwnerClient.Http.GetStringAsync($"/api/v1/service-selections/{shortlistId}/comparison.csv")).TrimStart('\uFEFF');
        Assert.Contains($"co-serve,{Serve.Version},1,{candidates[1].Id},City library,yes,high,", csv, StringComparison.Ordinal);

        var choose = await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlistId}", new()
        {
            ["Choice.ServiceId"] = candidates[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Choice.Reason"] = "Its users asked for it.",
        }, handler: "Choose");
        Assert.True(choose.StatusCode == HttpStatusCode.Redirect, (await FormClient.ParseAsync(choose)).QuerySelector(".error-summary")?.TextContent);

        var decided = await cast.OwnerClient.GetOkPageAsync($"/service-selection/{shortlistId}");
        Assert.Contains("The service to renew: City library", decided.QuerySelector(".chosen h2")!.TextContent, StringComparison.Ordinal);
        Assert.Null(decided.QuerySelector("form[action*='handler=Add']"));
        Assert.Null(decided.QuerySelector("form[action*='handler=Choose']"));

        using var scope = App.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<ServiceSelectionDirectory>();
        var chosen = Assert.Single(await directory.ChosenServicesAsync(cast.OrganisationId));
        Assert.Equal(new SelectedService(candidates[1].Id, cast.OrganisationId, cast.ProcessId, "City library", "Lending and reading rooms"), chosen);
        Assert.Equal(chosen, await directory.FindAsync(candidates[1].Id));
        Assert.Null(await directory.FindAsync(candidates[0].Id));

        Assert.All(await App.WithDbAsync(db => db.Set<OrganisationAssessment>().AsNoTracking().Where(a => candidates.Select(c => c.AssessmentId).Contains(a.Id)).ToListAsync()),
            a => Assert.True(a.IsCompleted));
        var actions = await ToolkitScenarios.LogActionsAsync(App, cast.ProcessId);
        Assert.Equal(["service-selection.started", "service.added", "service.added", "service.added", "service.chosen"],
            actions.Where(a => a.StartsWith("service", StringComparison.Ordinal)));
        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        Assert.True(log.GetProperty("verification").GetProperty("isIntact").GetBoolean());
        var entry = log.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "service.chosen");
        Assert.Equal("City library", entry.GetProperty("data").GetProperty("service").GetString());
        Assert.True(entry.GetProperty("data").GetProperty("mostSuitable").GetBoolean());

        // Co-Renew starts from the chosen service: the new journey map's form is filled in and the map is linked to it.
        var journeys = await cast.OwnerClient.GetOkPageAsync($"/processes/{cast.ProcessId}/journeys");
        Assert.Equal("City library", journeys.GetElementById("Input_ServiceName")!.GetAttribute("value"));
        var mapped = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/journeys", []);
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        var map = await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.JourneyMapping.JourneyMap>().AsNoTracking().SingleAsync(m => m.ProcessId == cast.ProcessId));
        Assert.Equal(candidates[1].Id, map.SelectedServiceId);
        Assert.Equal("City library", map.ServiceName);

        // Decided is decided: a second choice is refused.
        var token = await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient);
        await cast.OwnerClient.PostAsync($"/service-selection/{shortlistId}?handler=Choose", new() { ["__RequestVerificationToken"] = token, ["Choice.ServiceId"] = candidates[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(candidates[1].Id, (await directory.FindAsync(candidates[1].Id))?.Id);
        Assert.Single(await directory.ChosenServicesAsync(cast.OrganisationId));
    }

    [Fact]
    public async Task A_choice_can_be_changed_openly_with_a_reason_and_Co_Renew_follows_it()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var shortlistId = Scenarios.IdFrom(await ToolkitScenarios.StartAsync(cast.OwnerClient, cast.OrganisationId, "service-selection", "Second thoughts", cast.ProcessId), "/service-selection/");
        foreach (var name in new[] { "City library", "Parking permits" })
        {
            await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlistId}", new() { ["Candidate.Name"] = name }, handler: "Add");
        }
        var candidates = await App.WithDbAsync(db => db.Set<ShortlistedService>().AsNoTracking().Where(s => s.ShortlistId == shortlistId).OrderBy(s => s.Id).ToListAsync());
        foreach (var candidate in candidates)
        {
            await ToolkitScenarios.AnswerAsync(cast.OwnerClient, candidate.AssessmentId, Serve, _ => "yes");
        }
        string Id(int index) => candidates[index].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlistId}", new() { ["Choice.ServiceId"] = Id(0) }, handler: "Choose");

        // Without a reason, or to the same service, the change is refused on the form (which keeps what was typed) and nothing changes.
        var noReason = await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlistId}", new() { ["Choice.ServiceId"] = Id(1), ["Choice.Reason"] = " " }, handler: "Reconsider");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var noReasonPage = await FormClient.ParseAsync(noReason);
        Assert.Contains("Say why the choice changes", noReasonPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Choice_Reason", noReasonPage.QuerySelector(".error-summary a")?.GetAttribute("href"));
        var token = await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient);
        var same = await cast.OwnerClient.PostAsync($"/service-selection/{shortlistId}?handler=Reconsider",
            new() { ["__RequestVerificationToken"] = token, ["Choice.ServiceId"] = Id(0), ["Choice.Reason"] = "Still the best." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        var samePage = await FormClient.ParseAsync(same);
        Assert.Contains("already the one chosen", samePage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Still the best.", samePage.QuerySelector("textarea[name='Choice.Reason']")?.TextContent.Trim());
        using var scope = App.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<ServiceSelectionDirectory>();
        Assert.Equal("City library", Assert.Single(await directory.ChosenServicesAsync(cast.OrganisationId)).Name);

        var changed = await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlistId}", new()
        {
            ["Choice.ServiceId"] = Id(1),
            ["Choice.Reason"] = "The library is moving next year; permits can be renewed now.",
        }, handler: "Reconsider");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var page = await cast.OwnerClient.GetOkPageAsync($"/service-selection/{shortlistId}");
        Assert.Contains("The service to renew: Parking permits", page.QuerySelector(".chosen h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The library is moving next year", page.QuerySelector(".chosen")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Parking permits", Assert.Single(await directory.ChosenServicesAsync(cast.OrganisationId)).Name);
        Assert.Null(await directory.FindAsync(candidates[0].Id));
        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        Assert.True(log.GetProperty("verification").GetProperty("isIntact").GetBoolean());
        var entry = log.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "service.rechosen").GetProperty("data");
        Assert.Equal(("City library", "Parking permits"), (entry.GetProperty("from").GetString(), entry.GetProperty("to").GetString()));
        Assert.Contains("moving next year", entry.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // Co-Renew now starts from the new choice.
        var journeys = await cast.OwnerClient.GetOkPageAsync($"/processes/{cast.ProcessId}/journeys");
        Assert.Equal("Parking permits", journeys.GetElementById("Input_ServiceName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_service_nobody_has_evaluated_cannot_be_chosen()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var start = await ToolkitScenarios.StartAsync(cast.OwnerClient, cast.OrganisationId, "service-selection", "Unevaluated");
        var shortlistId = Scenarios.IdFrom(start, "/service-selection/");
        await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlistId}", new() { ["Candidate.Name"] = "Evaluated" }, handler: "Add");
        await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlistId}", new() { ["Candidate.Name"] = "Not evaluated" }, handler: "Add");
        var candidates = await App.WithDbAsync(db => db.Set<ShortlistedService>().AsNoTracking().Where(s => s.ShortlistId == shortlistId).OrderBy(s => s.Id).ToListAsync());
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, candidates[0].AssessmentId, Serve, q => "yes");

        var response = await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlistId}", new()
        {
            ["Choice.ServiceId"] = candidates[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, handler: "Choose");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains("Choose a service that has been evaluated.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Set<ServiceShortlist>().AnyAsync(s => s.Id == shortlistId && s.ChosenServiceId != null)));
    }

    [Fact]
    public async Task A_candidate_without_a_name_is_refused_with_a_message_on_the_field()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var start = await ToolkitScenarios.StartAsync(cast.OwnerClient, cast.OrganisationId, "service-selection", "Names");
        var shortlistId = Scenarios.IdFrom(start, "/service-selection/");

        var response = await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlistId}", new() { ["Candidate.Name"] = " " }, handler: "Add");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Equal("#Candidate_Name", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<ShortlistedService>().CountAsync(s => s.ShortlistId == shortlistId)));
    }
}

public sealed class ServiceSelectionOnSqlite(SqliteApp app) : ServiceSelectionTests<SqliteApp>(app);

public sealed class ServiceSelectionOnPostgres(PostgresApp app) : ServiceSelectionTests<PostgresApp>(app);
