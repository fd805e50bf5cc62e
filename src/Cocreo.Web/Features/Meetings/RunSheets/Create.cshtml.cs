using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>The team makes the meeting's run sheet from a format: the six formats with their explanations, then the chosen one's numbers.</summary>
public sealed class RunSheetCreateModel(MeetingAccessReader meetings, RunSheetStore sheets, ChangeRunner changes, DateDisplay dates, IStringLocalizer<RunSheetText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MeetingFormat? Format { get; set; }

    [BindProperty]
    public FormatForm Input { get; set; } = new();

    public MeetingView View { get; private set; } = null!;

    /// <summary>The meeting's current run sheet, if it has one (it would be replaced).</summary>
    public RunSheet? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Format is { } format && Enum.IsDefined(format))
        {
            Input.From(View.Meeting, format, dates);
            Input.Replaces = Existing?.Version;
        }
        else
        {
            Format = null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] CreateRunSheet.Handler create, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Format is not { } format || !Enum.IsDefined(format))
        {
            ModelState.AddModelError(nameof(Format), t["Choose a format."]);
            Format = null;
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        Input.Check(format, ModelState, nameof(Input), t);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var answer = await changes.RunAsync(create, new CreateRunSheet.Command(id, format, Input.ToParameters(dates, View.Meeting.Language), Input.Replaces), cancellationToken);
        if (answer.Applied)
        {
            return this.Done(t["The run sheet is ready: check it and adapt it to your meeting."], $"/meetings/{id}/run-sheet");
        }
        foreach (var problem in answer.Problems)
        {
            ModelState.AddModelError("", RunSheetRefusals.Describe(problem, t));
        }
        Existing = await sheets.FindAsync(id, cancellationToken);
        // The form now names the current sheet: sent again, it replaces what the person has just been shown.
        ModelState.Remove($"{nameof(Input)}.{nameof(FormatForm.Replaces)}");
        Input.Replaces = Existing?.Version;
        return new PageResult { StatusCode = answer.Outcome == RunSheetOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity };
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, RunSheetPermissions.Plan, cancellationToken);
        Existing = await sheets.FindAsync(id, cancellationToken);
    }
}
