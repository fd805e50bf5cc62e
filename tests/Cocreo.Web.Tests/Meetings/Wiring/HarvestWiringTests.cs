using System.Globalization;
using System.Net;
using System.Text.Json;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.Report;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Cocreo.Web.Tests.Conversations;
using Cocreo.Web.Tests.Meetings.Harvest;
using Cocreo.Web.Tests.Meetings.RunSheets;
using Cocreo.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.Wiring;

/// <summary>
/// The harvest wired to the run sheet and the report on both databases (issue 18): items belong to a block of the
/// run sheet (the running one by default; one not in the sheet refused), the live page and the report group by block;
/// removing a photo takes it out of the published report at once; naming harvesters is logged with counts only; the
/// harvest's report form is the shared moderation form.
/// </summary>
public abstract class HarvestWiringTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task Harvested_items_belong_to_the_block_running_now_and_the_live_page_and_the_report_group_them_by_block()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var people = cast.People;
        var sheet = await RunSheetSteps.CreatedAsync(app, people.FacilitatorClient, cast.MeetingId, MeetingFormat.WorldCafe);
        var first = sheet.Blocks[0];
        var round = sheet.Blocks.First(b => b.Kind == BlockKind.Round);

        // Nothing runs yet: no block chosen, every block offered.
        var before = await people.ParticipantClient.GetOkPageAsync(cast.Page);
        var options = before.QuerySelectorAll("select[name='Input.BlockId'] option").ToList();
        Assert.Equal(sheet.Blocks.Count + 1, options.Count);
        Assert.Equal("", options[0].GetAttribute("value"));
        Assert.DoesNotContain(options.Skip(1), o => o.HasAttribute("selected"));

        // The lead facilitator starts the first block: the form now offers it.
        Assert.Equal(HttpStatusCode.Redirect, (await people.FacilitatorClient.SubmitAsync($"/meetings/{cast.MeetingId}/run-sheet/live", [], handler: "Start")).StatusCode);
        var during = await people.ParticipantClient.GetOkPageAsync(cast.Page);
        Assert.Equal(first.Id.ToString(CultureInfo.InvariantCulture), during.QuerySelector("select[name='Input.BlockId'] option[selected]")!.GetAttribute("value"));
        var welcomeItem = await cast.PostedAsync(people.ParticipantClient, "Everyone walked here.", label: "");
        Assert.Equal(first.Id, (await cast.ItemsAsync()).Single(i => i.Id == welcomeItem).BlockId);

        // Another block chosen on the form, and on the API.
        var response = await people.ParticipantClient.SubmitAsync(cast.Page, new() { ["Input.Kind"] = "Idea", ["Input.Text"] = "Benches in the shade.", ["Input.Label"] = "Table 2", ["Input.BlockId"] = Id(round.Id) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roundItem = (await cast.ItemsAsync()).Single(i => i.Text == "Benches in the shade.");
        Assert.Equal(round.Id, roundItem.BlockId);
        var api = await ProposalScenario.ApiAsync(people.ParticipantClient, HttpMethod.Post, $"/api/v1/meetings/{cast.MeetingId}/harvest", new { kind = "Question", text = "Who waters the trees?", blockId = round.Id });
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        Assert.Equal(round.Id, (await cast.ItemsAsync()).Single(i => i.Text == "Who waters the trees?").BlockId);

        // A block that is not in the sheet is refused with a message, and nothing is stored.
        var count = (await cast.ItemsAsync()).Count;
        var unknown = await people.ParticipantClient.SubmitAsync(cast.Page, new() { ["Input.Kind"] = "Idea", ["Input.Text"] = "Lost block.", ["Input.BlockId"] = "9999" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Choose a block of this meeting's run sheet, or none.", (await FormClient.ParseAsync(unknown)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var unknownApi = await ProposalScenario.ApiAsync(people.ParticipantClient, HttpMethod.Post, $"/api/v1/meetings/{cast.MeetingId}/harvest", new { kind = "Idea", text = "Lost block.", blockId = 9999 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownApi.StatusCode);
        Assert.Equal(count, (await cast.ItemsAsync()).Count);

        // Published: the live page labels each item with its block, and groups by block in the sheet's order.
        foreach (var item in await cast.ItemsAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await cast.ModerateAsync(people.FacilitatorClient, item.Id)).StatusCode);
        }
        var live = await people.AnonymousClient.GetOkPageAsync(cast.Page);
        Assert.Equal(round.Title, live.QuerySelector($"#item-{roundItem.Id} .harvest-block")!.TextContent.Trim());
        var grouped = await people.AnonymousClient.GetOkPageAsync(cast.Page + "?by=block");
        Assert.Equal([first.Title, round.Title], grouped.QuerySelectorAll("h3.harvest-block-heading").Select(h => h.TextContent.Trim()));
        Assert.Equal(2, grouped.QuerySelectorAll("h3.harvest-block-heading")[1].NextElementSibling!.QuerySelectorAll("li.harvest-item").Length);

        // The report lists the harvest under the blocks, in the sheet's order.
        Assert.Equal(HttpStatusCode.Redirect, (await people.OwnerClient.SubmitAsync($"/meetings/{cast.MeetingId}/report/edit", [], handler: "Publish")).StatusCode);
        var markdown = JsonDocument.Parse(await people.AnonymousClient.Http.GetStringAsync($"/api/v1/meetings/{cast.MeetingId}/report")).RootElement.GetProperty("markdown").GetString()!;
        var welcomeAt = markdown.IndexOf($"### {first.Title}", StringComparison.Ordinal);
        var roundAt = markdown.IndexOf($"### {round.Title}", StringComparison.Ordinal);
        Assert.True(welcomeAt > 0 && roundAt > welcomeAt, markdown);
        Assert.Contains("Benches in the shade. (Table 2)", markdown[roundAt..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_photo_takes_it_out_of_the_published_report_at_once()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app, nameHarvester: false);
        var owner = cast.People.OwnerClient;
        var url = $"/meetings/{cast.MeetingId}/report/edit?handler=Photo";
        foreach (var alt in new[] { "Twelve people around a map.", "The wall of sticky notes." })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AttachmentScenario.PostFileAsync(owner, url, new() { ["photoAlt"] = alt }, "photo", TestImages.Png, "room.png")).StatusCode);
        }
        var photos = await app.WithDbAsync(db => db.Set<MeetingReportPhoto>().AsNoTracking().Where(p => p.MeetingId == cast.MeetingId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/meetings/{cast.MeetingId}/report/edit", [], handler: "Publish")).StatusCode);
        string Src(int id) => $"/meetings/{cast.MeetingId}/report/photos/{id}";
        Assert.Equal(2, (await cast.People.AnonymousClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/report")).QuerySelectorAll("img[src*='/report/photos/']").Length);

        Assert.Equal(HttpStatusCode.Redirect, (await ProposalScenario.PostAsync(owner, $"/meetings/{cast.MeetingId}/report/edit?handler=RemovePhoto", new() { ["photoId"] = Id(photos[0]) })).StatusCode);

        // No broken image: the published report shows the other photo only, without publishing again.
        var page = await cast.People.AnonymousClient.GetOkPageAsync($"/meetings/{cast.MeetingId}/report");
        Assert.Null(page.QuerySelector($"img[src='{Src(photos[0])}']"));
        Assert.NotNull(page.QuerySelector($"img[src='{Src(photos[1])}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await cast.People.AnonymousClient.Http.GetAsync(Src(photos[0]))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<MeetingReport>().Where(r => r.MeetingId == cast.MeetingId).Select(r => r.Publications).SingleAsync()));
        Assert.Contains("## Photos", await cast.People.AnonymousClient.Http.GetStringAsync($"/meetings/{cast.MeetingId}/report.md"), StringComparison.Ordinal);

        // The last photo gone: the photos heading goes too.
        Assert.Equal(HttpStatusCode.Redirect, (await ProposalScenario.PostAsync(owner, $"/meetings/{cast.MeetingId}/report/edit?handler=RemovePhoto", new() { ["photoId"] = Id(photos[1]) })).StatusCode);
        var markdown = await cast.People.AnonymousClient.Http.GetStringAsync($"/meetings/{cast.MeetingId}/report.md");
        Assert.DoesNotContain("/report/photos/", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Photos", markdown, StringComparison.Ordinal);
        Assert.Contains("## Attendance", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Naming_and_removing_harvesters_is_logged_with_counts_only()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var people = cast.People;

        var named = Assert.Single(await cast.LogAsync(), e => e.Action == "meeting.harvesters.changed");
        var data = JsonDocument.Parse(named.Data).RootElement;
        Assert.Equal(1, data.GetProperty("harvesters").GetInt32());
        Assert.DoesNotContain(people.Participant.Id, named.Data, StringComparison.Ordinal);
        Assert.All(data.EnumerateObject(), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));

        // Naming the same person again changes nothing and logs nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.NameAsync(people.OwnerClient, people.Participant.Id)).StatusCode);
        Assert.Single(await cast.LogAsync(), e => e.Action == "meeting.harvesters.changed");

        Assert.Equal(HttpStatusCode.Redirect, (await ProposalScenario.PostAsync(people.OwnerClient, $"{cast.Desk}?handler=Remove", new() { ["harvesterId"] = people.Participant.Id })).StatusCode);
        var removed = (await cast.LogAsync()).Where(e => e.Action == "meeting.harvesters.changed").ToList();
        Assert.Equal(2, removed.Count);
        Assert.Equal(0, JsonDocument.Parse(removed[1].Data).RootElement.GetProperty("harvesters").GetInt32());
        Assert.DoesNotContain(people.Participant.Id, removed[1].Data, StringComparison.Ordinal);
        // The log page says it in words.
        Assert.Contains("Changed who harvests a meeting", (await people.AnonymousClient.GetOkPageAsync($"/processes/{people.ProcessId}/log")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_harvest_is_reported_through_the_shared_report_form_under_each_item()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var item = await cast.PublishedAsync("Buy the whole street a lawnmower.");
        var reporter = cast.People.OtherStaffClient;

        var page = await reporter.GetOkPageAsync(cast.Page);
        var form = page.QuerySelector($"#item-{item} details.report form")!;
        Assert.Equal(Id(item), form.QuerySelector("input[name='itemId']")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("input[name='reportReason'][value='Spam']"));
        Assert.Null((await cast.People.AnonymousClient.GetOkPageAsync(cast.Page)).QuerySelector("details.report"));

        // Without a reason: the message beside that item's form.
        var (action, fields) = await reporter.ReadFormAsync(cast.Page, "Report");
        var empty = await reporter.PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.NotNull((await FormClient.ParseAsync(empty)).QuerySelector($"#report-itemId-{item}-error"));

        fields["reportReason"] = "Spam";
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.PostAsync(action, fields)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ModerationReport>().CountAsync()));
    }

    [Fact]
    public async Task A_statement_made_from_the_harvest_says_which_meeting_it_came_from()
    {
        app.RequireAvailable();
        var cast = await HarvestCast.CreateAsync(app);
        var team = cast.People.OwnerClient;
        var conversationId = await ConversationSteps.StartAsync(team, cast.People.ProcessId);
        var item = await cast.PublishedAsync("The square needs drinking fountains.");
        var turned = await ProposalScenario.PostAsync(cast.People.FacilitatorClient, $"{cast.Desk}?handler=Turn",
            new() { ["itemId"] = Id(item), ["destination"] = $"conversation-{conversationId}" });
        Assert.Equal(HttpStatusCode.Redirect, turned.StatusCode);
        var title = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Meetings.Meeting>().Where(m => m.Id == cast.MeetingId).Select(m => m.Title).SingleAsync());

        var manage = await team.GetOkPageAsync($"/conversations/{conversationId}/manage");

        var origins = manage.QuerySelectorAll(".statement-origin").ToList();
        var origin = Assert.Single(origins);
        Assert.Contains("The square needs drinking fountains.", origin.ParentElement!.TextContent, StringComparison.Ordinal);
        var link = origin.QuerySelector("a")!;
        Assert.Equal($"/meetings/{cast.MeetingId}", link.GetAttribute("href"));
        Assert.Equal(title, link.TextContent.Trim());
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class HarvestWiringOnSqlite(MeetingsSqliteApp app) : HarvestWiringTests<MeetingsSqliteApp>(app);

public sealed class HarvestWiringOnPostgres(MeetingsPostgresApp app) : HarvestWiringTests<MeetingsPostgresApp>(app);
