using Cocreo.Meetings.RunSheets;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>
/// A World Café run sheet sets up its table plan: the form is filled with the sheet's rounds (its Round blocks that
/// are not skipped) and tables for the room (the distinct table hosts assigned in the sheet's rounds, if any; else one
/// table per <see cref="PeoplePerTable"/> registered people, as the method's small tables of four or five). The
/// organiser still checks it and presses compute.
/// </summary>
public static class WorldCafeSetup
{
    public const int PeoplePerTable = 5;

    /// <summary>Fills the rounds and tables; false (the form untouched) when the sheet has no rounds.</summary>
    public static bool Fill(TablePlanForm form, RunSheet sheet, int registered)
    {
        var rounds = RunSheetRoundQuestions.Rounds(sheet);
        if (rounds.Count == 0)
        {
            return false;
        }
        form.Rounds = Math.Min(rounds.Count, ComputeTablePlan.MaxRounds);
        var hosts = rounds.SelectMany(b => b.Roles).Where(r => r.Role == FacilitationRole.TableHost && r.AssigneeId is not null).Select(r => r.AssigneeId).Distinct().Count();
        var tables = hosts > 0 ? hosts : registered > 0 ? (registered + PeoplePerTable - 1) / PeoplePerTable : form.Tables ?? 1;
        form.Tables = Math.Clamp(tables, 1, ComputeTablePlan.MaxTables);
        return true;
    }
}
