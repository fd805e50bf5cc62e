using Microsoft.AspNetCore.SignalR;

namespace Cocreo.Web.Platform.Live;

/// <summary>
/// The one SignalR hub pages connect to (<c>/live</c>). A page asks to watch topics; the topic's capability decides
/// whether this person may. Updates are sent by <see cref="LiveUpdates"/> to everyone watching, on whichever
/// instance they are connected (the Redis backplane carries them between instances).
/// </summary>
public sealed class LiveHub(IServiceProvider services) : Hub
{
    public const string Path = "/live";

    /// <summary>The client method updates arrive at: (topic, payload).</summary>
    public const string ChangedMethod = "changed";

    /// <summary>At most this many topics per connection: a page watches one or two; more is someone probing.</summary>
    public const int MaxTopicsPerConnection = 20;

    /// <summary>Starts sending the topic's updates to this connection. False when the topic is unknown or not for this person.</summary>
    public async Task<bool> Watch(string topic)
    {
        if (!LiveTopicName.TryParse(topic, out var prefix, out var id))
        {
            return false;
        }
        var watched = Watched();
        if (!watched.Contains(topic) && watched.Count >= MaxTopicsPerConnection)
        {
            return false;
        }
        var kind = services.GetServices<ILiveTopic>().FirstOrDefault(t => string.Equals(t.Prefix, prefix, StringComparison.Ordinal));
        if (kind is null || Context.User is null || !await kind.MayWatchAsync(Context.User, id, Context.ConnectionAborted))
        {
            return false;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, topic, Context.ConnectionAborted);
        watched.Add(topic);
        return true;
    }

    public async Task Unwatch(string topic)
    {
        if (Watched().Remove(topic))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, topic, Context.ConnectionAborted);
        }
    }

    private HashSet<string> Watched()
    {
        if (Context.Items.TryGetValue(nameof(Watched), out var value) && value is HashSet<string> set)
        {
            return set;
        }
        var created = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[nameof(Watched)] = created;
        return created;
    }
}
