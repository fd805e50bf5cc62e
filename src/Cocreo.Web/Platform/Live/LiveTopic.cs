using System.Security.Claims;

namespace Cocreo.Web.Platform.Live;

/// <summary>
/// A kind of thing pages can watch for live updates, such as a conversation's opinion map ("conversation:42").
/// The capability that publishes updates registers one per prefix and decides who may watch an item: the hub asks
/// it on every watch request, on fresh data, so a private item's updates never reach an outsider.
/// </summary>
public interface ILiveTopic
{
    /// <summary>The part before the colon, e.g. "conversation".</summary>
    string Prefix { get; }

    /// <summary>Whether this person (maybe anonymous) may watch the item with this id.</summary>
    Task<bool> MayWatchAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken);
}

/// <summary>A topic's name: a registered prefix and an item id, "prefix:id".</summary>
public static class LiveTopicName
{
    public const int MaxLength = 100;

    public static string For(string prefix, object id) => prefix + ":" + id;

    public static bool TryParse(string? topic, out string prefix, out string id)
    {
        prefix = id = "";
        if (string.IsNullOrEmpty(topic) || topic.Length > MaxLength)
        {
            return false;
        }
        var colon = topic.IndexOf(':');
        if (colon <= 0 || colon == topic.Length - 1)
        {
            return false;
        }
        prefix = topic[..colon];
        id = topic[(colon + 1)..];
        return true;
    }
}
