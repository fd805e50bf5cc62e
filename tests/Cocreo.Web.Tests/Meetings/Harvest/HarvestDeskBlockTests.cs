using System.Globalization;
using System.Net;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Meetings.RunSheets;
using Cocreo.Web.Tests.Proposals;

namespace Cocreo.Web.Tests.Meetings.Harvest;

/// <summary>
/// The harvest's moderation desk names each item's block of the run sheet (waiting or published), says "block
/// removed" for an item whose block was taken out of the sheet since, and nothing for an item without a block.
/// </summary>
public abstract class HarvestDeskBlockTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task The_desk_shows_each_items_block_and_says_when_it_was_removed()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var people = cast.People;
        var sheet = await RunSheetSteps.CreatedAsync(app, people.OwnerClient, cast.MeetingId);
        var (kept, removed) = (sheet.Blocks[0], sheet.Blocks[^1]);
        async Task<int> PostAsync(string text, int? block)
        {
            var response = await people.ParticipantClient.SubmitAsync(cast.Page, new()
            {
                ["Input.Kind"] = "Idea",
                ["Input.Text"] = text,
                ["Input.BlockId"] = block?.ToString(CultureInfo.InvariantCulture) ?? "",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return (await cast.ItemsAsync()).Single(i => i.Text == text).Id;
        }
        var inKept = await PostAsync("Shade first.", kept.Id);
        var inRemoved = await PostAsync("Water fountains.", removed.Id);
        var without = await PostAsync("More benches.", null);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ModerateAsync(people.FacilitatorClient, inRemoved)).StatusCode);
        var current = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        var removal = await ProposalScenario.PostAsync(people.OwnerClient, $"/meetings/{cast.MeetingId}/run-sheet?handler=Remove", new()
        {
            ["version"] = current.Version.ToString(CultureInfo.InvariantCulture),
            ["blockId"] = removed.Id.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, removal.StatusCode);
        Assert.DoesNotContain((await RunSheetSteps.SheetAsync(app, cast.MeetingId))!.Blocks, b => b.Id == removed.Id);

        var desk = await people.FacilitatorClient.GetOkPageAsync(cast.Desk);
        Assert.Equal(kept.Title, desk.QuerySelector($"#item-{inKept} .harvest-block")!.TextContent.Trim());
        Assert.Equal("block removed", desk.QuerySelector($"#item-{inRemoved} .harvest-block")!.TextContent.Trim());
        Assert.NotNull(desk.QuerySelector($"#item-{without}"));
        Assert.Null(desk.QuerySelector($"#item-{without} .harvest-block"));

        var slovenian = await people.FacilitatorClient.GetOkPageAsync(cast.Desk + "?culture=sl");
        Assert.Equal("blok odstranjen", slovenian.QuerySelector($"#item-{inRemoved} .harvest-block")!.TextContent.Trim());
    }
}

public sealed class HarvestDeskBlockTestsOnSqlite(MeetingsSqliteApp app) : HarvestDeskBlockTests<MeetingsSqliteApp>(app);

public sealed class HarvestDeskBlockTestsOnPostgres(MeetingsPostgresApp app) : HarvestDeskBlockTests<MeetingsPostgresApp>(app);
