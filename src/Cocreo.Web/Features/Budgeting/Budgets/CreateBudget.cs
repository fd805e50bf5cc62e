using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using System.Security.Claims;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team of a process creates a participatory budget in it; a resubmitted form creates it once.</summary>
public static class CreateBudget
{
    public sealed record Command(int ProcessId, BudgetSettings Settings, IReadOnlyList<DemographicQuestion> Questions, Guid SubmissionId) : ISubmittedOnce;

    public sealed class Handler(BudgetAccess budgets, CocreoDbContext db) : IChange<Command, ProcessTarget, int>
    {
        public Task<ProcessTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            budgets.ProcessForChangeAsync(command.ProcessId, user, cancellationToken);

        public Decision Decide(ProcessTarget target, Command command) => BudgetingPermissions.DecideCreate(target.Process, target.Access);

        public async Task<int> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = Budget.Create(command.ProcessId, command.Settings, change.Now, language: change.Target.Process.Language);
            budget.SetQuestions(command.Questions);
            db.Add(budget);
            await change.SaveAsync(cancellationToken);
            change.Log("budget.created", LogData(budget));
            return budget.Id;
        }
    }

    /// <summary>What the log records of a budget's settings: everything that is published.</summary>
    public static object LogData(Budget budget) => new
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
}
