using Cocreo.Assessment;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// Staff start an assessment (Co-Ready, Co-Master) for their organisation on the newest version of its instrument,
/// optionally for one of its processes, whose log then records it. Once per submission: a double submit starts one.
/// </summary>
public static class StartAssessment
{
    public sealed record Command(int OrganisationId, int? ProcessId, string InstrumentId, string Title, Guid SubmissionId) : IToolkitCommand, ISubmittedOnce;

    /// <summary>Returns the new assessment's id.</summary>
    public sealed class Handler(AssessmentAccessReader assessments, AssessmentLifecycle lifecycle) : ToolkitChange<Command, int>(assessments)
    {
        protected override async Task<int> StartAsync(Change<ToolkitTarget> change, Command command, CancellationToken cancellationToken)
        {
            var instrument = InstrumentCatalog.Latest(command.InstrumentId);
            var toolkit = change.Target;
            var assessment = await lifecycle.StartAsync(change, toolkit.OrganisationId, toolkit.ProcessId, instrument, command.Title, toolkit.Access.UserId!, isDemo: false, cancellationToken);
            change.LogToProcess("assessment.started", new { instrument = instrument.Id, version = instrument.Version, title = assessment.Title });
            return assessment.Id;
        }
    }
}
