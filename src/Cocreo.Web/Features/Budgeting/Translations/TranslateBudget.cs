using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team adds or replaces a budget's words in another language (title, district, description, category names), in any phase.</summary>
public static class TranslateBudget
{
    public sealed record Command(int BudgetId, string Language, BudgetTranslationContent Content) : IBudgetCommand;

    public sealed class Handler(BudgetAccess budgets) : BudgetChange<Command, Done>(budgets, BudgetAction.Manage)
    {
        public override Task<Done> RunAsync(Change<BudgetTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!ContentLanguages.IsKnown(command.Language))
            {
                throw new BudgetRuleException("UnknownLanguage", "Language");
            }
            var budget = change.Target.Budget;
            budget.Translate(command.Language, command.Content);
            change.Log("budget.translated", new { budget = budget.Id, language = command.Language, title = command.Content.Title.Trim() });
            return Task.FromResult(new Done());
        }
    }
}
