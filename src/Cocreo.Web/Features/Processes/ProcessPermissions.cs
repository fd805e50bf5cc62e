using Cocreo.Web.Features.Organisations;

namespace Cocreo.Web.Features.Processes;

/// <summary>What someone may do with a process.</summary>
public enum ProcessAction
{
    View,
    ViewMembers,
    Edit,
    ManagePhases,
    ManageMembers,
    Announce,
    Reflect,
    Join,
    Leave,
}

/// <summary>Who someone is with respect to one process: the facts its permissions depend on.</summary>
public sealed record ProcessAccess(string? UserId, bool IsPlatformAdmin, OrganisationRole? OrganisationRole, ProcessRole? Role)
{
    public static ProcessAccess Anonymous { get; } = new(null, false, null, null);

    public bool IsAuthenticated => UserId is not null;

    /// <summary>Runs the process: its owner or a facilitator.</summary>
    public bool IsProcessTeam => Role is ProcessRole.Owner or ProcessRole.Facilitator;
}

/// <summary>
/// The one place that decides who may do what with a process; pages, API endpoints and tests all ask it.
/// </summary>
public static class ProcessPermissions
{
    public static bool Allows(ProcessAction action, Process process, ProcessAccess who) =>
        Allows(action, process.Visibility, process.IsClosed, who);

    public static bool Allows(ProcessAction action, ProcessVisibility visibility, bool isClosed, ProcessAccess who)
    {
        var canSee = visibility != ProcessVisibility.Private || who.IsPlatformAdmin || who.OrganisationRole is not null || who.Role is not null;
        var runs = who.IsPlatformAdmin || who.IsProcessTeam || who.OrganisationRole == OrganisationRole.Administrator;
        return action switch
        {
            ProcessAction.View => canSee,
            ProcessAction.ViewMembers => who.IsPlatformAdmin || who.OrganisationRole is not null || who.IsProcessTeam,
            ProcessAction.Edit or ProcessAction.ManagePhases or ProcessAction.Announce => runs && !isClosed,
            ProcessAction.ManageMembers => (who.IsPlatformAdmin || who.Role == ProcessRole.Owner || who.OrganisationRole == OrganisationRole.Administrator) && !isClosed,
            // Reflections and learnings matter most after the end, so they stay open for the team.
            ProcessAction.Reflect => who.IsProcessTeam,
            ProcessAction.Join => who.IsAuthenticated && who.Role is null && !isClosed && visibility != ProcessVisibility.Private,
            ProcessAction.Leave => who.Role is not null,
            _ => false,
        };
    }
}
