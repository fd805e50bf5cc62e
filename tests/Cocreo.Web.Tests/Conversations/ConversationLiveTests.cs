using System.Net;
using Cocreo.Testing;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Platform.Live;
using Cocreo.Web.Platform.Work;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Shared;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Conversations.ConversationSteps;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// The live opinion map with two instances on one PostgreSQL database and a real Redis backplane, as behind a load
/// balancer: a vote on one instance recomputes the map and updates a map page connected to the other; one instance at
/// a time computes a conversation's map (a lease), and a vote seen while another instance holds it is not left out;
/// a page may not watch a private process's conversation.
/// </summary>
public sealed class ConversationLiveTests(ConversationLiveTests.FirstInstance first) : IClassFixture<ConversationLiveTests.FirstInstance>
{
    private static Dictionary<string, string?> LiveSettings(string channel) => new()
    {
        [LiveRegistration.RedisSetting] = TestRedis.Configuration,
        ["LiveUpdates:ChannelPrefix"] = channel,
        ["Conversations:MapRefresh"] = "00:00:00",
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
    public async Task A_vote_on_one_instance_updates_a_map_page_connected_to_the_other()
    {
        var app = App;
        await using var second = new SecondInstance(app);
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var topic = ConversationLiveTopic.For(id);
        await using var page = await LivePages.ConnectAsync(second);
        var received = LivePages.Record(page);
        Assert.True(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), topic));

        var (_, response) = await VoteShownAsync(app.NewClient(), id);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.True(await LivePages.EventuallyAsync(() => received.Any(r => r.Topic == topic && r.Payload.Contains("\"votes\":1", StringComparison.Ordinal)), TimeSpan.FromSeconds(15)),
            "the map page on the other instance heard nothing: " + string.Join(" | ", received));
        var stored = await app.WithDbAsync(db => db.Set<ConversationMapSnapshot>().AsNoTracking().SingleAsync(s => s.ConversationId == id));
        Assert.Equal(1, stored.VoteCount);
    }

    [Fact]
    public async Task While_another_instance_holds_the_map_this_one_does_not_compute_it_and_catches_up_when_it_is_free()
    {
        var app = App;
        await using var second = new SecondInstance(app);
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var refresher = app.Services.GetRequiredService<ConversationMapRefresher>();
        var lease = "conversation-map:" + id;
        // The second instance holds the conversation's map (as if it were computing it).
        Assert.True(await WithScopeAsync(second, s => s.GetRequiredService<WorkLeases>().TryTakeAsync(lease, TimeSpan.FromMinutes(5), CancellationToken.None)));
        var before = refresher.Computations;

        var (_, response) = await VoteShownAsync(app.NewClient(), id);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(before, refresher.Computations);
        Assert.False(await refresher.RefreshAsync(id, CancellationToken.None), "the map is out of date and held by the other instance");
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ConversationMapSnapshot>().CountAsync(s => s.ConversationId == id && s.VoteCount == 1)));

        // The other instance is done: this one, still trying, computes the map with the vote it saw.
        await WithScopeAsync(second, async s => { await s.GetRequiredService<WorkLeases>().ReleaseAsync(lease, CancellationToken.None); return true; });
        Assert.True(await LivePages.EventuallyAsync(() => refresher.Computations > before, TimeSpan.FromSeconds(15)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ConversationMapSnapshot>().CountAsync(s => s.ConversationId == id && s.VoteCount == 1)));
    }

    [Fact]
    public async Task Nobody_outside_a_private_process_may_watch_its_conversation()
    {
        var app = App;
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var edit = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/edit", new() { ["Input.Visibility"] = "Private" });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        await using var page = await LivePages.ConnectAsync(app);
        Assert.False(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), ConversationLiveTopic.For(id)));
        Assert.False(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "conversation:not-a-number"));
        Assert.False(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "conversation:999999"));
    }

    private static async Task<T> WithScopeAsync<T>(CocreoApp app, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
