using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>
/// Staff choose the service to renew from an undecided comparison: one that has been evaluated. The comparison is
/// then decided, and every candidate's evaluation is closed with the result it was decided on.
/// </summary>
public static class ChooseService
{
    public sealed record Command(int ShortlistId, int? ServiceId, string? Reason) : IShortlistCommand;

    /// <summary>The name of the service chosen.</summary>
    public sealed record Chosen(string Name);

    public sealed class Handler(ShortlistReader shortlists, AssessmentLifecycle lifecycle) : ShortlistChange<Command, Chosen>(shortlists, AssessmentAction.ChooseService)
    {
        public override async Task<Chosen> RunAsync(Change<ShortlistTarget> change, Command command, CancellationToken cancellationToken)
        {
            var shortlist = change.Target.Shortlist;
            var service = shortlist.Services.FirstOrDefault(s => s.Id == command.ServiceId) ?? throw new ServiceSelectionRuleException("ServiceNotEvaluated");
            var evaluations = await lifecycle.ForChangeAsync(shortlist.Services.Select(s => s.AssessmentId).ToList(), cancellationToken);
            var comparison = ShortlistComparison.Of(shortlist, evaluations) ?? throw new ServiceSelectionRuleException("InstrumentMissing");
            var standing = comparison.StandingOf(service);
            shortlist.Choose(service, evaluated: standing is not null, command.Reason, change.Target.Access.UserId!, change.Now);
            AssessmentLifecycle.Close(evaluations.Values, comparison.Instrument, change.Now);
            change.LogToProcess("service.chosen", new
            {
                comparison = shortlist.Title,
                service = service.Name,
                description = service.Description,
                rank = standing!.Rank,
                mostSuitable = standing.MostSuitable,
                suitability = standing.Suitability?.Name(),
                reason = shortlist.ChoiceReason,
            });
            return new Chosen(service.Name);
        }
    }
}
