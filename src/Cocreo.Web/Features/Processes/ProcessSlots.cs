namespace Cocreo.Web.Features.Processes;

/// <summary>
/// The slots of the process page that other capabilities fill (<see cref="Platform.Capabilities.PageSlot"/>). A slot's
/// view component has one parameter, <c>ProcessView process</c>: the process and who reads it.
/// </summary>
public static class ProcessSlots
{
    /// <summary>Links beside the public log's (a capability with its own pages per process).</summary>
    public const string Links = "process.links";

    /// <summary>Sections after the phases (budgets, assessments...).</summary>
    public const string Sections = "process.sections";
}
