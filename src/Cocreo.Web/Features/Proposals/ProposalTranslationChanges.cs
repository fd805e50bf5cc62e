using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// Who may translate a proposal of a process: its author and co-authors (the page then says "translation by its
/// author") and the process's team ("translation by the team"); nobody else puts words in an author's mouth. Not in a
/// closed or archived process, and not while the moderators hide the proposal. The same rule as budget projects'
/// (<see cref="BudgetTarget.DecideTranslating"/>), with a process's writers and team.
/// </summary>
public static class ProposalTranslating
{
    public static Decision Decide(Process process, ProcessAccess who, ProposalSettings? settings, Proposal proposal, bool isWriter, ModerationStatus status)
    {
        var view = ProposalPermissions.Decide(ProposalAction.View, process, who, settings, proposal);
        if (!view.IsAllowed)
        {
            return view;
        }
        if (!who.IsAuthenticated)
        {
            return Decision.NotYours("Sign in to translate your proposal.", typeof(ProposalPermissions));
        }
        if (!isWriter && !who.Runs)
        {
            return Decision.NotYours("Only its authors and the process's team translate a proposal.", typeof(ProposalPermissions));
        }
        return ProposalPermissions.Writable(process)
            .And(() => status.IsShown || status.IsPending ? Decision.Allowed : Decision.NotNow("The moderators hid this proposal: it can no longer be translated.", typeof(ProposalPermissions)));
    }

    /// <summary>Its writers translate as its author; anyone else allowed (the team) as the team.</summary>
    public static ProposalTranslator By(bool isWriter) => isWriter ? ProposalTranslator.Author : ProposalTranslator.Team;
}

/// <summary>
/// Its author, a co-author or the process's team adds or replaces the translation of a proposal of a process into
/// another language (title, description, location): the same <see cref="ProposalTranslation"/> rows and
/// <see cref="Proposal.Translate"/> as budget projects, checked as the proposal's own text is. A writer's translation is
/// logged by role only, the team's in full; neither logs the words.
/// </summary>
public static class TranslateProcessProposal
{
    public sealed record Command(int ProposalId, string Language, string? Title, string? Body, string? Location) : IProcessProposalCommand;

    public sealed class Handler(ProposalAccess access, ModerationDirectory moderation) : ProcessProposalChange<Command, bool>(access, ProposalAction.View)
    {
        // The moderation state is read inside the run (the decision needs it on fresh data): see RunAsync.
        public override Decision Decide(ProcessProposalTarget target, Command command) =>
            ProposalTranslating.Decide(target.Proposals.Process.Process, target.Proposals.Access, target.Proposals.Settings, target.Proposal, target.IsWriter, ModerationStatus.Shown);

        public override async Task<bool> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (target, proposal) = (change.Target, change.Target.Proposal);
            var status = await moderation.StatusAsync(ProcessProposalContents.Kind, proposal.Id, cancellationToken);
            RefusedException.Unless(ProposalTranslating.Decide(target.Proposals.Process.Process, target.Proposals.Access, target.Proposals.Settings, proposal, target.IsWriter, status), isAuthenticated: true);
            if (!ContentLanguages.IsKnown(command.Language ?? ""))
            {
                throw new ProposalRuleException("UnknownLanguage", "Language");
            }
            if (command.Language == proposal.Language)
            {
                throw new ProposalRuleException("TranslationSameLanguage", "Language");
            }
            var (title, body) = ProposalRules.Text(command.Title, command.Body);
            var location = ProposalRules.Short(command.Location, "Input.Location");
            var before = proposal.Translations.FirstOrDefault(t => t.Language == command.Language);
            if (before is not null && before.Title == title && before.Description == body && before.Location == location)
            {
                return false;
            }
            var by = ProposalTranslating.By(target.IsWriter);
            proposal.Translate(command.Language!, new ProposalTranslationContent(title, body, location), by, change.Now);
            var data = new { proposal = proposal.Id, language = command.Language, by = by.ToString().ToLowerInvariant() };
            if (by == ProposalTranslator.Author)
            {
                change.LogAs(ProposalsTarget.Participant, "proposal.translated", data);
            }
            else
            {
                change.Log("proposal.translated", data);
            }
            return true;
        }
    }
}
