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
            proposal.Translate(command.Language, Allowed(change.Target, command.Content), by, change.Now);
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

        /// <summary>
        /// What the translator may translate: the review's public answer (once there is one) and the progress
        /// updates are the organisation's words, so only the team's translation of them is kept; the author's is ignored.
        /// </summary>
        private static ProposalTranslationContent Allowed(ProposalTarget target, ProposalTranslationContent content)
        {
            var proposal = target.Proposal;
            var team = target.Budget.Decide(BudgetAction.Manage).IsAllowed;
            var (updates, reason) = (content.Updates, content.ReviewReason);
            if (updates is not null && updates.Values.Any(u => u?.Trim().Length > BudgetLimits.LongText))
            {
                throw new BudgetRuleException("TranslationUpdateTooLong", "Input.Updates", BudgetLimits.LongText);
            }
            var review = team && proposal.ReviewedAt is not null && proposal.ReviewReason.Length > 0 ? reason ?? "" : null;
            var progress = team && proposal.Updates.Count > 0 && updates is not null
                ? proposal.Updates.ToDictionary(u => u.Id, u => updates.GetValueOrDefault(u.Id) ?? "")
                : null;
            return content with { ReviewReason = review, Updates = progress };
        }
    }
}
