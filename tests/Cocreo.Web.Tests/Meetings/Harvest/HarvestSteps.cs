using System.Net;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.Harvest;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.Harvest;

/// <summary>A meeting of a public process whose participant is registered and named harvester, through the pages people use.</summary>
internal sealed record HarvestCast(CocreoApp App, ProcessCast People, int MeetingId)
{
    public static async Task<HarvestCast> CreateAsync(CocreoApp app, bool nameHarvester = true)
    {
        var people = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(people.OwnerClient, people.ProcessId);
        var registered = await MeetingSteps.RegisterAsync(people.ParticipantClient, id);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var cast = new HarvestCast(app, people, id);
        if (nameHarvester)
        {
            var named = await cast.NameAsync(people.OwnerClient, people.Participant.Id);
            Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        }
        return cast;
    }

    public string Page => $"/meetings/{MeetingId}/harvest";

    public string Desk => $"/meetings/{MeetingId}/harvest/moderate";

    public Task<HttpResponseMessage> NameAsync(FormClient client, string userId) =>
        ProposalScenario.PostAsync(client, $"{Desk}?handler=Name", new() { ["harvesterId"] = userId });

    /// <summary>Posts an item through the phone form of the harvest page.</summary>
    public Task<HttpResponseMessage> PostAsync(FormClient client, string text, string kind = "Idea", string label = "Table 3 · Round 2") =>
        client.SubmitAsync(Page, new() { ["Input.Kind"] = kind, ["Input.Text"] = text, ["Input.Label"] = label });

    public Task<HttpResponseMessage> ModerateAsync(FormClient client, int itemId, bool publish = true) =>
        ProposalScenario.PostAsync(client, $"{Desk}?handler={(publish ? "Publish" : "Hide")}", new() { ["one"] = itemId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public Task<List<HarvestItem>> ItemsAsync() =>
        App.WithDbAsync(db => db.Set<HarvestItem>().AsNoTracking().Where(i => i.MeetingId == MeetingId).OrderBy(i => i.Id).ToListAsync());

    public async Task<int> PostedAsync(FormClient client, string text, string kind = "Idea", string label = "Table 3 · Round 2")
    {
        var response = await PostAsync(client, text, kind, label);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await ItemsAsync()).Single(i => i.Text == text).Id;
    }

    public async Task<int> PublishedAsync(string text, string kind = "Idea", string label = "Table 3 · Round 2")
    {
        var id = await PostedAsync(People.ParticipantClient, text, kind, label);
        Assert.Equal(HttpStatusCode.Redirect, (await ModerateAsync(People.FacilitatorClient, id)).StatusCode);
        return id;
    }

    public Task<List<ProcessLogEntry>> LogAsync() =>
        App.WithDbAsync(db => db.Set<ProcessLogEntry>().AsNoTracking().Where(e => e.ProcessId == People.ProcessId).OrderBy(e => e.Sequence).ToListAsync());
}
