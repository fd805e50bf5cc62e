using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team changes a budget's settings and ballot questions until voting opens; logged in full.</summary>
public static class ChangeBudgetSettings
{
    public sealed record Command(int BudgetId, BudgetSettings Settings, IReadOnlyList<DemographicQuestion> Questions) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets) : BudgetChange<Command, Done>(budgets, BudgetAction.Manage)
    {
        public override Task<Done> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            var budget = change.Target.Budget;
            budget.Configure(command.Settings);
            budget.SetQuestions(command.Questions);
            change.Log("budget.changed", CreateBudget.LogData(budget));
            return Task.FromResult(new Done());
        }
    }
}
