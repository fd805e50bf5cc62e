using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// A service user sends their journey, with a name to show or none. The first sending is logged by role only and
/// without the texts, so a contribution hidden later is hidden for good; sending again only changes the name.
/// </summary>
public static class SubmitContribution
{
    public sealed record Command(string Token, string? PublicName) : IContributorCommand;

    public sealed class Handler(JourneyAccessReader journeys) : ContributorChange<Command, Done>(journeys)
    {
        public override Task<Done> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            var contribution = change.Target.Contribution;
            if (contribution.Submit(command.PublicName, change.Now))
            {
                change.Log("contribution.submitted", new { contribution = contribution.Id, stages = contribution.Experiences.Count, gathering = contribution.Gathering.ToString() });
            }
            return Task.FromResult(new Done());
        }
    }
}
