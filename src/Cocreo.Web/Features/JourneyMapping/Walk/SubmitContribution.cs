using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// A service user sends their journey, with a name to show or none. The first sending is logged by role only and
/// without the texts, so a contribution hidden later is hidden for good; sending again only changes the name. In a
/// pre-moderated process the first sending is held for the moderators: it stays out of the ideas (its own flag, like
/// a hidden one) until a moderator publishes it from the queue.
/// </summary>
public static class SubmitContribution
{
    public sealed record Command(string Token, string? PublicName) : IContributorCommand;

    public sealed class Handler(JourneyAccessReader journeys, Moderation.ModerationDirectory moderation, Moderation.ModerationAccess contents) : ContributorChange<Command, Done>(journeys)
    {
        public override async Task<Done> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            var contribution = change.Target.Contribution;
            if (contribution.Submit(command.PublicName, change.Now))
            {
                change.Log("contribution.submitted", new { contribution = contribution.Id, stages = contribution.Experiences.Count, gathering = contribution.Gathering.ToString() });
                if (await moderation.HoldIfPreModeratedAsync(change, JourneyContributions.Kind, contribution.Id, change.Target.Process.Id,
                    new { journey = contribution.JourneyMapId, contribution = contribution.Id }, cancellationToken))
                {
                    await contents.Content(JourneyContributions.Kind)!.ApplyAsync(contribution.Id, shown: false, Moderation.ModerationCase.AwaitingApprovalReason, change.Now, cancellationToken);
                }
            }
            return new Done();
        }
    }
}
