using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The team hides a contribution that breaks the rules, with a reason shown in public in its place and written to the
/// log; it leaves the ideas, the dashboard and the export. Nothing is deleted.
/// </summary>
public static class HideContribution
{
    public sealed record Command(int MapId, int ContributionId, string Reason) : IModerationCommand;

    public sealed class Handler(JourneyAccessReader journeys, JourneyDirectory directory, Data.CocreoDbContext db) : ModerationChange<Command>(journeys, directory, db)
    {
        protected override void Change(JourneyContribution contribution, Command command, Change<JourneyTarget> change)
        {
            contribution.Hide(command.Reason, change.Now);
            change.Log("contribution.hidden", new { journey = command.MapId, contribution = contribution.Id, reason = contribution.HiddenReason });
        }
    }
}
