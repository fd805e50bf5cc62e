using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>Staff open a new anonymous link (with its QR code) through which participants answer an open Co-Master survey.</summary>
public static class OpenResponseLink
{
    public sealed record Command(int AssessmentId) : IAssessmentCommand;

    public sealed class Handler(AssessmentAccessReader assessments, CocreoDbContext db)
        : AssessmentChange<Command, Done>(assessments, AssessmentAction.ManageLinks, InstrumentCatalog.CoMaster)
    {
        public override Task<Done> RunAsync(Change<AssessmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var survey = change.Target.Assessment;
            var instrument = AssessmentInstruments.Of(survey) ?? throw new AssessmentRuleException("InstrumentMissing");
            // Participants answer in the instrument's second role (see AssessmentInstruments.StaffRole).
            db.Add(ResponseLink.Open(survey.Id, instrument.Roles[1].Id, change.Target.Access.UserId!, change.Now));
            change.LogToProcess("quality-link.opened", new { survey = survey.Title });
            return Task.FromResult(new Done());
        }
    }
}
