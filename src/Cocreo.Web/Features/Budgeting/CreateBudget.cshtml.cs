using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team of a process creates a participatory budget in it (city-wide or for a district).</summary>
[Authorize]
public sealed class CreateBudgetModel(
    CocreoDbContext db,
    BudgetAccess access,
    ProcessLog log,
    SubmissionGuard submissions,
    TimeProvider clock,
    IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public BudgetForm Input { get; set; } = new();

    public Process Process { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Input.SubmissionId = Guid.NewGuid();
        return await RefusalAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await RefusalAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var questions = Input.Validate(ModelState, t);
        if (questions is null)
        {
            return Page();
        }
        var path = await submissions.RunOnceAsync(Input.SubmissionId, () => db.RetryOnConflictAsync(async ct =>
        {
            var process = (await access.ProcessAsync(id, User, forChange: true, ct))!.Value.Process;
            var budget = Budget.Create(id, Input.Settings(), clock.GetUtcNow().UtcDateTime);
            budget.SetQuestions(questions);
            db.Add(budget);
            log.Append(process, await LegacyChanges.ActorAsync(db, process, User, ct), "budget.created", LogData(budget));
            await db.SaveChangesAsync(ct);
            return $"/budgets/{budget.Id}";
        }, cancellationToken), cancellationToken);
        TempData["Status"] = t["The budget was created. It collects proposals now; plan its phases next."].Value;
        return Redirect(path);
    }

    /// <summary>What the log records of a budget's settings: everything that is published.</summary>
    internal static object LogData(Budget budget) => new
    {
        title = budget.Title,
        district = budget.District,
        amount = budget.Amount,
        currency = budget.Currency,
        categories = budget.Categories,
        form = budget.Form.ToString(),
        minProjects = budget.MinProjects,
        maxProjects = budget.MaxProjects,
        pointsToSpend = budget.PointsToSpend,
        maxPointsPerProject = budget.MaxPointsPerProject,
        rankDepth = budget.RankDepth,
        eligibility = budget.Eligibility.ToString(),
        ballotChanges = budget.AllowBallotChanges,
        population = budget.Population,
        rule = CountingSettings.Of(budget).PabulibRule,
        tieBreak = budget.TieBreak.ToString(),
        questions = budget.Questions.Select(q => new { text = q.Text, options = q.Options, populationShares = q.PopulationShares }),
    };

    private async Task<IActionResult?> RefusalAsync(int id, CancellationToken cancellationToken)
    {
        var found = await access.ProcessAsync(id, User, forChange: false, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        Process = found.Value.Process;
        return BudgetingPermissions.MayCreateBudget(found.Value.Process, found.Value.Access) ? null : this.Denied();
    }
}
