using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>
/// How the grid's pages and API say why a change was not made: a conflict says the current grid is shown; the grid's
/// own refusals (a taken cell, an unknown session or space) in English as the engine wrote them (naming the free
/// spaces), in another language the same detail with its numbers and names when the engine gave one (<see cref="RunSheetDetail"/>), else the grid's general text; other problems as the run sheet says them.
/// </summary>
public static class GridRefusals
{
    public static string Describe(RunSheetProblem problem, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> runSheetText) => problem.Kind switch
    {
        RunSheetProblemKind.Conflict => t["Someone else changed the grid after you opened it, so your change was not made. The current grid is shown: look at it and try again."],
        _ when Cultures.Current != "en" && problem.Detail is not null && RunSheetRefusals.Detailed(problem.Detail, runSheetText) is { } detailed => detailed,
        RunSheetProblemKind.BadGrid when Cultures.Current != "en" => t["The grid does not allow this: that place is taken (choose a free one), or the session or space is no longer there, or the space still has sessions."],
        RunSheetProblemKind.BadTitle when Cultures.Current != "en" => t["Give the session or space a title of 1 to 200 characters."],
        RunSheetProblemKind.TextTooLong when Cultures.Current != "en" => t["A session's report has at most 20,000 characters."],
        _ => RunSheetRefusals.Describe(problem, runSheetText),
    };

    /// <summary>Puts each problem into the error summary; 409 for a conflict, 422 otherwise.</summary>
    public static int Show(RunSheetAnswer answer, ModelStateDictionary state, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> runSheetText)
    {
        foreach (var message in answer.Problems.Select(p => Describe(p, t, runSheetText)).Distinct())
        {
            state.AddModelError("", message);
        }
        return answer.Outcome == RunSheetOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
    }
}
