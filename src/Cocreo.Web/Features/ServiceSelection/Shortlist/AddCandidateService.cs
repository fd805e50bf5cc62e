using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>
/// Staff add a candidate service to an undecided comparison; its evaluation with the comparison's Co-Serve version is
/// started for it (in Assessments). Once per submission: a double submit adds one.
/// </summary>
public static class AddCandidateService
{
    public sealed record Command(int ShortlistId, string Name, string? Description, Guid SubmissionId) : IShortlistCommand, ISubmittedOnce;

    /// <summary>The candidate's name as it was added.</summary>
    public sealed record Added(string Name);

    public sealed class Handler(ShortlistReader shortlists, AssessmentLifecycle lifecycle) : ShortlistChange<Command, Added>(shortlists, AssessmentAction.AddService)
    {
        public override async Task<Added> RunAsync(Change<ShortlistTarget> change, Command command, CancellationToken cancellationToken)
        {
            var shortlist = change.Target.Shortlist;
            var instrument = ShortlistComparison.InstrumentOf(shortlist) ?? throw new ServiceSelectionRuleException("InstrumentMissing");
            var evaluation = await lifecycle.StartAsync(change, shortlist.OrganisationId, shortlist.ProcessId, instrument, command.Name, change.Target.Access.UserId!, shortlist.IsDemo, cancellationToken);
            var service = shortlist.Add(command.Name, command.Description ?? "", evaluation.Id, change.Now);
            change.LogToProcess("service.added", new { comparison = shortlist.Title, service = service.Name, description = service.Description });
            return new Added(service.Name);
        }
    }
}
