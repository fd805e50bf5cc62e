using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>Names of the process's enumerations in the reader's language.</summary>
public static class ProcessNames
{
    public static string Phase(IStringLocalizer<ProcessText> t, PolicyPhase phase) => phase switch
    {
        PolicyPhase.ProblemDefinition => t["Problem definition"],
        PolicyPhase.SolutionDesign => t["Solution design"],
        PolicyPhase.Implementation => t["Implementation"],
        _ => t["Evaluation"],
    };

    public static string Role(IStringLocalizer<ProcessText> t, ProcessRole role) => role switch
    {
        ProcessRole.Owner => t["Owner and sponsor"],
        ProcessRole.Facilitator => t["Facilitator"],
        ProcessRole.Participant => t["Participant"],
        _ => t["Observer"],
    };

    public static string Visibility(IStringLocalizer<ProcessText> t, ProcessVisibility visibility) => visibility switch
    {
        ProcessVisibility.Public => t["Public: listed and readable by anyone"],
        ProcessVisibility.Unlisted => t["Unlisted: readable by anyone with the link"],
        _ => t["Private: only the organisation's staff and members"],
    };

    public static string VisibilityShort(IStringLocalizer<ProcessText> t, ProcessVisibility visibility) => visibility switch
    {
        ProcessVisibility.Public => t["Public"],
        ProcessVisibility.Unlisted => t["Unlisted"],
        _ => t["Private"],
    };
}
