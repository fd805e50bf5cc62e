using System.Net;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.JourneyMapping;

/// <summary>Sets up journey maps and contributions through the same pages people use.</summary>
internal static class Journeys
{
    public static async Task<int> CreateAsync(FormClient team, int processId, string service = "Residential parking permit")
    {
        var response = await team.SubmitAsync($"/processes/{processId}/journeys", new() { ["Input.ServiceName"] = service, ["Input.ServiceDescription"] = "The permit to park in your zone." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Scenarios.IdFrom(response, "/journeys/");
    }

    public static Task<JourneyMap> MapAsync(CocreoApp app, int id) =>
        app.WithDbAsync(db => db.Set<JourneyMap>().AsNoTracking()
            .Include(m => m.Stages).ThenInclude(s => s.Touchpoints)
            .Include(m => m.PainTags)
            .Include(m => m.ProfileQuestions).ThenInclude(q => q.Options)
            .SingleAsync(m => m.Id == id));

    /// <summary>Posts a form of a page with this client's antiforgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostAsync(FormClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
        return await client.PostAsync(url, fields);
    }

    public static async Task<HttpResponseMessage> PostAsync(FormClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.Append(new("__RequestVerificationToken", await Scenarios.AntiforgeryTokenAsync(client)));
        return await client.Http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>Opens the join link and starts; returns the resume token from the address the walk continues at.</summary>
    public static async Task<string> StartAsync(FormClient client, string joinCode)
    {
        var response = await client.SubmitAsync($"/j/{joinCode}", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/journeys/c/", location, StringComparison.Ordinal);
        return location["/journeys/c/".Length..];
    }

    public static async Task<HttpResponseMessage> TellAsync(FormClient client, string token, int stageId, int rating,
        string? happened = null, string? pain = null, string? idea = null, IEnumerable<int>? touchpoints = null, IEnumerable<int>? tags = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.Rating", rating.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (happened is not null)
        {
            fields.Add(new("Input.WhatHappened", happened));
        }
        if (pain is not null)
        {
            fields.Add(new("Input.PainPoint", pain));
        }
        if (idea is not null)
        {
            fields.Add(new("Input.Idea", idea));
        }
        fields.AddRange((touchpoints ?? []).Select(t => new KeyValuePair<string, string>("Input.TouchpointIds", t.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        fields.AddRange((tags ?? []).Select(t => new KeyValuePair<string, string>("Input.PainTagIds", t.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await PostAsync(client, $"/journeys/c/{token}?stage={stageId}&handler=Stage", fields);
    }

    public static Task<HttpResponseMessage> SubmitAsync(FormClient client, string token, string? publicName = null) =>
        PostAsync(client, $"/journeys/c/{token}?handler=Submit", new Dictionary<string, string> { ["PublicName"] = publicName ?? "" });

    public static Task<HttpResponseMessage> SupportAsync(FormClient client, int mapId, string token, int ideaId) =>
        PostAsync(client, $"/journeys/{mapId}/ideas/{token}?handler=Support", new Dictionary<string, string> { ["ideaId"] = ideaId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static Task<HttpResponseMessage> EditAsync(FormClient client, int mapId, string handler, Dictionary<string, string> fields) =>
        PostAsync(client, $"/journeys/{mapId}/stages?handler={handler}", fields);

    public static async Task<List<string>> LogActionsAsync(CocreoApp app, int processId) =>
        await app.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Log.ProcessLogEntry>().AsNoTracking()
            .Where(e => e.ProcessId == processId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

    public static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
