using System.Collections.Concurrent;
using Cocreo.Web.Platform.Live;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cocreo.Web.Tests.Shared;

/// <summary>Open pages as the live-update tests see them: a SignalR connection to an app's <c>/live</c>, and what it received.</summary>
internal static class LivePages
{
    /// <summary>Connects to the app's hub through its test server (long polling: the test server has no sockets).</summary>
    public static async Task<HubConnection> ConnectAsync(CocreoApp app)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, LiveHub.Path.TrimStart('/')), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Every update the connection receives, as (topic, payload JSON).</summary>
    public static ConcurrentQueue<(string Topic, string Payload)> Record(HubConnection connection)
    {
        var received = new ConcurrentQueue<(string, string)>();
        connection.On<string, System.Text.Json.JsonElement>(LiveHub.ChangedMethod, (topic, payload) => received.Enqueue((topic, payload.GetRawText())));
        return received;
    }

    /// <summary>Whether the condition holds within the time (checked every 50 ms).</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return condition();
    }
}
