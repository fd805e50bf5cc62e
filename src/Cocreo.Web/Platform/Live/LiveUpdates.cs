using Microsoft.AspNetCore.SignalR;

namespace Cocreo.Web.Platform.Live;

/// <summary>
/// Sends an update to every page watching a topic, on every instance. Payloads say what changed (a version, a
/// time), never personal data: whoever may watch the topic may read them.
/// </summary>
public sealed class LiveUpdates(IHubContext<LiveHub> hub, ILogger<LiveUpdates> logger)
{
    public async Task PublishAsync(string topic, object payload, CancellationToken cancellationToken = default)
    {
        try
        {
            await hub.Clients.Group(topic).SendAsync(LiveHub.ChangedMethod, topic, payload, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A live update is a courtesy: the data is saved and pages show it on their next load. A backplane that
            // is down must not fail the change that was just made.
            logger.LogWarning(e, "Could not send a live update for {Topic}", topic);
        }
    }
}
