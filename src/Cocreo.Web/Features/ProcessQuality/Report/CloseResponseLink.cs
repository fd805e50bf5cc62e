using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>Staff close an anonymous link of a Co-Master survey: it accepts no more answers.</summary>
public static class CloseResponseLink
{
    public sealed record Command(int AssessmentId, int LinkId) : IAssessmentCommand;

    /// <summary>True when the link was closed now; false when it was closed already (a double click).</summary>
    public sealed record Outcome(bool Closed);

    public sealed class Handler(AssessmentAccessReader assessments, ResponseLinks links)
        : AssessmentChange<Command, Outcome>(assessments, AssessmentAction.ManageLinks, InstrumentCatalog.CoMaster)
    {
        public override async Task<Outcome> RunAsync(Change<AssessmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var link = RefusedException.IfMissing(await links.ForChangeAsync(command.AssessmentId, command.LinkId, cancellationToken));
            if (!link.IsOpen)
            {
                return new Outcome(false);
            }
            link.Close(change.Now);
            change.LogToProcess("quality-link.closed", new { survey = change.Target.Assessment.Title });
            return new Outcome(true);
        }
    }
}
