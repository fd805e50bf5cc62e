using Cocreo.Web.Features.Processes;

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
/// The one place that decides who may do what with a journey map; pages, endpoints and tests all ask it. It builds on
/// the process's rules: who may see the process may see and contribute to its map, who runs the process runs the map,
/// and the organisation's staff (at a desk, in the field) may also enter assisted contributions and read the dashboard.
/// </summary>
public static class JourneyPermissions
{
    public static bool Allows(JourneyAction action, JourneySubject subject, ProcessAccess who)
    {
        var canSee = ProcessPermissions.Allows(ProcessAction.View, subject.Visibility, subject.ProcessClosed, who);
        var runs = ProcessPermissions.Allows(ProcessAction.Edit, subject.Visibility, subject.ProcessClosed, who);
        var team = who.IsPlatformAdmin || who.IsProcessTeam || who.OrganisationRole is not null;
        return action switch
        {
            JourneyAction.View => canSee,
            JourneyAction.Contribute => canSee && subject.MapOpen && !subject.ProcessClosed,
            JourneyAction.Create or JourneyAction.Edit or JourneyAction.Moderate or JourneyAction.ManageBacklog => runs,
            // Paper forms collected before the map closed may still be typed in, until the process itself closes.
            JourneyAction.EnterAssisted => team && canSee && !subject.ProcessClosed,
            JourneyAction.ViewDashboard => team && canSee,
            _ => false,
        };
    }
}
