using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A proposal's author or the budget's team adds or replaces its translation into another language; the page says
/// which of them translated it. The author's translation is logged by role only, like their proposal.
/// </summary>
public static class TranslateProposal
{
    public sealed record Command(int ProposalId, string Language, ProposalTranslationContent Content) : IProposalCommand;

    public sealed class Handler(BudgetAccess budgets) : ProposalChange<Command, Done>(budgets, BudgetAction.TranslateOwnProposal)
    {
        public override Decision Decide(ProposalTarget target, Command command) => target.Budget.DecideTranslating(target.Proposal);

        public override Task<Done> RunAsync(Change<ProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!ContentLanguages.IsKnown(command.Language))
            {
                throw new BudgetRuleException("UnknownLanguage", "Language");
            }
            var proposal = change.Target.Proposal;
            var by = change.Target.Budget.TranslatorOf(proposal);
            proposal.Translate(command.Language, command.Content, by, change.Now);
            var data = new { budget = proposal.BudgetId, number = proposal.Number, language = command.Language, by = by.ToString().ToLowerInvariant() };
            if (by == ProposalTranslator.Author)
            {
                change.LogAs(BudgetTarget.Participant, "proposal.translated", data);
            }
            else
            {
                change.Log("proposal.translated", data);
            }
            return Task.FromResult(new Done());
        }
    }
}
