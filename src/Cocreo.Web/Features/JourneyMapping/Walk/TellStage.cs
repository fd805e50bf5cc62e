using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// A service user tells how one stage went, saved as they go so that an interruption loses nothing; telling a stage
/// again replaces what was saved for it. Not logged: the texts stay out of the public log.
/// </summary>
public static class TellStage
{
    public sealed record Command(string Token, int StageId, StageAccount Account) : IContributorCommand;

    public sealed class Handler(JourneyAccessReader journeys) : ContributorChange<Command, Done>(journeys)
    {
        public override Task<Done> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            change.Target.Contribution.Record(change.Target.Map, command.StageId, command.Account, change.Now);
            return Task.FromResult(new Done());
        }
    }
}
