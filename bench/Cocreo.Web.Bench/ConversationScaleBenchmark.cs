using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cocreo.Web.Platform.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cocreo.Web.Bench;

// The large conversation against a running server (bench/conversations/scale.sh, docs/benchmarks.md):
//   conversation-scale URL CONVERSATION PARTICIPANTS [BURST=1000] [NEXT_REQUESTS=500]
// 1. the first map (the first read computes it: every vote read once);
// 2. next-statement latency: NEXT_REQUESTS requests, one at a time, each as a different prepared participant (keys "bench-<n>");
// 3. a burst of BURST votes by new participants through the API (32 at a time) while a live page (SignalR) watches the
//    conversation: how long after the burst's last vote was acknowledged the page hears of a map that includes it.
public static partial class ConversationScaleBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var server = new Uri(args[0]);
        var conversation = int.Parse(args[1], CultureInfo.InvariantCulture);
        var participants = int.Parse(args[2], CultureInfo.InvariantCulture);
        var burst = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000;
        var nextRequests = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 500;
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(10) };

        var first = Stopwatch.StartNew();
        var map = await MapAsync(http, conversation);
        Console.WriteLine($"first map: {first.Elapsed.TotalSeconds:F1} s ({map.Votes} votes of {map.Participants} participants)");

        var latencies = new List<double>();
        var random = new Random(5);
        for (var i = 0; i < nextRequests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/conversations/{conversation}/next");
            request.Headers.Add("Cookie", "cocreo.conversation=" + ConversationBenchmark.BenchKey(random.Next(participants)));
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NoContent))
            {
                throw new InvalidOperationException($"next answered {(int)response.StatusCode}");
            }
        }
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"next statement, {nextRequests} requests one at a time: p50 {Percentile(latencies, 0.5):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms"));

        // The antiforgery cookie and token of the conversation page, as a browser has them.
        using var page = await http.GetAsync($"/conversations/{conversation}");
        var body = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(body).Groups[1].Value;
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("cocreo.af=", StringComparison.Ordinal)).Split(';')[0];

        var heard = new ConcurrentQueue<(long At, int Votes)>();
        await using var live = new HubConnectionBuilder()
            .WithUrl(new Uri(server, LiveHub.Path.TrimStart('/')), o => o.Transports = HttpTransportType.WebSockets)
            .Build();
        live.On<string, JsonElement>(LiveHub.ChangedMethod, (_, payload) => heard.Enqueue((Stopwatch.GetTimestamp(), payload.GetProperty("votes").GetInt32())));
        await live.StartAsync();
        if (!await live.InvokeAsync<bool>(nameof(LiveHub.Watch), "conversation:" + conversation.ToString(CultureInfo.InvariantCulture)))
        {
            throw new InvalidOperationException("the live page may not watch the conversation");
        }
        var before = (await MapAsync(http, conversation)).Votes;
        var statements = await StatementIdsAsync(http, conversation);
        var burstStarted = Stopwatch.GetTimestamp();
        var lastAck = 0L;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < burst)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/votes")
                {
                    Content = JsonContent.Create(new { statementId = statements[n % statements.Count], choice = n % 3 == 0 ? "Disagree" : "Agree" }),
                };
                request.Headers.Add("Cookie", $"{cookie}; cocreo.conversation={("burst-" + n.ToString(CultureInfo.InvariantCulture)).PadRight(43, 'y')}");
                request.Headers.Add("X-CSRF-TOKEN", token);
                using var response = await http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"vote answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                var at = Stopwatch.GetTimestamp();
                long seen;
                while ((seen = Interlocked.Read(ref lastAck)) < at && Interlocked.CompareExchange(ref lastAck, at, seen) != seen)
                {
                }
            }
        }));
        Console.WriteLine($"burst: {burst} votes by new participants acknowledged in {Stopwatch.GetElapsedTime(burstStarted, lastAck).TotalSeconds:F2} s");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var update = heard.FirstOrDefault(h => h.Votes >= before + burst);
            if (update.At != 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"map with the whole burst pushed to the live page {Stopwatch.GetElapsedTime(lastAck, update.At).TotalSeconds:F2} s after the last vote was acknowledged ({heard.Count} updates heard; map votes {before} -> {update.Votes})"));
                return 0;
            }
            await Task.Delay(10);
        }
        Console.WriteLine($"no update with the whole burst within 2 minutes ({heard.Count} updates heard: {string.Join(", ", heard.Select(h => h.Votes))})");
        return 1;
    }

    private static async Task<(int Votes, int Participants)> MapAsync(HttpClient http, int conversation)
    {
        var map = await http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}/map");
        return (map.GetProperty("votes").GetInt32(), map.GetProperty("participants").GetInt32());
    }

    private static async Task<List<int>> StatementIdsAsync(HttpClient http, int conversation)
    {
        var document = await http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}");
        return document.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToList();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();
}
