using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// Staff close answering (Co-Ready, Co-Master) and record the result, scored with the assessment's own instrument
/// version, in the log of the process it belongs to. A result is never recorded without an answer saved before it:
/// an answer saved meanwhile makes the completion start again and count it (see <see cref="AssessmentLifecycle.HoldOpenAsync"/>).
/// </summary>
public static class CompleteAssessment
{
    /// <param name="InstrumentId">The instrument of the tool whose page completes it (a tool completes only its own).</param>
    public sealed record Command(int AssessmentId, string InstrumentId) : IAssessmentCommand;

    /// <summary>True when it was completed now; false when someone had completed it already (a double click).</summary>
    public sealed record Outcome(bool Completed);

    public sealed class Handler(AssessmentAccessReader assessments) : IChange<Command, AssessmentTarget, Outcome>
    {
        public Task<AssessmentTarget?> LoadAsync(Command command, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken) =>
            assessments.ForChangeAsync(command.AssessmentId, user, command.InstrumentId, AnswersLoaded.All, cancellationToken);

        // Someone who could complete it finds it completed already: nothing to do, no refusal.
        public Decision Decide(AssessmentTarget target, Command command) => target.Assessment.IsCompleted
            ? AssessmentPermissions.Decide(AssessmentAction.Complete, ToolkitSubject.Assessment(isCompleted: false), target.Access)
            : target.Decide(AssessmentAction.Complete);

        public Task<Outcome> RunAsync(Change<AssessmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var assessment = change.Target.Assessment;
            if (assessment.IsCompleted)
            {
                return Task.FromResult(new Outcome(false));
            }
            var instrument = AssessmentInstruments.Of(assessment) ?? throw new AssessmentRuleException("InstrumentMissing");
            var completion = AssessmentScoring.Completion(assessment, instrument);
            assessment.Complete(change.Now, completion.ResultJson);
            change.LogToProcess("assessment.completed", new
            {
                assessment = assessment.Id,
                instrument = assessment.InstrumentId,
                version = assessment.InstrumentVersion,
                title = assessment.Title,
                respondents = assessment.FinishedCount,
                result = completion.LogSummary,
            });
            return Task.FromResult(new Outcome(true));
        }
    }
}
