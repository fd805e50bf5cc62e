using System.ComponentModel.DataAnnotations;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>A session's report as its convener types it (Markdown).</summary>
public sealed class SessionReportForm
{
    [StringLength(RunSheetLimits.ReportLength, ErrorMessage = "The report can have at most {1} characters.")]
    public string? Report { get; set; }
}

/// <summary>
/// One session of the grid: its time, space, convener (display name) and report (Markdown, sanitised). Its convener
/// and the team write the report, move the session to a free cell or withdraw it; each form names the version it was
/// drawn on, and a change made on an older one is refused with the current grid and the form as typed.
/// </summary>
public sealed class GridSessionModel(GridAccess access, ChangeRunner changes, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> runSheetText) : PageModel
{
    [BindProperty]
    public SessionReportForm Input { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    public GridView View { get; private set; } = null!;
    public GridSession Session { get; private set; } = null!;
    public RunSheetBlock? Slot { get; private set; }
    public GridSpace? Space { get; private set; }
    public string? Convener { get; private set; }
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool Conflicted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int sessionId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, sessionId, cancellationToken);
        Input.Report = Session.Report;
        Version = View.Sheet!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int sessionId, [FromServices] ChangeGrid.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(id, sessionId, cancellationToken);
        RefusedException.Unless(View.Decide(GridAction.Report, Session), View.Meeting.Access.IsAuthenticated);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var answer = await changes.RunAsync(handler, new ChangeGrid.Command(id, Version, new ReportSession(sessionId, (Input.Report ?? "").Trim())), cancellationToken);
        return answer.Applied
            ? this.Done(t["The session's report was saved."], $"/meetings/{id}/grid/sessions/{sessionId}")
            : await RefusedAsync(id, sessionId, answer, cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int sessionId, string? cell, [FromServices] ChangeGrid.Handler handler, CancellationToken cancellationToken)
    {
        ModelState.Remove("Input.Report");
        await LoadAsync(id, sessionId, cancellationToken);
        RefusedException.Unless(View.Decide(GridAction.Convene, Session), View.Meeting.Access.IsAuthenticated);
        if (!GridCells.TryParse(cell, out var slot, out var space))
        {
            ModelState.AddModelError("cell", t["Choose a free place on the grid: a time and a space."]);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var answer = await changes.RunAsync(handler, new ChangeGrid.Command(id, Version, new MoveSession(sessionId, slot, space)), cancellationToken);
        return answer.Applied
            ? this.Done(t["The session was moved."], $"/meetings/{id}/grid/sessions/{sessionId}")
            : await RefusedAsync(id, sessionId, answer, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int sessionId, [FromServices] ChangeGrid.Handler handler, CancellationToken cancellationToken)
    {
        ModelState.Remove("Input.Report");
        await LoadAsync(id, sessionId, cancellationToken);
        RefusedException.Unless(View.Decide(GridAction.Convene, Session), View.Meeting.Access.IsAuthenticated);
        var answer = await changes.RunAsync(handler, new ChangeGrid.Command(id, Version, new RemoveSession(sessionId)), cancellationToken);
        return answer.Applied
            ? this.Done(t["The session was withdrawn; its place on the grid is free again."], $"/meetings/{id}/grid")
            : await RefusedAsync(id, sessionId, answer, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(int id, int sessionId, RunSheetAnswer answer, CancellationToken cancellationToken)
    {
        await LoadAsync(id, sessionId, cancellationToken);
        Conflicted = answer.Outcome == RunSheetOutcome.Conflict;
        ModelState.Remove(nameof(Version));
        Version = View.Sheet!.Version;
        return new PageResult { StatusCode = GridRefusals.Show(answer, ModelState, t, runSheetText) };
    }

    private async Task LoadAsync(int id, int sessionId, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(id, User, cancellationToken);
        var grid = View.Grid!;
        Session = RefusedException.IfMissing(grid.Sessions.FirstOrDefault(s => s.Id == sessionId));
        Slot = View.Sheet!.Find(Session.SlotBlockId);
        Space = grid.Spaces.FirstOrDefault(s => s.Id == Session.SpaceId);
        Names = await access.NamesAsync(grid.Sessions.Select(s => s.ConvenerId), cancellationToken);
        Convener = Session.ConvenerId is { } c && Names.TryGetValue(c, out var name) ? name : null;
    }
}
