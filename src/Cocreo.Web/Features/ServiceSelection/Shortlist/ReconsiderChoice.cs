using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>
/// Staff change the service chosen in a decided comparison to another evaluated candidate, openly: the reason is
/// required and published with the change; the earlier choice stays in the process's log.
/// </summary>
public static class ReconsiderChoice
{
    public sealed record Command(int ShortlistId, int? ServiceId, string? Reason) : IShortlistCommand;

    public sealed class Handler(ShortlistReader shortlists, AssessmentDirectory assessments)
        : ShortlistChange<Command, ChooseService.Chosen>(shortlists, AssessmentAction.ReconsiderChoice)
    {
        public override async Task<ChooseService.Chosen> RunAsync(Change<ShortlistTarget> change, Command command, CancellationToken cancellationToken)
        {
            var shortlist = change.Target.Shortlist;
            var service = shortlist.Services.FirstOrDefault(s => s.Id == command.ServiceId) ?? throw new ServiceSelectionRuleException("ServiceNotEvaluated");
            // The evaluations were closed when the comparison was decided: they are read, not changed.
            var comparison = ShortlistComparison.Of(shortlist, await assessments.WithAnswersAsync(shortlist.Services.Select(s => s.AssessmentId).ToList(), cancellationToken))
                ?? throw new ServiceSelectionRuleException("InstrumentMissing");
            var earlier = shortlist.Chosen;
            shortlist.Reconsider(service, evaluated: comparison.StandingOf(service) is not null, command.Reason ?? "", change.Target.Access.UserId!, change.Now);
            change.LogToProcess("service.rechosen", new
            {
                comparison = shortlist.Title,
                from = earlier?.Name,
                to = service.Name,
                reason = shortlist.ChoiceReason,
            });
            return new ChooseService.Chosen(service.Name);
        }
    }
}
