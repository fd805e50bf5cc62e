using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.OpenSpace;

/// <summary>A session as posted at the marketplace.</summary>
public sealed class PostSessionForm
{
    [Required(ErrorMessage = "Choose a free place on the grid: a time and a space.")]
    public string? Cell { get; set; }

    [Required(ErrorMessage = "Give your session a title.")]
    [StringLength(RunSheetLimits.TitleLength, ErrorMessage = "The title can have at most {1} characters.")]
    public string? Title { get; set; }
}

/// <summary>
/// The marketplace: the grid of slots (the run sheet's session blocks) × spaces, each cell the session posted there
/// (title and convener's display name) or free, kept live through the run sheet's topic; the form to post a session
/// onto a free cell, and the team's forms for the spaces. A refused change shows the current grid.
/// When the run sheet changes, every open grid fetches only the grid's part again (<c>?handler=Part&amp;v={version}</c>,
/// see grid.js); see <see cref="CachePolicy"/>.
/// </summary>
[OutputCache(PolicyName = CachePolicy)]
public sealed class GridModel(GridAccess access, ChangeRunner changes, IStringLocalizer<GridText> t, IStringLocalizer<RunSheetText> runSheetText) : PageModel
{
    [BindProperty]
    public PostSessionForm Input { get; set; } = new();

    public GridView View { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// The grid's part for a run sheet's version, asked for by anonymous visitors (the room's phones, a screen), is the
    /// same for all of them: each server renders it once per version and language and answers the rest of the room
    /// from its output cache (ASP.NET Core's default rules: GET, anonymous, 200, no cookie set), for a few seconds, as
    /// the projector's part does (<see cref="RunSheetNowModel.CachePolicy"/>). Signed-in people see their own "post
    /// here" links and get their own part, never from the cache; the page itself is never cached.
    /// </summary>
    public const string CachePolicy = "OpenSpaceGridPart";

    public static void AddCachePolicy(OutputCacheOptions options) =>
        options.AddPolicy(CachePolicy, policy => policy
            .With(c => c.HttpContext.Request.Query["handler"] == "Part" && c.HttpContext.Request.Query["v"].Count == 1)
            .SetVaryByQuery("handler", "v")
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            .Expire(TimeSpan.FromSeconds(10)));

    public async Task<IActionResult> OnGetAsync(int id, string? cell, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.Cell = cell;
        return Page();
    }

    /// <summary>Only the grid (<c>#grid-live</c>'s content), without the page around it.</summary>
    public async Task<IActionResult> OnGetPartAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Partial("_Grid", new GridPart(id, View.Sheet!, Names, View.Can(GridAction.Post)));
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] ChangeGrid.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        RefusedException.Unless(View.Decide(GridAction.Post), View.Meeting.Access.IsAuthenticated);
        if (!GridCells.TryParse(Input.Cell, out var slot, out var space) && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.Cell", t["Choose a free place on the grid: a time and a space."]);
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var answer = await changes.RunAsync(handler, new ChangeGrid.Command(id, null, new PostSession(slot, space, Input.Title!.Trim())), cancellationToken);
        return answer.Applied
            ? this.Done(t["Your session is on the grid. You convene it: after the session, write its report on the session's page."], $"/meetings/{id}/grid")
            : await RefusedAsync(id, answer, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddSpaceAsync(int id, long version, string? name, [FromServices] ChangeGrid.Handler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(id, cancellationToken);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > RunSheetLimits.TitleLength)
        {
            ModelState.AddModelError("name", t["Give the space a name of 1 to 200 characters."]);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var answer = await changes.RunAsync(handler, new ChangeGrid.Command(id, version, new AddSpace(name.Trim())), cancellationToken);
        return answer.Applied ? this.Done(t["The space was added."], $"/meetings/{id}/grid#spaces") : await RefusedAsync(id, answer, cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameSpaceAsync(int id, long version, int spaceId, string? name, [FromServices] ChangeGrid.Handler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(id, cancellationToken);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > RunSheetLimits.TitleLength)
        {
            ModelState.AddModelError("", t["Give the space a name of 1 to 200 characters."]);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var answer = await changes.RunAsync(handler, new ChangeGrid.Command(id, version, new RenameSpace(spaceId, name.Trim())), cancellationToken);
        return answer.Applied ? this.Done(t["The space was renamed."], $"/meetings/{id}/grid#spaces") : await RefusedAsync(id, answer, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveSpaceAsync(int id, long version, int spaceId, [FromServices] ChangeGrid.Handler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(id, cancellationToken);
        var answer = await changes.RunAsync(handler, new ChangeGrid.Command(id, version, new RemoveSpace(spaceId)), cancellationToken);
        return answer.Applied ? this.Done(t["The space was removed."], $"/meetings/{id}/grid#spaces") : await RefusedAsync(id, answer, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(int id, RunSheetAnswer answer, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return new PageResult { StatusCode = GridRefusals.Show(answer, ModelState, t, runSheetText) };
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(id, User, cancellationToken);
        Names = await access.NamesAsync(View.Grid!.Sessions.Select(s => s.ConvenerId), cancellationToken);
    }
}
