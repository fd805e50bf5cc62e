using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cocreo.Web.Platform.Live;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Bench;

/// <summary>
/// A run-sheet change reaching the devices in the room (issue 18: 500 connected devices in ≤ 1 s p95). DEVICES
/// projector and phone pages, each a SignalR client over WebSockets on loopback (real sockets, Kestrel), watch the
/// meeting's run sheet ("runsheet:{id}") as <c>wwwroot/js/runsheets.js</c> does, anonymously as a public projector
/// would; the lead facilitator, signed in on the first instance, starts the first block and then extends it CHANGES - 1
/// times through the live page's forms (a real POST through the change pipeline: permission, log, save, publish after
/// commit). For every device and change two delays are recorded from the moment the POST is sent: the live message's
/// arrival, and the view brought up to date (the arrival plus the device's GET of the "now" page, which is what the
/// page's script does when told). With "two", the devices are split over two instances sharing the database and a
/// Redis backplane, so half of them hear the change through Redis and fetch from the instance that did not make it.
///   cocreo-web-bench runsheet [devices] [changes] [one|two] [sqlite|postgres]   (two needs COCREO_BENCH_REDIS=host:port)
/// </summary>
public static class RunSheetFanOutBenchmark
{
    private static Dictionary<string, string?> Settings(int port, string? redis, string channel) => new()
    {
        // The address the clients use (plain http on loopback: the cookies are then not Secure-only).
        ["Platform:PublicUrl"] = $"http://127.0.0.1:{port}",
        [LiveRegistration.RedisSetting] = redis,
        ["LiveUpdates:ChannelPrefix"] = channel,
        // No reminders or retention beside the measurement.
        ["Meetings:Background"] = "false",
    };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static FormClient RealClient(int port) =>
        new(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        });

    private static Uri Listen(CocreoApp app, int port)
    {
        app.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
        app.StartServer();
        return new Uri($"http://127.0.0.1:{port}");
    }

    private sealed class FirstPostgres(string? redis, string channel) : PostgresApp
    {
        private readonly int port = FreePort();

        protected override IReadOnlyDictionary<string, string?> Settings => RunSheetFanOutBenchmark.Settings(port, redis, channel);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseContentRoot(BenchApps.WebProject);
        }

        public Uri Start() => Listen(this, port);

        /// <summary>The people's clients (forms) go to the real server too, over a socket, each with its cookies.</summary>
        public override FormClient NewClient() => RealClient(port);

    }

    private sealed class Instance(string provider, string connection, string? redis, string channel) : CocreoApp
    {
        private readonly int port = FreePort();

        public override string Provider => provider;
        public override string ConnectionString => connection;

        protected override IReadOnlyDictionary<string, string?> Settings => RunSheetFanOutBenchmark.Settings(port, redis, channel);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseContentRoot(BenchApps.WebProject);
        }

        public Uri Start() => Listen(this, port);

        /// <summary>The people's clients (forms) go to the real server too, over a socket, each with its cookies.</summary>
        public override FormClient NewClient() => RealClient(port);

    }

    public static async Task<int> RunAsync(string[] args)
    {
        var devices = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var changes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var two = args.Length > 2 && args[2] == "two";
        var postgres = args.Length > 3 ? args[3] == "postgres" : Cocreo.Testing.TestPostgres.IsConfigured;
        // "grid": the devices show an Open Space's grid (grid.js) instead of the projector's now view (runsheets.js).
        var grid = args.Length > 4 && args[4] == "grid";
        var redis = Environment.GetEnvironmentVariable("COCREO_BENCH_REDIS");
        if (two && string.IsNullOrEmpty(redis))
        {
            Console.Error.WriteLine("runsheet two: set COCREO_BENCH_REDIS=host:port (a Redis server the instances share)");
            return 2;
        }
        if (postgres && !Cocreo.Testing.TestPostgres.IsConfigured)
        {
            Console.Error.WriteLine("runsheet postgres: set COCREO_TEST_POSTGRES.");
            return 2;
        }
        var channel = "cocreo-bench-" + Guid.NewGuid().ToString("N")[..8];
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"cocreo-runsheet-bench-{Guid.NewGuid():N}.db");
        var apps = new List<CocreoApp>();
        var addresses = new List<Uri>();
        try
        {
            if (postgres)
            {
                var first = new FirstPostgres(two ? redis : null, channel);
                await first.InitializeAsync();
                apps.Add(first);
                addresses.Add(first.Start());
            }
            else
            {
                var first = new Instance("Sqlite", $"Data Source={sqliteFile}", two ? redis : null, channel);
                apps.Add(first);
                addresses.Add(first.Start());
            }
            if (two)
            {
                var second = new Instance(apps[0].Provider, apps[0].ConnectionString, redis, channel);
                apps.Add(second);
                addresses.Add(second.Start());
            }
            Console.WriteLine($"Run-sheet fan-out{(grid ? " to Open Space grids" : "")}: {devices} devices over {apps.Count} instance(s) ({apps[0].Provider}{(two ? ", Redis backplane" : "")}), {changes} changes.");
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}.");

            // A public process with a meeting today and a World Café run sheet, made through the forms.
            var app = apps[0];
            var cast = await Scenarios.ProcessWithCastAsync(app);
            // Later today wherever the process is (the form takes local times; a start in the past is refused).
            var start = DateTime.UtcNow.AddHours(3);
            var planned = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/meetings", new()
            {
                ["Input.Title"] = "World Café on the old town",
                ["Input.Description"] = "Four rounds at twelve tables.",
                ["Input.StartsAt"] = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                ["Input.EndsAt"] = start.AddHours(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                ["Input.Kind"] = "InPerson",
                ["Input.Address"] = "Trg 1",
                ["Input.RegistrationOpen"] = "true",
                ["Input.ReminderHours"] = "24",
            });
            var meetingId = Scenarios.IdFrom(planned, "/meetings/");
            var made = await cast.OwnerClient.SubmitAsync($"/meetings/{meetingId}/run-sheet/new?format={(grid ? "OpenSpace" : "WorldCafe")}",
                grid ? new() { ["Input.TotalMinutes"] = "" } : []); // an Open Space keeps its template's length (a day)
            if ((int)made.StatusCode != 302)
            {
                throw new InvalidOperationException($"the run sheet was not made: {made.StatusCode}");
            }
            var topic = LiveTopicName.For("runsheet", meetingId);
            var nowPath = grid ? $"/meetings/{meetingId}/grid" : $"/meetings/{meetingId}/now";
            var marker = grid ? "grid-inner" : "now-inner";
            var partPath = nowPath + "?handler=Part";
            var livePath = $"/meetings/{meetingId}/run-sheet/live";

            // The devices: one HTTP client per instance (pooled connections, as browsers keep theirs) and a hub
            // connection each.
            var fetchers = addresses.Select(a => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = a }).ToList();
            var arrivals = new ConcurrentBag<(long Version, double Milliseconds)>();
            var views = new ConcurrentBag<(long Version, double Milliseconds)>();
            var failures = 0;
            long sent = 0;
            var connections = new List<HubConnection>();
            var opening = Stopwatch.StartNew();
            foreach (var batch in Enumerable.Range(0, devices).Chunk(50))
            {
                connections.AddRange(await Task.WhenAll(batch.Select(async i =>
                {
                    var fetcher = fetchers[i % fetchers.Count];
                    var connection = new HubConnectionBuilder()
                        .WithUrl(new Uri(addresses[i % addresses.Count], LiveHub.Path.TrimStart('/')), o => o.Transports = HttpTransportType.WebSockets)
                        .Build();
                    connection.On<string, JsonElement>(LiveHub.ChangedMethod, (heardTopic, payload) =>
                    {
                        var version = payload.GetProperty("version").GetInt64();
                        arrivals.Add((version, Stopwatch.GetElapsedTime(Interlocked.Read(ref sent)).TotalMilliseconds));
                        _ = Task.Run(async () =>
                        {
                            try
                            {
                                using var response = await fetcher.GetAsync($"{partPath}&v={version}");
                                var html = await response.Content.ReadAsStringAsync();
                                if (!response.IsSuccessStatusCode || !html.Contains(marker, StringComparison.Ordinal))
                                {
                                    Interlocked.Increment(ref failures);
                                    return;
                                }
                                views.Add((version, Stopwatch.GetElapsedTime(Interlocked.Read(ref sent)).TotalMilliseconds));
                            }
                            catch (HttpRequestException)
                            {
                                Interlocked.Increment(ref failures);
                            }
                        });
                    });
                    await connection.StartAsync();
                    if (!await connection.InvokeAsync<bool>(nameof(LiveHub.Watch), topic))
                    {
                        throw new InvalidOperationException("an anonymous device may not watch the run sheet");
                    }
                    return connection;
                })));
            }
            Console.WriteLine($"{devices} devices connected over WebSockets in {opening.Elapsed.TotalSeconds:F1} s; each fetches {partPath}&v={{version}} when told, as runsheets.js does.");

            // Warm the now page and the live form untimed (the JIT), as a server that has run a while has.
            foreach (var fetcher in fetchers)
            {
                for (var i = 0; i < 50; i++)
                {
                    (await fetcher.GetAsync(nowPath)).EnsureSuccessStatusCode();
                    (await fetcher.GetAsync($"{partPath}&v=0")).EnsureSuccessStatusCode();
                }
            }
            var single = new List<double>();
            for (var i = 0; i < 50; i++)
            {
                var one = Stopwatch.StartNew();
                using var response = await fetchers[0].GetAsync($"{partPath}&v=-{i}");
                var length = (await response.Content.ReadAsByteArrayAsync()).Length;
                single.Add(one.Elapsed.TotalMilliseconds);
                if (i == 0)
                {
                    Console.Write($"the part is {length:N0} bytes; ");
                }
            }
            Console.WriteLine($"one fetch at a time (not from the cache), ms: median {single.Order().ElementAt(single.Count / 2):F1}, min {single.Min():F1}");

            var expectedVersions = new List<long>();
            var posts = new List<double>();
            for (var change = 0; change < changes; change++)
            {
                var form = await cast.OwnerClient.ReadFormAsync(livePath, change == 0 ? "Start" : "Extend");
                var version = long.Parse(form.Fields["version"], CultureInfo.InvariantCulture) + 1;
                expectedVersions.Add(version);
                Interlocked.Exchange(ref sent, Stopwatch.GetTimestamp());
                var post = Stopwatch.StartNew();
                var response = await cast.OwnerClient.PostAsync(form.Action, form.Fields);
                posts.Add(post.Elapsed.TotalMilliseconds);
                if ((int)response.StatusCode != 302)
                {
                    throw new InvalidOperationException($"change {change} was refused: {response.StatusCode}");
                }
                var until = DateTime.UtcNow.AddSeconds(15);
                while (views.Count(v => v.Version == version) + Volatile.Read(ref failures) < devices && DateTime.UtcNow < until)
                {
                    await Task.Delay(20);
                }
                await Task.Delay(300);
            }

            static double At(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            var expected = (long)devices * changes;
            var heard = arrivals.Where(a => expectedVersions.Contains(a.Version)).Select(a => a.Milliseconds).Order().ToArray();
            var shown = views.Where(v => expectedVersions.Contains(v.Version)).Select(v => v.Milliseconds).Order().ToArray();
            var postTimes = posts.Order().ToArray();
            Console.WriteLine($"lead's POST (change through the pipeline, redirect answered), ms: p50 {At(postTimes, 0.5):F1}, max {At(postTimes, 1):F1}");
            Console.WriteLine($"live message heard: {heard.Length} of {expected}; ms from the POST sent: p50 {At(heard, 0.5):F1}, p95 {At(heard, 0.95):F1}, p99 {At(heard, 0.99):F1}, max {At(heard, 1):F1}");
            Console.WriteLine($"view brought up to date (heard + GET of the part): {shown.Length} of {expected}, {failures} failed; ms: p50 {At(shown, 0.5):F1}, p95 {At(shown, 0.95):F1}, p99 {At(shown, 0.99):F1}, max {At(shown, 1):F1}");
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
            fetchers.ForEach(f => f.Dispose());
            return shown.Length == expected && failures == 0 ? 0 : 1;
        }
        finally
        {
            for (var i = apps.Count - 1; i >= 0; i--)
            {
                await apps[i].DisposeAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
