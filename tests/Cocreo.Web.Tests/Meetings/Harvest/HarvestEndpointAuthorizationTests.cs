using System.Globalization;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.Harvest;
using Cocreo.Web.Features.Meetings.Report;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Cocreo.Web.Tests.Budgeting;
using Cocreo.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Meetings.Harvest;

/// <summary>
/// Every state-changing endpoint of the harvest and the report, tried by every kind of person over HTTP on a public
/// process's meeting whose participant is a named harvester: the answer and the effect (a refused attempt changed nothing).
/// </summary>
public sealed class HarvestEndpointAuthorizationTests(MeetingsSqliteApp app) : IClassFixture<MeetingsSqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant (harvester)", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiTeam = ["401", Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] Harvesting = [SignIn, Changed, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiHarvesting = ["401", Changed, Changed, Changed, Forbidden, Changed];
    private static readonly string[] SignedIn = [SignIn, Changed, Changed, Changed, Changed, Changed];

    private sealed record Attempt(string Url, Dictionary<string, string> Fields, string? Json = null, bool Photo = false);

    private sealed record Row(Endpoint Endpoint, Func<HarvestCast, int, Task<Attempt>> Attempt, Func<HarvestCast, Task<string>> State, string[] Expected);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<string> Items(HarvestCast cast) => cast.App.WithDbAsync(async db =>
        string.Join(",", await db.Set<HarvestItem>().Where(i => i.MeetingId == cast.MeetingId).OrderBy(i => i.Id).Select(i => i.Id + i.Status.ToString() + i.BecameKind).ToListAsync()));

    private static Task<string> Harvesters(HarvestCast cast) => cast.App.WithDbAsync(async db =>
        string.Join(",", await db.Set<MeetingHarvester>().Where(h => h.MeetingId == cast.MeetingId).OrderBy(h => h.Id).Select(h => h.UserId).ToListAsync()));

    private static Task<string> Reports(HarvestCast cast) => cast.App.WithDbAsync(async db =>
        (await db.Set<ModerationReport>().CountAsync()).ToString(CultureInfo.InvariantCulture));

    private static Task<string> TheReport(HarvestCast cast) => cast.App.WithDbAsync(async db =>
        string.Join(",", await db.Set<MeetingReport>().Where(r => r.MeetingId == cast.MeetingId).Select(r => r.Summary + r.Publications).ToListAsync())
        + ";" + string.Join(",", await db.Set<MeetingReportPhoto>().Where(p => p.MeetingId == cast.MeetingId).Select(p => p.Id).ToListAsync()));

    private static Task<int> PendingAsync(HarvestCast cast, int i) => cast.App.WithDbAsync(async db =>
    {
        var meeting = await db.Set<Meeting>().SingleAsync(m => m.Id == cast.MeetingId);
        var item = HarvestItem.Post(meeting, HarvestKind.Idea, $"Idea {i} {Guid.NewGuid():N}", "Table 1", null, null, DateTime.UtcNow);
        db.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    });

    private static async Task<int> PublishedAsync(HarvestCast cast, int i)
    {
        var id = await PendingAsync(cast, i);
        await cast.App.WithDbAsync(async db =>
        {
            (await db.Set<HarvestItem>().SingleAsync(x => x.Id == id)).Moderate(true, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A new account registered for the meeting (and named harvester when asked); its id.</summary>
    private static async Task<string> RegisteredAsync(HarvestCast cast, bool named)
    {
        var user = await cast.App.CreateUserAsync("Table host " + Guid.NewGuid().ToString("N")[..6]);
        await cast.App.WithDbAsync(async db =>
        {
            db.Add(MeetingRegistration.For(cast.MeetingId, user.Id, MeetingNeeds.None, hasPlace: true, DateTime.UtcNow));
            if (named)
            {
                db.Add(MeetingHarvester.Name(cast.MeetingId, user.Id, DateTime.UtcNow));
            }
            await db.SaveChangesAsync();
        });
        return user.Id;
    }

    private static Task<Attempt> Post(string url, Dictionary<string, string> fields) => Task.FromResult(new Attempt(url, fields));

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["harvest/post"] = new(new("POST", "/meetings/{id:int}/harvest"),
            (cast, i) => Post(cast.Page, new() { ["Input.Kind"] = "Note", ["Input.Text"] = $"Note {i}", ["Input.Label"] = "Table 2" }), Items, Harvesting),
        ["harvest/report"] = new(new("POST", "/meetings/{id:int}/harvest", "Report"),
            async (cast, i) => new($"{cast.Page}?handler=Report", new() { ["itemId"] = Id(await PublishedAsync(cast, i)), ["reportReason"] = "Spam", ["reportSubmissionId"] = Guid.NewGuid().ToString() }),
            Reports, SignedIn),
        ["desk/publish"] = new(new("POST", "/meetings/{id:int}/harvest/moderate", "Publish"),
            async (cast, i) => new($"{cast.Desk}?handler=Publish", new() { ["itemIds"] = Id(await PendingAsync(cast, i)) }), Items, Team),
        ["desk/hide"] = new(new("POST", "/meetings/{id:int}/harvest/moderate", "Hide"),
            async (cast, i) => new($"{cast.Desk}?handler=Hide", new() { ["one"] = Id(await PublishedAsync(cast, i)) }), Items, Team),
        ["desk/turn"] = new(new("POST", "/meetings/{id:int}/harvest/moderate", "Turn"),
            async (cast, i) => new($"{cast.Desk}?handler=Turn", new() { ["itemId"] = Id(await PublishedAsync(cast, i)), ["destination"] = "proposal", ["title"] = $"From the harvest {i}" }), Items, Team),
        ["desk/name"] = new(new("POST", "/meetings/{id:int}/harvest/moderate", "Name"),
            async (cast, _) => new($"{cast.Desk}?handler=Name", new() { ["harvesterId"] = await RegisteredAsync(cast, named: false) }), Harvesters, Team),
        ["desk/remove"] = new(new("POST", "/meetings/{id:int}/harvest/moderate", "Remove"),
            async (cast, _) => new($"{cast.Desk}?handler=Remove", new() { ["harvesterId"] = await RegisteredAsync(cast, named: true) }), Harvesters, Team),
        ["report/save"] = new(new("POST", "/meetings/{id:int}/report/edit", "Save"),
            (cast, i) => Post($"/meetings/{cast.MeetingId}/report/edit?handler=Save", new() { ["Input.Summary"] = $"Summary {i}" }), TheReport, Team),
        ["report/publish"] = new(new("POST", "/meetings/{id:int}/report/edit", "Publish"),
            async (cast, i) =>
            {
                // Something new to publish each time: a published item.
                await PublishedAsync(cast, i);
                return new($"/meetings/{cast.MeetingId}/report/edit?handler=Publish", []);
            }, TheReport, Team),
        ["report/photo"] = new(new("POST", "/meetings/{id:int}/report/edit", "Photo"),
            (cast, i) => Task.FromResult(new Attempt($"/meetings/{cast.MeetingId}/report/edit?handler=Photo", new() { ["photoAlt"] = $"Photo {i}" }, Photo: true)), TheReport, Team),
        ["report/remove-photo"] = new(new("POST", "/meetings/{id:int}/report/edit", "RemovePhoto"),
            async (cast, i) =>
            {
                var photoId = await cast.App.WithDbAsync(async db =>
                {
                    var photo = MeetingReportPhoto.From(cast.MeetingId, Cocreo.Web.Features.Budgeting.ImageFile.Reencode(TestImages.Png).File!, "A photo.", DateTime.UtcNow);
                    db.Add(photo);
                    await db.SaveChangesAsync();
                    return photo.Id;
                });
                return new($"/meetings/{cast.MeetingId}/report/edit?handler=RemovePhoto", new() { ["photoId"] = Id(photoId) });
            }, TheReport, Team),
        ["api/post"] = new(new("POST", "/api/v1/meetings/{id:int}/harvest/"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/meetings/{cast.MeetingId}/harvest", [], $"{{\"kind\":\"Question\",\"text\":\"API question {i}\",\"label\":\"Table 4\"}}")), Items, ApiHarvesting),
        ["api/moderation"] = new(new("POST", "/api/v1/meetings/{id:int}/harvest/moderation"),
            async (cast, i) => new($"/api/v1/meetings/{cast.MeetingId}/harvest/moderation", [], $"{{\"items\":[{await PendingAsync(cast, i)}],\"publish\":true}}"), Items, ApiTeam),
        ["api/turn"] = new(new("POST", "/api/v1/meetings/{id:int}/harvest/{itemId:int}/turn"),
            async (cast, i) => new($"/api/v1/meetings/{cast.MeetingId}/harvest/{await PublishedAsync(cast, i)}/turn", [], $"{{\"to\":\"Proposal\",\"title\":\"API proposal {i}\"}}"), Items, ApiTeam),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await HarvestCast.CreateAsync(app);
        await ProposalScenario.ConfigureAsync(cast.People.OwnerClient, cast.People.ProcessId, 0);
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Attempt(cast, i);
            var before = await row.State(cast);
            var token = await Scenarios.AntiforgeryTokenAsync(clients[i]);
            HttpResponseMessage response;
            if (attempt.Json is { } json)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, attempt.Url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add("X-CSRF-TOKEN", token);
                response = await clients[i].Http.SendAsync(request);
            }
            else if (attempt.Photo)
            {
                attempt.Fields["__RequestVerificationToken"] = token;
                response = await AttachmentScenario.PostFileAsync(clients[i], attempt.Url, attempt.Fields, "photo", TestImages.Png, "photo.png");
            }
            else
            {
                attempt.Fields["__RequestVerificationToken"] = token;
                response = await clients[i].PostAsync(attempt.Url, attempt.Fields);
            }
            var after = await row.State(cast);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }
}
