using Cocreo.Meetings.TablePlans;
using Cocreo.Web.Features.Meetings.Profiles;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>
/// The organisers' table plan for a World Café: the request (tables, rounds, seats, hosts, what to mix on, bounds,
/// who: registered or checked in, rounds already held), computing it, and its explanation.
/// </summary>
public sealed class TablePlanModel(MeetingAccessReader meetings, TablePlanReader plans, MeetingProfiles profiles, ChangeRunner changes, RunSheets.RunSheetStore sheets, IStringLocalizer<TablePlanText> t) : PageModel
{
    [BindProperty]
    public TablePlanForm Input { get; set; } = new();

    public MeetingView View { get; private set; } = null!;
    public TablePlanView? Plan { get; private set; }
    public IReadOnlyDictionary<int, string> Registered { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<MixingAttribute> Attributes { get; private set; } = [];

    /// <summary>The form was filled from the meeting's World Café run sheet (no plan yet): its rounds and a table count for the room.</summary>
    public bool FromRunSheet { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Plan is not null)
        {
            Input.From(Plan.Settings, Plan.Stored.Basis, Plan.Plan.HeldRounds);
        }
        else
        {
            Input.MixOn = Attributes.Select(a => a.Name).ToList();
            if (await sheets.FindAsync(id, cancellationToken) is { Format: Cocreo.Meetings.RunSheets.MeetingFormat.WorldCafe } sheet)
            {
                FromRunSheet = WorldCafeSetup.Fill(Input, sheet, Registered.Count);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] ComputeTablePlan.Handler compute, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var (settings, badLine) = Input.ToSettings();
        if (settings is null)
        {
            ModelState.AddModelError("Input.Bounds", t["Line {0} of the bounds cannot be read: write attribute | value | minimum | maximum, for example “Group | Resident | 1 | 3”.", badLine ?? 0]);
        }
        if (!ModelState.IsValid || settings is null)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var outcome = await changes.RunAsync(compute, new ComputeTablePlan.Command(id, settings, Input.Basis, Input.HeldRounds), cancellationToken);
        if (outcome.Problems.Count > 0)
        {
            foreach (var kind in outcome.Problems.Select(p => p.Kind).Distinct())
            {
                ModelState.AddModelError(Field(kind), t[TablePlanRules.Message(kind.ToString())]);
            }
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        return this.Done(t.Plural("{0, plural, one {The table plan is computed for # person.} other {The table plan is computed for # people.}}", outcome.Present ?? 0), $"/meetings/{id}/table-plan");
    }

    private static string Field(TablePlanProblemKind kind) => kind switch
    {
        TablePlanProblemKind.NoTables or TablePlanProblemKind.TooFewPeopleForTables => "Input.Tables",
        TablePlanProblemKind.NoRounds => "Input.Rounds",
        TablePlanProblemKind.NoSeats or TablePlanProblemKind.MorePeopleThanSeats => "Input.SeatsPerTable",
        TablePlanProblemKind.BoundUnknown or TablePlanProblemKind.BoundInvalid or TablePlanProblemKind.BoundInfeasible => "Input.Bounds",
        TablePlanProblemKind.TooManyHeldRounds or TablePlanProblemKind.HeldRoundTableCount => "Input.HeldRounds",
        _ => "",
    };

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, MeetingAction.Organise, cancellationToken);
        Plan = await plans.ViewAsync(id, cancellationToken);
        Registered = await plans.RegisteredAsync(id, cancellationToken);
        Attributes = await profiles.AttributesAsync(id, cancellationToken);
    }
}
