using System.Net;
using Cocreo.Testing;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Platform.Live;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Shared;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cocreo.Web.Tests.Meetings.RunSheets;

/// <summary>
/// Run sheets live with two instances on one PostgreSQL database and a real Redis backplane, as behind a load
/// balancer: the lead facilitator's change on one instance reaches a projector connected to the other; and the two
/// instances given the same change on the same version apply exactly one (the compare-and-swap on the version).
/// </summary>
public sealed class RunSheetLiveTests(RunSheetLiveTests.FirstInstance first) : IClassFixture<RunSheetLiveTests.FirstInstance>
{
    private static Dictionary<string, string?> LiveSettings(string channel) => new()
    {
        [LiveRegistration.RedisSetting] = TestRedis.Configuration,
        ["LiveUpdates:ChannelPrefix"] = channel,
        ["Meetings:Background"] = "false",
    };

    public sealed class FirstInstance : PostgresApp
    {
        public string Channel { get; } = "cocreo-test-" + Guid.NewGuid().ToString("N")[..8];

        protected override IReadOnlyDictionary<string, string?> Settings => LiveSettings(Channel);
    }

    private sealed class SecondInstance(FirstInstance first) : CocreoApp
    {
        public override string Provider => first.Provider;
        public override string ConnectionString => first.ConnectionString;

        protected override IReadOnlyDictionary<string, string?> Settings => LiveSettings(first.Channel);
    }

    private FirstInstance App
    {
        get
        {
            first.RequireAvailable();
            TestRedis.RequireServer();
            return first;
        }
    }

    [Fact]
    public async Task A_block_started_on_one_instance_reaches_a_projector_connected_to_the_other()
    {
        var app = App;
        await using var second = new SecondInstance(app);
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await RunSheetSteps.CreatedAsync(app, cast.People.OwnerClient, cast.MeetingId);
        var topic = RunSheetLive.Topic(cast.MeetingId);
        await using var projector = await LivePages.ConnectAsync(second);
        var received = LivePages.Record(projector);
        Assert.True(await projector.InvokeAsync<bool>(nameof(LiveHub.Watch), topic), "anyone who may see the meeting may watch its run sheet");

        var response = await cast.People.FacilitatorClient.SubmitAsync($"/meetings/{cast.MeetingId}/run-sheet/live", [], handler: "Start");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var version = $"\"version\":{sheet.Version + 1}";
        Assert.True(await LivePages.EventuallyAsync(() => received.Any(r => r.Topic == topic && r.Payload.Contains(version, StringComparison.Ordinal)), TimeSpan.FromSeconds(15)),
            "the projector on the other instance heard nothing: " + string.Join(" | ", received));
        // What it then fetches, from the other instance, shows the started block.
        var page = await FormClient.ParseAsync(await second.NewClient().Http.GetAsync($"/meetings/{cast.MeetingId}/now"));
        Assert.Contains(sheet.Blocks[0].Title, page.QuerySelector(".now-current")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_version_changed_on_two_instances_at_once_is_applied_once()
    {
        var app = App;
        await using var second = new SecondInstance(app);
        var cast = await MeetingCast.CreateAsync(app);
        var sheet = await RunSheetSteps.CreatedAsync(app, cast.People.OwnerClient, cast.MeetingId);
        var owner = cast.People.OwnerClient;
        var onSecond = await second.SignedInClientAsync(cast.People.Facilitator);
        var url = $"/meetings/{cast.MeetingId}/run-sheet/blocks/{sheet.Blocks[0].Id}";
        var forms = new[] { await owner.ReadFormAsync(url), await onSecond.ReadFormAsync(url), await owner.ReadFormAsync(url), await onSecond.ReadFormAsync(url) };
        var clients = new[] { owner, onSecond, owner, onSecond };

        var responses = await Task.WhenAll(forms.Select((form, i) =>
        {
            form.Fields["Input.Title"] = $"Instance {i % 2 + 1}, try {i}";
            return clients[i].PostAsync(form.Action, form.Fields);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var after = (await RunSheetSteps.SheetAsync(app, cast.MeetingId))!;
        Assert.Equal(sheet.Version + 1, after.Version);
    }
}
