using System.ComponentModel.DataAnnotations;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>A block as the team types it.</summary>
public sealed class BlockForm
{
    [Required(ErrorMessage = "Give the block a title.")]
    [StringLength(RunSheetLimits.TitleLength, ErrorMessage = "The title can have at most {1} characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Give the block's length in minutes.")]
    [Range(1, RunSheetLimits.DayMinutes, ErrorMessage = "A block lasts from {1} to {2} minutes.")]
    public int? Minutes { get; set; }

    public BlockKind Kind { get; set; } = BlockKind.Plenary;

    [StringLength(RunSheetLimits.PurposeLength, ErrorMessage = "The purpose can have at most {1} characters.")]
    public string? Purpose { get; set; }

    [StringLength(RunSheetLimits.InstructionsLength, ErrorMessage = "The instructions can have at most {1} characters.")]
    public string? Instructions { get; set; }

    /// <summary>One a line.</summary>
    [StringLength(RunSheetLimits.Materials * (RunSheetLimits.TitleLength + 2), ErrorMessage = "The materials can have at most {1} characters.")]
    public string? Materials { get; set; }

    [StringLength(RunSheetLimits.PurposeLength, ErrorMessage = "The round question can have at most {1} characters.")]
    public string? RoundQuestion { get; set; }

    public void From(RunSheetBlock block)
    {
        Title = block.Title;
        Minutes = block.Minutes;
        Kind = block.Kind;
        Purpose = block.Purpose;
        Instructions = block.Instructions;
        Materials = string.Join("\n", block.Materials);
        RoundQuestion = block.RoundQuestion;
    }

    /// <summary>The block's content; the roles (not on the form) are kept from the block it changes.</summary>
    public BlockDraft ToDraft(IReadOnlyList<BlockRole> roles) => new()
    {
        Title = Title.Trim(),
        Minutes = Minutes ?? 0,
        Kind = Enum.IsDefined(Kind) ? Kind : BlockKind.Plenary,
        Purpose = Purpose?.Trim() ?? "",
        Instructions = Instructions?.Trim() ?? "",
        Materials = (Materials ?? "").Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0).ToList(),
        RoundQuestion = string.IsNullOrWhiteSpace(RoundQuestion) ? null : RoundQuestion.Trim(),
        Roles = roles,
    };
}

/// <summary>
/// Adds a block (at the end) or changes one. The form carries the version it was made on; if someone changed the
/// sheet meanwhile the change is refused (409), the current plan is shown, and the form keeps what was typed with the
/// current version, so saving again is a decision made having seen the other change.
/// </summary>
public sealed class RunSheetBlockModel(MeetingAccessReader meetings, RunSheetStore sheets, ChangeRunner changes, IStringLocalizer<RunSheetText> t) : PageModel
{
    [BindProperty]
    public BlockForm Input { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    public MeetingView View { get; private set; } = null!;
    public RunSheet Sheet { get; private set; } = null!;
    public RunSheetBlock? Block { get; private set; }
    public bool Conflicted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? blockId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, blockId, cancellationToken);
        if (Block is not null)
        {
            Input.From(Block);
        }
        Version = Sheet.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? blockId, [FromServices] ChangeRunSheet.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(id, blockId, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        RunSheetCommand command = Block is null ? new AddBlock(Input.ToDraft([])) : new ChangeBlock(Block.Id, Input.ToDraft(Block.Roles));
        var answer = await changes.RunAsync(handler, new ChangeRunSheet.Command(id, Version, command), cancellationToken);
        if (answer.Applied)
        {
            return this.Done(Block is null ? t["The block was added at the end; move it where it belongs."] : t["The block was changed."], $"/meetings/{id}/run-sheet" + (Block is null ? "" : $"#block-{Block.Id}"));
        }
        Conflicted = answer.Outcome == RunSheetOutcome.Conflict;
        Sheet = await sheets.FindAsync(id, cancellationToken) ?? Sheet;
        ModelState.Remove(nameof(Version));
        Version = Sheet.Version;
        return new PageResult { StatusCode = RunSheetPages.Refused(answer, ModelState, t) };
    }

    private async Task LoadAsync(int id, int? blockId, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, RunSheetPermissions.Plan, cancellationToken);
        Sheet = RefusedException.IfMissing(await sheets.FindAsync(id, cancellationToken));
        Block = blockId is { } bid ? RefusedException.IfMissing(Sheet.Find(bid)) : null;
    }
}
