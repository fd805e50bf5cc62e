using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// The facilitators' phone view: the "now" view with the facilitators' instructions, and the lead facilitator's
/// buttons (start the next block, extend the current one, finish it, skip or bring back a block). Each button carries
/// the version it was drawn on; a button pressed on an old view is refused with the current state.
/// </summary>
public sealed class RunSheetLiveModel(MeetingAccessReader meetings, RunSheetStore sheets, RunSheetPeople people, ChangeRunner changes, IStringLocalizer<RunSheetText> t) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public RunSheet? Sheet { get; private set; }

    /// <summary>The display names of the people who take roles in the sheet ("who does what").</summary>
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(int id, long version, int blockId, [FromServices] ChangeRunSheet.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(id, version, new StartBlock(blockId, default), handler, t["The block has started."], cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(int id, long version, int blockId, int minutes, [FromServices] ChangeRunSheet.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(id, version, new ExtendBlock(blockId, minutes), handler, t["The block's length was changed; the rest of the plan follows."], cancellationToken);

    public Task<IActionResult> OnPostFinishAsync(int id, long version, int blockId, [FromServices] ChangeRunSheet.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(id, version, new FinishBlock(blockId, default), handler, t["The block is finished."], cancellationToken);

    public Task<IActionResult> OnPostSkipAsync(int id, long version, int blockId, [FromServices] ChangeRunSheet.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(id, version, new SkipBlock(blockId), handler, t["The block is skipped."], cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(int id, long version, int blockId, [FromServices] ChangeRunSheet.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(id, version, new RestoreBlock(blockId), handler, t["The block is back in the plan."], cancellationToken);

    private async Task<IActionResult> RunAsync(int id, long version, RunSheetCommand command, ChangeRunSheet.Handler handler, string done, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var answer = await changes.RunAsync(handler, new ChangeRunSheet.Command(id, version, command), cancellationToken);
        if (answer.Applied)
        {
            return this.Done(done, $"/meetings/{id}/run-sheet/live");
        }
        Sheet = await sheets.FindAsync(id, cancellationToken);
        return new PageResult { StatusCode = RunSheetPages.Refused(answer, ModelState, t) };
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, RunSheetPermissions.Live, cancellationToken);
        Sheet = await sheets.FindAsync(id, cancellationToken);
        People = Sheet is null ? People : await people.NamesAsync(Sheet, cancellationToken);
    }
}
