using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// A member of staff saves one page of their answers to an assessment (several staff answer one assessment, each on
/// their own sheet, saved as they go), and may say they have finished, so their answers count in the result. Answers
/// are not logged: the log records the result when the assessment is completed.
/// </summary>
public static class AnswerAssessment
{
    /// <param name="SectionId">The page of the questionnaire the answers are on.</param>
    /// <param name="Answers">An option per question id; an empty option takes an answer back, a question left out keeps its answer.</param>
    public sealed record Command(int AssessmentId, string SectionId, IReadOnlyDictionary<string, string?> Answers, bool Finish) : IAssessmentCommand;

    public sealed class Handler(AssessmentAccessReader assessments, AssessmentLifecycle lifecycle)
        : AssessmentChange<Command, Done>(assessments, AssessmentAction.Answer, answers: AnswersLoaded.Own)
    {
        public override async Task<Done> RunAsync(Change<AssessmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var assessment = change.Target.Assessment;
            var instrument = AssessmentInstruments.Of(assessment) ?? throw new AssessmentRuleException("InstrumentMissing");
            var role = AssessmentInstruments.StaffRole(instrument);
            var section = AssessmentInstruments.Sections(instrument).FirstOrDefault(s => s.Id == command.SectionId) ?? throw new AssessmentRuleException("UnknownQuestion");
            var asked = section.QuestionsFor(role).ToList();
            AnswerForm.Check(instrument, asked, command.Answers);
            await lifecycle.HoldOpenAsync(assessment.Id, cancellationToken);
            var respondent = assessment.RespondentFor(change.Target.Access.UserId!, role, change.Now);
            AnswerForm.Apply(respondent, asked, command.Answers, change.Now);
            if (command.Finish)
            {
                respondent.Finish(change.Now);
            }
            return new Done();
        }
    }
}
