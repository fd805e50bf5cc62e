using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using static Cocreo.Web.Tests.Proposals.ProposalScenario;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>
/// A proposal's place on the map after it was put forward: its writers set, change and remove it on its own page
/// (which alone may ask for the device's location) or through the API, with the form's checks; logged by role without
/// the coordinates; refused once the proposal is answered, and for anyone else.
/// </summary>
public abstract class ProposalPlaceChangeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task The_author_sets_changes_and_removes_the_place_on_its_page_and_through_the_api()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Shade on the square");
        var details = $"/processes/{cast.ProcessId}/proposals/{id}";
        var place = details + "/place";
        Assert.NotNull((await cast.ParticipantClient.GetOkPageAsync(details)).QuerySelector($"a[href='{place}']"));

        var form = await cast.ParticipantClient.GetPageAsync(place);
        Assert.Equal(HttpStatusCode.OK, form.Response.StatusCode);
        Assert.Contains("geolocation=(self)", form.Response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.NotNull(form.Document.QuerySelector("#use-my-location[hidden]"));

        var set = await PostAsync(cast.ParticipantClient, place, new() { ["Input.Latitude"] = "46,05108", ["Input.Longitude"] = "14.5051349" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var stored = await ProposalAsync(App, id);
        Assert.Equal((46.05108, 14.50513), (stored.Latitude, stored.Longitude));
        Assert.NotNull((await cast.AnonymousClient.GetOkPageAsync(details)).QuerySelector(".proposal-map a[href*='mlat=46.05108']"));
        // The form shows the place it has.
        Assert.Equal("46.05108", (await cast.ParticipantClient.GetOkPageAsync(place)).GetElementById("Input_Latitude")!.GetAttribute("value"));

        var moved = await ApiAsync(cast.ParticipantClient, HttpMethod.Put, $"/api/v1/process-proposals/{id}/place", new { latitude = 46.0511, longitude = 14.5061 });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.True((await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        var same = await ApiAsync(cast.ParticipantClient, HttpMethod.Put, $"/api/v1/process-proposals/{id}/place", new { latitude = 46.0511, longitude = 14.5061 });
        Assert.False((await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        Assert.Equal((46.0511, 14.5061), ((await ProposalAsync(App, id)).Latitude, (await ProposalAsync(App, id)).Longitude));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.ParticipantClient, place, new() { ["Input.Latitude"] = "", ["Input.Longitude"] = " " })).StatusCode);
        Assert.Equal((null, null), ((await ProposalAsync(App, id)).Latitude, (await ProposalAsync(App, id)).Longitude));
        Assert.Null((await cast.AnonymousClient.GetOkPageAsync(details)).QuerySelector(".proposal-map"));

        // Three changes, three entries, by role and without the coordinates.
        var log = await LogAsync(App, cast.ProcessId, "proposal.placed");
        Assert.Equal(3, log.Count);
        Assert.All(log, e => Assert.Null(e.ActorName));
        Assert.All(log, e => Assert.DoesNotContain("46.05", e.Data, StringComparison.Ordinal));
        Assert.Equal([true, true, false], log.Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("onTheMap").GetBoolean()));
    }

    [Theory]
    [InlineData("46.05", "", "Input.Longitude", "Give both the latitude and the longitude, or leave both empty.")]
    [InlineData("91", "14.5", "Input.Latitude", "The latitude is a number of degrees from -90 to 90")]
    [InlineData("46°03'", "14.5", "Input.Latitude", "Write the coordinate as a number of degrees")]
    public async Task Bad_coordinates_are_refused_at_the_field_and_nothing_changes(string latitude, string longitude, string field, string message)
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Shade on the square");
        var response = await PostAsync(cast.ParticipantClient, $"/processes/{cast.ProcessId}/proposals/{id}/place", new() { ["Input.Latitude"] = latitude, ["Input.Longitude"] = longitude });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains(message, page.GetElementById(field.Replace('.', '_') + "-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(latitude, page.GetElementById("Input_Latitude")!.GetAttribute("value") ?? "");

        var api = await ApiAsync(cast.ParticipantClient, HttpMethod.Put, $"/api/v1/process-proposals/{id}/place", new { latitude = 12.5, longitude = 200.0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        Assert.Contains("The longitude is a number of degrees from -180 to 180", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal((null, null), ((await ProposalAsync(App, id)).Latitude, (await ProposalAsync(App, id)).Longitude));
        Assert.Empty(await LogAsync(App, cast.ProcessId, "proposal.placed"));
    }

    [Fact]
    public async Task Strangers_and_an_answered_proposal_are_refused()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Shade on the square");
        var place = $"/processes/{cast.ProcessId}/proposals/{id}/place";
        var fields = new Dictionary<string, string> { ["Input.Latitude"] = "46.05", ["Input.Longitude"] = "14.5" };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(cast.FacilitatorClient, place, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiAsync(cast.OtherStaffClient, HttpMethod.Put, $"/api/v1/process-proposals/{id}/place", new { latitude = 1.0, longitude = 1.0 })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.FacilitatorClient, $"/processes/{cast.ProcessId}/proposals/{id}?handler=Answer", new() { ["status"] = "Accepted", ["reason"] = "Yes." })).StatusCode);
        var answered = await PostAsync(cast.ParticipantClient, place, fields);
        Assert.True(answered.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict, $"{(int)answered.StatusCode}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ApiAsync(cast.ParticipantClient, HttpMethod.Put, $"/api/v1/process-proposals/{id}/place", new { latitude = 1.0, longitude = 1.0 })).StatusCode);
        Assert.Equal((null, null), ((await ProposalAsync(App, id)).Latitude, (await ProposalAsync(App, id)).Longitude));
        Assert.Empty(await LogAsync(App, cast.ProcessId, "proposal.placed"));
    }
}

public sealed class ProposalPlaceChangesOnSqlite(BudgetingSqliteApp app) : ProposalPlaceChangeTests<BudgetingSqliteApp>(app);

public sealed class ProposalPlaceChangesOnPostgres(BudgetingPostgresApp app) : ProposalPlaceChangeTests<BudgetingPostgresApp>(app);
