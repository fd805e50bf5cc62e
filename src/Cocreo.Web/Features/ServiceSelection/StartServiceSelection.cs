using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>
/// Staff start a Co-Serve comparison for their organisation on the newest version of Co-Serve, optionally for one of
/// its processes, whose log then records it. Once per submission: a double submit starts one.
/// </summary>
public static class StartServiceSelection
{
    public sealed record Command(int OrganisationId, int? ProcessId, string Title, Guid SubmissionId) : IToolkitCommand, ISubmittedOnce;

    /// <summary>Returns the new comparison's id.</summary>
    public sealed class Handler(AssessmentAccessReader toolkit, CocreoDbContext db) : ToolkitChange<Command, int>(toolkit)
    {
        protected override async Task<int> StartAsync(Change<ToolkitTarget> change, Command command, CancellationToken cancellationToken)
        {
            var instrument = InstrumentCatalog.Latest(InstrumentCatalog.CoServe);
            var shortlist = ServiceShortlist.Start(change.Target.OrganisationId, change.Target.ProcessId, instrument, command.Title, change.Target.Access.UserId!, change.Now);
            db.Add(shortlist);
            // The id is the result the form's submission keeps.
            await change.SaveAsync(cancellationToken);
            change.LogToProcess("service-selection.started", new { title = shortlist.Title, instrument = instrument.Id, version = instrument.Version });
            return shortlist.Id;
        }
    }
}
