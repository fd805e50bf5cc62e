using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>The team's page of the run sheet: the plan with its projected times, moving and removing blocks, links to the blocks, the projector and the phone view.</summary>
public sealed class RunSheetModel(MeetingAccessReader meetings, RunSheetStore sheets, ChangeRunner changes, IStringLocalizer<RunSheetText> t) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public RunSheet? Sheet { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostMoveAsync(int id, long version, int blockId, int toIndex, [FromServices] ChangeRunSheet.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(id, version, new MoveBlock(blockId, toIndex), handler, t["The block was moved; the times after it follow."], cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, long version, int blockId, [FromServices] ChangeRunSheet.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(id, version, new RemoveBlock(blockId), handler, t["The block was removed; the times after it follow."], cancellationToken);

    private async Task<IActionResult> RunAsync(int id, long version, RunSheetCommand command, ChangeRunSheet.Handler handler, string done, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var answer = await changes.RunAsync(handler, new ChangeRunSheet.Command(id, version, command), cancellationToken);
        if (answer.Applied)
        {
            return this.Done(done, $"/meetings/{id}/run-sheet");
        }
        Sheet = await sheets.FindAsync(id, cancellationToken);
        return new PageResult { StatusCode = RunSheetPages.Refused(answer, ModelState, t) };
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, RunSheetPermissions.Plan, cancellationToken);
        Sheet = await sheets.FindAsync(id, cancellationToken);
    }
}
