using System.Collections.Concurrent;
using System.Security.Claims;
using Cocreo.Testing;
using Cocreo.Web.Platform.Live;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Shared;

/// <summary>
/// Live updates across instances: two app instances, as behind a load balancer, share a real Redis server as
/// SignalR's backplane. An update published on one reaches a page connected to the other; without the backplane it
/// does not, which shows the backplane is what carries it.
/// </summary>
public sealed class LiveUpdatesTests
{
    /// <summary>A topic kind for the test: items whose id starts with "open" may be watched by anyone.</summary>
    private sealed class TestTopic : ILiveTopic
    {
        public string Prefix => "test";

        public Task<bool> MayWatchAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken) =>
            Task.FromResult(id.StartsWith("open", StringComparison.Ordinal));
    }

    private sealed class Instance(string? redis, string channelPrefix, string database) : SqliteAppOn(database)
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            [LiveRegistration.RedisSetting] = redis,
            ["LiveUpdates:ChannelPrefix"] = channelPrefix,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILiveTopic, TestTopic>());
        }

        public Task<HubConnection> ConnectAsync() => LivePages.ConnectAsync(this);

        public Task PublishAsync(string topic, object payload) => Services.GetRequiredService<LiveUpdates>().PublishAsync(topic, payload);
    }

    /// <summary>An app on a given SQLite file, so that two instances share one database.</summary>
    private abstract class SqliteAppOn(string file) : CocreoApp
    {
        public override string Provider => "Sqlite";
        public override string ConnectionString => $"Data Source={file}";

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static string NewDatabase() => Path.Combine(Path.GetTempPath(), $"cocreo-live-{Guid.NewGuid():N}.db");

    private static ConcurrentQueue<(string Topic, string Payload)> Record(HubConnection connection) => LivePages.Record(connection);

    private static Task<bool> ArrivesAsync(ConcurrentQueue<(string Topic, string Payload)> received, string topic, TimeSpan within) =>
        LivePages.EventuallyAsync(() => received.Any(r => r.Topic == topic), within);

    [Fact]
    public async Task An_update_published_on_one_instance_reaches_a_page_connected_to_the_other_through_redis()
    {
        var redis = TestRedis.RequireServer();
        var prefix = "cocreo-test-" + Guid.NewGuid().ToString("N")[..8];
        var database = NewDatabase();
        await using var first = new Instance(redis, prefix, database);
        await using var second = new Instance(redis, prefix, database);
        await using var page = await second.ConnectAsync();
        var received = Record(page);
        Assert.True(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "test:open-1"));

        await first.PublishAsync("test:open-1", new { version = 7 });

        Assert.True(await ArrivesAsync(received, "test:open-1", TimeSpan.FromSeconds(10)), "the update did not cross to the other instance");
        Assert.Contains(received, r => r.Topic == "test:open-1" && r.Payload.Contains("\"version\":7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_backplane_an_update_reaches_only_pages_on_the_same_instance()
    {
        var database = NewDatabase();
        await using var first = new Instance(null, "unused", database);
        await using var second = new Instance(null, "unused", database);
        await using var here = await first.ConnectAsync();
        await using var there = await second.ConnectAsync();
        var receivedHere = Record(here);
        var receivedThere = Record(there);
        Assert.True(await here.InvokeAsync<bool>(nameof(LiveHub.Watch), "test:open-2"));
        Assert.True(await there.InvokeAsync<bool>(nameof(LiveHub.Watch), "test:open-2"));

        await first.PublishAsync("test:open-2", new { version = 1 });

        Assert.True(await ArrivesAsync(receivedHere, "test:open-2", TimeSpan.FromSeconds(10)));
        Assert.False(await ArrivesAsync(receivedThere, "test:open-2", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_page_cannot_watch_a_topic_it_may_not_see_an_unknown_kind_or_too_many_topics()
    {
        await using var app = new Instance(null, "unused", NewDatabase());
        await using var page = await app.ConnectAsync();
        var received = Record(page);

        Assert.False(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "test:private-1"));
        Assert.False(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "nosuchkind:1"));
        Assert.False(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "no-colon"));
        Assert.False(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "test:open" + new string('x', LiveTopicName.MaxLength)));
        await app.PublishAsync("test:private-1", new { version = 1 });
        Assert.False(await ArrivesAsync(received, "test:private-1", TimeSpan.FromSeconds(1)));

        for (var i = 0; i < LiveHub.MaxTopicsPerConnection; i++)
        {
            Assert.True(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), $"test:open-{i}"));
        }
        Assert.True(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "test:open-0"), "watching a topic again is not a new one");
        Assert.False(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "test:open-extra"));
        await page.InvokeAsync(nameof(LiveHub.Unwatch), "test:open-0");
        Assert.True(await page.InvokeAsync<bool>(nameof(LiveHub.Watch), "test:open-extra"));
    }
}
