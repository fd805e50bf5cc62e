using System.Net;
using System.Net.Http.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>A process whose team turned proposals on, and the ways the tests act on its proposals.</summary>
public static class ProposalScenario
{
    /// <summary>A process with its cast; the owner turns proposals on (open, supports, the given limit, two categories).</summary>
    public static async Task<ProcessCast> ProcessWithProposalsAsync(CocreoApp app, int supportLimit = 0)
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        await ConfigureAsync(cast.OwnerClient, cast.ProcessId, supportLimit);
        return cast;
    }

    public static async Task ConfigureAsync(FormClient staff, int processId, int supportLimit, bool open = true)
    {
        var response = await staff.SubmitAsync($"/processes/{processId}/proposals/settings", new()
        {
            ["Input.Open"] = open ? "true" : "false",
            ["Input.SupportsEnabled"] = "true",
            ["Input.SupportLimit"] = supportLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Categories"] = "Streets\nParks",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"settings: {(int)response.StatusCode}");
    }

    /// <summary>A resident puts forward a proposal through the form; its id.</summary>
    public static async Task<int> PutForwardAsync(FormClient resident, int processId, string title, string category = "Parks")
    {
        var response = await resident.SubmitAsync($"/processes/{processId}/proposals/new", new()
        {
            ["Input.Title"] = title,
            ["Input.Body"] = "Please do **" + title + "**.",
            ["Input.Category"] = category,
            ["Input.Location"] = "Main street",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"put forward: {(int)response.StatusCode}");
        return Scenarios.IdFrom(response, $"/processes/{processId}/proposals/");
    }

    /// <summary>Sends a JSON request to the API with the client's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> ApiAsync(FormClient client, HttpMethod method, string url, object? json = null)
    {
        var token = await Scenarios.AntiforgeryTokenAsync(client);
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : JsonContent.Create(json) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.Http.SendAsync(request);
    }

    /// <summary>Posts a form to a page handler with the client's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(FormClient client, string url, Dictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client) };
        return await client.PostAsync(url, values);
    }

    /// <summary>How many support the proposal; and the count kept on the proposal (the list's order) must say the same.</summary>
    public static Task<int> SupportsAsync(CocreoApp app, int proposalId) => app.WithDbAsync(async db =>
    {
        var counted = await db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == proposalId);
        Assert.Equal(counted, await db.Set<Proposal>().Where(p => p.Id == proposalId).Select(p => p.SupportCount).SingleAsync());
        return counted;
    });

    public static Task<List<ProcessLogEntry>> LogAsync(CocreoApp app, int processId, string action) =>
        app.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == processId && e.Action == action).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<Proposal> ProposalAsync(CocreoApp app, int id) =>
        app.WithDbAsync(db => db.Set<Proposal>().AsNoTracking().SingleAsync(p => p.Id == id));
}
