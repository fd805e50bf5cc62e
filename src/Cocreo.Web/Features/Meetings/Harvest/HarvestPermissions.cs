using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>What someone may do with a meeting's harvest.</summary>
public enum HarvestAction
{
    /// <summary>Read the published harvest (the live page, the API).</summary>
    View,

    /// <summary>Post an item (it waits for a facilitator).</summary>
    Post,

    /// <summary>See pending items, publish or hide them.</summary>
    Moderate,

    /// <summary>Name harvesters among the registered people, remove them.</summary>
    ManageHarvesters,

    /// <summary>Turn a published item into a conversation statement or a proposal.</summary>
    Convert,
}

/// <summary>The facts the harvest's permissions depend on: the meeting's, and whether the person was named a harvester.</summary>
public sealed record HarvestSubject(MeetingSubject Meeting, bool IsHarvester);

/// <summary>
/// Who may do what with a meeting's harvest. Whoever may see the meeting reads what was published. Harvesters (named
/// by the organisers among the registered people) and the process's team post; the team (owner, facilitators, the
/// organisation's administrators, platform administrators) publishes, hides, names harvesters and turns items into
/// statements or proposals.
/// </summary>
public static class HarvestPermissions
{
    public static bool Allows(HarvestAction action, HarvestSubject subject, ProcessAccess who) => Decide(action, subject, who).IsAllowed;

    public static Decision Decide(HarvestAction action, HarvestSubject subject, ProcessAccess who)
    {
        var meeting = subject.Meeting;
        if (!ProcessPermissions.CanSee(meeting.Visibility, who))
        {
            return Decision.Hidden;
        }
        if (action == HarvestAction.View)
        {
            return Decision.Allowed;
        }
        if (meeting.ProcessArchived)
        {
            return ProcessPermissions.Archived;
        }
        return action switch
        {
            HarvestAction.Post => !who.IsAuthenticated
                ? NotYours("Sign in to post to the harvest.")
                : !(who.Runs || subject.IsHarvester)
                    ? NotYours("Only the meeting's harvesters and the process's team post to the harvest.")
                    : meeting.Cancelled ? NotNow("This meeting is cancelled.") : Decision.Allowed,
            HarvestAction.Moderate => who.Runs
                ? Decision.Allowed
                : NotYours("Only the process's owner and facilitators, and the organisation's administrators, publish the harvest."),
            HarvestAction.ManageHarvesters => !who.Runs
                ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, name harvesters.")
                : meeting.Cancelled ? NotNow("This meeting is cancelled.") : Decision.Allowed,
            HarvestAction.Convert => !who.Runs
                ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, turn the harvest into statements and proposals.")
                : ProcessPermissions.Open(meeting.ProcessClosed),
            _ => NotYours("This change is not allowed."),
        };
    }

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(HarvestPermissions));

    private static Decision NotNow(string reason) => Decision.NotNow(reason, typeof(HarvestPermissions));
}
