using System.Net;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Conversations;
using Cocreo.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.Harvest;

/// <summary>
/// A statement made from a harvested item says on the participants' conversation page that it came from the meeting,
/// with a link to the meeting; a statement written in the conversation itself says nothing of the kind.
/// </summary>
public abstract class HarvestProvenanceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task A_statement_from_the_harvest_links_to_its_meeting_on_the_conversation_page()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var people = cast.People;
        var harvested = await ConversationSteps.StartAsync(people.OwnerClient, people.ProcessId, seeds: []);
        var written = await ConversationSteps.StartAsync(people.OwnerClient, people.ProcessId, seeds: ["The old town needs more trees."]);
        var item = await cast.PublishedAsync("Drinking fountains on every square.");
        var turned = await ProposalScenario.PostAsync(people.FacilitatorClient, $"{cast.Desk}?handler=Turn",
            new() { ["itemId"] = $"{item}", ["destination"] = $"conversation-{harvested}", ["text"] = "Drinking fountains on every square." });
        Assert.Equal(HttpStatusCode.Redirect, turned.StatusCode);
        var title = await app.WithDbAsync(db => db.Set<Meeting>().Where(m => m.Id == cast.MeetingId).Select(m => m.Title).SingleAsync());

        var page = await people.ParticipantClient.GetOkPageAsync($"/conversations/{harvested}");
        Assert.Equal("Drinking fountains on every square.", page.QuerySelector("#statement-text")!.TextContent.Trim());
        var link = page.QuerySelector("#statement .statement-origin a")!;
        Assert.Equal($"/meetings/{cast.MeetingId}", link.GetAttribute("href"));
        Assert.Equal(title, link.TextContent.Trim());
        Assert.Contains("From the meeting", page.QuerySelector("#statement .statement-origin")!.TextContent, StringComparison.Ordinal);

        var other = await people.ParticipantClient.GetOkPageAsync($"/conversations/{written}");
        Assert.Equal("The old town needs more trees.", other.QuerySelector("#statement-text")!.TextContent.Trim());
        Assert.Null(other.QuerySelector(".statement-origin"));
    }
}

public sealed class HarvestProvenanceTestsOnSqlite(MeetingsSqliteApp app) : HarvestProvenanceTests<MeetingsSqliteApp>(app);

public sealed class HarvestProvenanceTestsOnPostgres(MeetingsPostgresApp app) : HarvestProvenanceTests<MeetingsPostgresApp>(app);
