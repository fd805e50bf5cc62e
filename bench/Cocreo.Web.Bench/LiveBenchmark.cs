using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using Cocreo.Web.Platform.Live;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Bench;

/// <summary>
/// Live updates to many open pages: N SignalR connections (WebSockets over real sockets to Kestrel) watch one topic;
/// the server publishes an update, and each page's delay from the publish to its arrival is recorded. With "two",
/// the pages are split over two instances that share a Redis backplane and every update is published on the first,
/// so half the pages receive it through Redis.
///   cocreo-web-bench live [pages] [updates] [one|two]     (two needs COCREO_BENCH_REDIS=host:port)
/// </summary>
public static class LiveBenchmark
{
    private const string Topic = "bench:1";

    private sealed class AnyoneMayWatch : ILiveTopic
    {
        public string Prefix => "bench";

        public Task<bool> MayWatchAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken) => Task.FromResult(true);
    }

    private sealed class LiveApp(string? redis, string database) : CocreoApp
    {
        public override string Provider => "Sqlite";
        public override string ConnectionString => $"Data Source={database}";

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            [LiveRegistration.RedisSetting] = redis,
            ["LiveUpdates:ChannelPrefix"] = "cocreo-bench",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseContentRoot(BenchApps.WebProject);
            builder.ConfigureTestServices(services => services.AddSingleton<ILiveTopic, AnyoneMayWatch>());
        }

        public Uri Start()
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var pages = args.Length > 0 ? int.Parse(args[0]) : 1000;
        var updates = args.Length > 1 ? int.Parse(args[1]) : 20;
        var two = args.Length > 2 && args[2] == "two";
        var redis = Environment.GetEnvironmentVariable("COCREO_BENCH_REDIS");
        if (two && string.IsNullOrEmpty(redis))
        {
            Console.Error.WriteLine("live two: set COCREO_BENCH_REDIS=host:port (a Redis server the instances share)");
            return 2;
        }
        var database = Path.Combine(Path.GetTempPath(), $"cocreo-live-bench-{Guid.NewGuid():N}.db");
        var apps = new List<LiveApp> { new(two ? redis : null, database) };
        if (two)
        {
            apps.Add(new LiveApp(redis, database));
        }
        try
        {
            var addresses = apps.Select(app => app.Start()).ToList();
            var publisher = apps[0].Services.GetRequiredService<LiveUpdates>();
            var arrivals = new ConcurrentBag<(int Update, double Milliseconds)>();
            var connections = new List<HubConnection>();
            var opening = Stopwatch.StartNew();
            foreach (var batch in Enumerable.Range(0, pages).Chunk(50))
            {
                connections.AddRange(await Task.WhenAll(batch.Select(async i =>
                {
                    var connection = new HubConnectionBuilder()
                        .WithUrl(new Uri(addresses[i % addresses.Count], LiveHub.Path.TrimStart('/')), o => o.Transports = HttpTransportType.WebSockets)
                        .Build();
                    connection.On<string, BenchPayload>(LiveHub.ChangedMethod, (_, payload) =>
                        arrivals.Add((payload.Update, Stopwatch.GetElapsedTime(payload.Sent).TotalMilliseconds)));
                    await connection.StartAsync();
                    if (!await connection.InvokeAsync<bool>(nameof(LiveHub.Watch), Topic))
                    {
                        throw new InvalidOperationException("watch refused");
                    }
                    return connection;
                })));
            }
            Console.WriteLine($"{pages} pages connected over WebSockets to {apps.Count} instance(s) in {opening.Elapsed.TotalSeconds:F1} s");

            for (var update = 0; update < updates; update++)
            {
                await publisher.PublishAsync(Topic, new BenchPayload(update, Stopwatch.GetTimestamp()));
                var until = DateTime.UtcNow.AddSeconds(10);
                while (arrivals.Count(a => a.Update == update) < pages && DateTime.UtcNow < until)
                {
                    await Task.Delay(20);
                }
                await Task.Delay(200);
            }

            var delays = arrivals.Select(a => a.Milliseconds).Order().ToArray();
            var expected = (long)pages * updates;
            double At(double q) => delays.Length == 0 ? double.NaN : delays[Math.Min(delays.Length - 1, (int)Math.Ceiling(q * delays.Length) - 1)];
            Console.WriteLine($"updates: {updates}, deliveries: {delays.Length} of {expected} ({expected - delays.Length} missing)");
            Console.WriteLine($"delay from publish to page (ms): p50 {At(0.50):F1}, p95 {At(0.95):F1}, p99 {At(0.99):F1}, max {At(1.0):F1}");
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
            return delays.Length == expected ? 0 : 1;
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    public sealed record BenchPayload(int Update, long Sent);
}
