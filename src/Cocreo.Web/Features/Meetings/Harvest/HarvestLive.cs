using System.Globalization;
using System.Security.Claims;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Live;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>
/// "harvest:{meetingId}": the live harvest page watches it; whoever may see the meeting may watch. Updates say only
/// which meeting and when (no text, no names): the page fetches what is new.
/// </summary>
public sealed class HarvestLiveTopic(IServiceScopeFactory scopes) : ILiveTopic
{
    public const string Kind = "harvest";

    public string Prefix => Kind;

    public static string For(int meetingId) => LiveTopicName.For(Kind, meetingId);

    public async Task<bool> MayWatchAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<MeetingAccessReader>().ReadAsync(meetingId, user, MeetingAction.View, cancellationToken);
            return true;
        }
        catch (RefusedException)
        {
            return false;
        }
    }
}
