using System.Net;
using System.Text.Json;
using Cocreo.Web.Features.Search;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.Harvest;

/// <summary>
/// A meeting's harvest in site search: an item is found once the facilitators publish it (titled by the meeting,
/// linked to the item on the live harvest page, never naming who posted it), not while it waits, and it leaves the
/// index when it is hidden.
/// </summary>
public abstract class HarvestSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static async Task<List<(string Title, string Url, string Snippet)>> FoundAsync(FormClient client, string word)
    {
        var response = await client.Http.GetAsync($"/api/v1/search?q={word}&type=HarvestItem");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("title").GetString()!, r.GetProperty("url").GetString()!, r.GetProperty("snippetHtml").GetString()!)).ToList();
    }

    [Fact]
    public async Task A_published_item_is_found_and_a_waiting_or_hidden_one_is_not()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var people = cast.People;
        var searcher = people.FacilitatorClient;
        var word = "lavender" + Guid.NewGuid().ToString("N")[..6];
        var item = await cast.PostedAsync(people.ParticipantClient, $"Plant {word} hedges along the riverbank.");

        Assert.Empty(await FoundAsync(searcher, word));
        Assert.False(await app.WithDbAsync(db => db.Set<SearchEntry>().AnyAsync(e => e.Kind == SearchKind.HarvestItem && e.ItemId == item)));

        Assert.Equal(HttpStatusCode.Redirect, (await cast.ModerateAsync(people.FacilitatorClient, item)).StatusCode);
        var found = Assert.Single(await FoundAsync(searcher, word));
        var title = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Meetings.Meeting>().Where(m => m.Id == cast.MeetingId).Select(m => m.Title).SingleAsync());
        Assert.Equal(title, found.Title);
        Assert.Equal($"/meetings/{cast.MeetingId}/harvest#item-{item}", found.Url);
        Assert.Contains($"<mark>{word}</mark>", found.Snippet, StringComparison.OrdinalIgnoreCase);
        var entry = await app.WithDbAsync(db => db.Set<SearchEntry>().SingleAsync(e => e.Kind == SearchKind.HarvestItem && e.ItemId == item));
        Assert.DoesNotContain(people.Participant.DisplayName, entry.Title + entry.Body + entry.Terms, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(people.ProcessId, entry.ProcessId);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.ModerateAsync(people.FacilitatorClient, item, publish: false)).StatusCode);
        Assert.Empty(await FoundAsync(searcher, word));
        Assert.False(await app.WithDbAsync(db => db.Set<SearchEntry>().AnyAsync(e => e.Kind == SearchKind.HarvestItem && e.ItemId == item)));
    }
}

public sealed class HarvestSearchTestsOnSqlite(MeetingsSqliteApp app) : HarvestSearchTests<MeetingsSqliteApp>(app);

public sealed class HarvestSearchTestsOnPostgres(MeetingsPostgresApp app) : HarvestSearchTests<MeetingsPostgresApp>(app);
