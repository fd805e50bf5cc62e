using System.Net;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Proposals;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Proposals.ProposalScenario;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>
/// A proposal's place on the map: optional coordinates, typed on the form (a decimal point or comma) or sent to the
/// API, both or neither and in range, refused with a clear message and nothing written; shown as a link to
/// OpenStreetMap (no tiles or scripts from elsewhere); only the proposal form may ask for the device's location.
/// </summary>
public abstract class ProposalPlaceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private static Dictionary<string, string> Form(string title, string latitude, string longitude) => new()
    {
        ["Input.Title"] = title,
        ["Input.Body"] = "Please do " + title + ".",
        ["Input.Category"] = "Parks",
        ["Input.Location"] = "Prešeren square",
        ["Input.Latitude"] = latitude,
        ["Input.Longitude"] = longitude,
    };

    [Fact]
    public async Task Coordinates_typed_on_the_form_are_kept_linked_to_OpenStreetMap_and_returned_by_the_api()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var form = await cast.ParticipantClient.GetPageAsync($"/processes/{cast.ProcessId}/proposals/new");
        // Only this page may ask for the device's location, and only from our origin; the button waits for JavaScript.
        Assert.Contains("geolocation=(self)", form.Response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.NotNull(form.Document.QuerySelector("#use-my-location[hidden]"));
        Assert.NotNull(form.Document.QuerySelector("#Input_Latitude"));

        // A decimal comma is understood as well as a point; more than 5 decimals are rounded (about a metre).
        var response = await cast.ParticipantClient.SubmitAsync($"/processes/{cast.ProcessId}/proposals/new", Form("Shade on the square", "46,05108", " 14.5051349 "));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"put forward: {(int)response.StatusCode}");
        var id = Scenarios.IdFrom(response, $"/processes/{cast.ProcessId}/proposals/");
        var stored = await ProposalAsync(App, id);
        Assert.Equal((46.05108, 14.50513), (stored.Latitude, stored.Longitude));

        var page = await cast.AnonymousClient.GetPageAsync($"/processes/{cast.ProcessId}/proposals/{id}");
        var link = page.Document.QuerySelector("main .proposal-map a");
        Assert.NotNull(link);
        Assert.Equal("https://www.openstreetmap.org/?mlat=46.05108&mlon=14.50513#map=17/46.05108/14.50513", link!.GetAttribute("href"));
        Assert.Contains("latitude 46.05108, longitude 14.50513", link.TextContent, StringComparison.Ordinal);
        // The proposal's page loads nothing from OpenStreetMap, and keeps geolocation off.
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script[src], img[src], link[href], iframe"), e => (e.GetAttribute("src") ?? e.GetAttribute("href") ?? "").Contains("openstreetmap", StringComparison.Ordinal));
        Assert.Contains("geolocation=()", page.Response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);

        using (var json = JsonDocument.Parse(await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/process-proposals/{id}")))
        {
            Assert.Equal(46.05108, json.RootElement.GetProperty("latitude").GetDouble());
            Assert.Equal(14.50513, json.RootElement.GetProperty("longitude").GetDouble());
            Assert.Equal(link.GetAttribute("href"), json.RootElement.GetProperty("map").GetString());
        }

        // The coordinates may be where the author stood ("Use my location"): they are in the author's data export.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var part = scope.ServiceProvider.GetServices<Cocreo.Web.Features.Accounts.IPersonalData>().OfType<BudgetingPersonalData>().Single();
            var export = JsonSerializer.Serialize(await part.ExportAsync(cast.Participant.Id, CancellationToken.None));
            Assert.Contains("\"Latitude\":46.05108,\"Longitude\":14.50513", export, StringComparison.Ordinal);
        }

        // Without coordinates: none stored, no link, nulls in the API.
        var plain = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Benches by the river");
        Assert.Equal((null, null), ((await ProposalAsync(App, plain)).Latitude, (await ProposalAsync(App, plain)).Longitude));
        Assert.Null((await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals/{plain}")).QuerySelector(".proposal-map"));
        using (var json = JsonDocument.Parse(await cast.AnonymousClient.Http.GetStringAsync($"/api/v1/process-proposals/{plain}")))
        {
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("latitude").ValueKind);
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("map").ValueKind);
        }
    }

    [Theory]
    [InlineData("46.05", "", "Input.Longitude", "Give both the latitude and the longitude, or leave both empty.")]
    [InlineData("", "14.5", "Input.Latitude", "Give both the latitude and the longitude, or leave both empty.")]
    [InlineData("91", "14.5", "Input.Latitude", "The latitude is a number of degrees from -90 to 90")]
    [InlineData("46.05", "-180.5", "Input.Longitude", "The longitude is a number of degrees from -180 to 180")]
    [InlineData("46°03'", "14.5", "Input.Latitude", "Write the coordinate as a number of degrees")]
    [InlineData("46.05", "1e3", "Input.Longitude", "Write the coordinate as a number of degrees")]
    public async Task Bad_coordinates_on_the_form_are_refused_with_a_clear_message_at_the_field_and_nothing_is_written(string latitude, string longitude, string field, string message)
    {
        var cast = await ProcessWithProposalsAsync(App);
        var before = await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == cast.ProcessId));
        var response = await cast.ParticipantClient.SubmitAsync($"/processes/{cast.ProcessId}/proposals/new", Form("Shade on the square", latitude, longitude));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        var error = page.GetElementById(field.Replace('.', '_') + "-error");
        Assert.NotNull(error);
        Assert.Contains(message, error!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field.Replace('.', '_')}']"));
        // What was typed is kept for correcting it.
        Assert.Equal(latitude, page.GetElementById("Input_Latitude")!.GetAttribute("value") ?? "");
        Assert.Equal(before, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == cast.ProcessId)));
    }

    [Fact]
    public async Task The_api_takes_coordinates_as_numbers_both_or_neither_and_in_range()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var url = $"/api/v1/processes/{cast.ProcessId}/proposals";
        var created = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, url, new { title = "A fountain", body = "Water in summer.", latitude = -33.8567844, longitude = 151.213108 });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        int id;
        using (var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync()))
        {
            id = json.RootElement.GetProperty("id").GetInt32();
        }
        Assert.Equal((-33.85678, 151.21311), ((await ProposalAsync(App, id)).Latitude, (await ProposalAsync(App, id)).Longitude));

        var before = await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == cast.ProcessId));
        foreach (var (body, message) in new (object, string)[]
        {
            (new { title = "Only one", body = "Half a place.", latitude = 46.0 }, "Give both the latitude and the longitude, or leave both empty."),
            (new { title = "Too far north", body = "Off the globe.", latitude = 90.5, longitude = 14.0 }, "The latitude is a number of degrees from -90 to 90"),
            (new { title = "Too far east", body = "Off the globe.", latitude = 46.0, longitude = 181.0 }, "The longitude is a number of degrees from -180 to 180"),
        })
        {
            var refused = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, url, body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == cast.ProcessId)));
    }

    [Fact]
    public void Coordinates_follow_the_rules_and_the_link_writes_them_invariantly()
    {
        Assert.Equal((null, null), ProposalRules.Coordinates(null, null));
        Assert.Equal((-90.0, 180.0), ProposalRules.Coordinates(-90, 180));
        Assert.Equal("LatitudeRange", Assert.Throws<ProposalRuleException>(() => ProposalRules.Coordinates(double.NaN, 1)).Code);
        Assert.Equal("LongitudeRange", Assert.Throws<ProposalRuleException>(() => ProposalRules.Coordinates(1, double.PositiveInfinity)).Code);
        Assert.Equal("CoordinatesPair", Assert.Throws<ProposalRuleException>(() => ProposalRules.Coordinates(null, 1)).Code);
        Assert.Equal((-12.5, true), ProposalRules.ParseDegrees("−12,5"));
        Assert.Equal((null, true), ProposalRules.ParseDegrees("  "));
        Assert.False(ProposalRules.ParseDegrees("12.5.1").Understood);
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sl-SI");
            Assert.Equal("https://www.openstreetmap.org/?mlat=-0.5&mlon=14.12346#map=17/-0.5/14.12346", ProposalMap.Link(-0.5, 14.123456));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}

public sealed class ProposalPlacesOnSqlite(BudgetingSqliteApp app) : ProposalPlaceTests<BudgetingSqliteApp>(app);

public sealed class ProposalPlacesOnPostgres(BudgetingPostgresApp app) : ProposalPlaceTests<BudgetingPostgresApp>(app);
