using Cocreo.Meetings.RunSheets;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>How the run-sheet pages show a change that was not made: each problem in the error summary, and the status code (409 for a conflict, 422 otherwise).</summary>
public static class RunSheetPages
{
    public static int Refused(RunSheetAnswer answer, ModelStateDictionary state, IStringLocalizer<RunSheetText> T)
    {
        foreach (var problem in answer.Problems.DistinctBy(p => RunSheetRefusals.Describe(p, T)))
        {
            state.AddModelError("", RunSheetRefusals.Describe(problem, T));
        }
        return answer.Outcome == RunSheetOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
    }
}
