using System.Security.Claims;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>
/// A participant answers a Co-Master survey through an anonymous link: no account, no name. Their answers are found
/// again by the hash of a random key kept on their device, and saved as they go while the link is open; "finish"
/// makes them count. Nothing is logged: the log records the survey's result when it is completed.
/// </summary>
public static class RespondThroughLink
{
    /// <param name="Token">The link's token: whoever has it may answer.</param>
    /// <param name="ResumeKeyHash">SHA-256 of the participant's key (from their cookie, or new).</param>
    /// <param name="Answers">An option per question id; an empty option takes an answer back.</param>
    public sealed record Command(string Token, string ResumeKeyHash, IReadOnlyDictionary<string, string?> Answers, bool Finish);

    /// <summary>
    /// A link loaded for answering through it (tracked), its survey with the participant's own sheet (if they started
    /// one); the log would know them only by their role.
    /// </summary>
    public sealed record LinkTarget(ResponseLink Link, OrganisationAssessment Survey) : IChangeTarget
    {
        public int? LogProcessId => Survey.ProcessId;

        public LogActor Actor => LogActor.Private(Link.Role);

        /// <summary>Open for answers: the link is open, the survey not completed, and this installation has its instrument.</summary>
        public bool IsOpen => Link.IsOpen && !Survey.IsCompleted && AssessmentInstruments.Of(Survey) is not null;
    }

    public sealed class Handler(ResponseLinks links, AssessmentLifecycle lifecycle) : IChange<Command, LinkTarget, Done>
    {
        public async Task<LinkTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var link = await links.WithTokenAsync(command.Token, forChange: true, cancellationToken);
            return link is null ? null
                : new LinkTarget(link, (await lifecycle.WithAnonymousSheetAsync(link.AssessmentId, link.Id, command.ResumeKeyHash, cancellationToken))!);
        }

        // Anyone with the link may answer, with or without an account, while it is open.
        public Decision Decide(LinkTarget target, Command command) =>
            target.IsOpen ? Decision.Allowed : Decision.NotNow("This link is closed: it no longer accepts answers.", typeof(RespondThroughLink));

        public async Task<Done> RunAsync(Change<LinkTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (link, survey) = (change.Target.Link, change.Target.Survey);
            var asked = Questions(survey, link.Role);
            AnswerForm.Check(AssessmentInstruments.Of(survey)!, asked, command.Answers);
            await links.HoldOpenAsync(link.Id, cancellationToken);
            await lifecycle.HoldOpenAsync(survey.Id, cancellationToken);
            var respondent = survey.Respondents.SingleOrDefault() ?? survey.AnonymousRespondent(link.Id, link.Role, command.ResumeKeyHash, change.Now);
            AnswerForm.Apply(respondent, asked, command.Answers, change.Now);
            if (command.Finish)
            {
                respondent.Finish(change.Now);
            }
            return new Done();
        }
    }

    /// <summary>The questions asked through a link: those of its role, on one page.</summary>
    public static List<Cocreo.Assessment.Question> Questions(OrganisationAssessment survey, string role) =>
        AssessmentInstruments.Of(survey)!.Questions.Where(q => q.AppliesTo(role)).ToList();
}
