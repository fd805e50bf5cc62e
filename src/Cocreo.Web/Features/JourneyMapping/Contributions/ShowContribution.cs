using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team shows a hidden contribution again; showing a visible one changes nothing.</summary>
public static class ShowContribution
{
    public sealed record Command(int MapId, int ContributionId) : IModerationCommand;

    public sealed class Handler(JourneyAccessReader journeys, JourneyDirectory directory, Data.CocreoDbContext db) : ModerationChange<Command>(journeys, directory, db)
    {
        protected override void Change(JourneyContribution contribution, Command command, Change<JourneyTarget> change)
        {
            if (contribution.Show())
            {
                change.Log("contribution.shown", new { journey = command.MapId, contribution = contribution.Id });
            }
        }
    }
}
