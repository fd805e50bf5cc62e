using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>What someone may do with a journey map.</summary>
public enum JourneyAction
{
    /// <summary>Read the map, the ideas and what became of the input.</summary>
    View,

    /// <summary>Walk the journey and say how it went, as a service user.</summary>
    Contribute,

    /// <summary>Start a journey map in the process.</summary>
    Create,

    /// <summary>Change the service, stages, touchpoints, tags and profile questions; open or close it.</summary>
    Edit,

    /// <summary>Enter a contribution gathered on paper, in person or by phone on behalf of a service user.</summary>
    EnterAssisted,

    /// <summary>See the renewal team's dashboard and export it.</summary>
    ViewDashboard,

    /// <summary>Hide a contribution with a public reason, or show it again.</summary>
    Moderate,

    /// <summary>Add and change renewal backlog items and link input to them.</summary>
    ManageBacklog,
}

/// <summary>The facts about a map (and its process) that permissions depend on.</summary>
public sealed record JourneySubject(ProcessVisibility Visibility, bool ProcessClosed, bool MapOpen)
{
    public static JourneySubject Of(Process process, JourneyMap? map) => new(process.Visibility, process.IsClosed, map?.IsOpen ?? false);
}

/// <summary>
/// The one place that decides who may do what with a journey map; pages, endpoints, handlers and tests all ask it. It
/// builds on the process's rules: who may see the process may see and contribute to its map, who runs the process
/// runs the map, and the organisation's staff (at a desk, in the field) may also enter assisted contributions and
/// read the dashboard. A refusal says why: a map whose process the person may not see does not exist for them;
/// otherwise the reason is who they are, or the state of the map or the process.
/// </summary>
public static class JourneyPermissions
{
    public static bool Allows(JourneyAction action, JourneySubject subject, ProcessAccess who) => Decide(action, subject, who).IsAllowed;

    public static Decision Decide(JourneyAction action, JourneySubject subject, ProcessAccess who)
    {
        if (!ProcessPermissions.CanSee(subject.Visibility, who))
        {
            return Decision.Hidden;
        }
        // The organisation's staff work with service users at the desk and in the field; running the map is the team's.
        var team = who.IsPlatformAdmin || who.IsProcessTeam || who.OrganisationRole is not null;
        // Who runs the process runs its maps, while the process is open.
        return action switch
        {
            JourneyAction.View => Decision.Allowed,
            JourneyAction.Contribute => ProcessPermissions.Open(subject.ProcessClosed)
                .And(() => subject.MapOpen ? Decision.Allowed : Decision.NotNow("This journey map is not taking contributions now.", typeof(JourneyPermissions))),
            JourneyAction.Create => !who.Runs ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, start journey maps.") : ProcessPermissions.Open(subject.ProcessClosed),
            JourneyAction.Edit => !who.Runs ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, change the journey map.") : ProcessPermissions.Open(subject.ProcessClosed),
            JourneyAction.Moderate => !who.Runs ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, moderate contributions.") : ProcessPermissions.Open(subject.ProcessClosed),
            JourneyAction.ManageBacklog => !who.Runs ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, keep the renewal backlog.") : ProcessPermissions.Open(subject.ProcessClosed),
            // Paper forms collected before the map closed may still be typed in, until the process itself closes.
            JourneyAction.EnterAssisted => !team
                ? NotYours("Only the process's team and the organisation's staff enter journeys gathered offline.")
                : ProcessPermissions.Open(subject.ProcessClosed),
            JourneyAction.ViewDashboard => team ? Decision.Allowed : NotYours("Only the process's team and the organisation's staff see the dashboard."),
            _ => NotYours("This change is not allowed."),
        };
    }

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(JourneyPermissions));
}
