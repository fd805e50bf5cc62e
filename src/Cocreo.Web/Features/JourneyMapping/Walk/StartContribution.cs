using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// A service user starts telling their journey through the map's join link, without an account (a signed-in person's
/// contribution is kept in their account). The result is the secret resume token of the new contribution: only the
/// person holds it, the database keeps its hash. Starting is not logged; sending is.
/// </summary>
public static class StartContribution
{
    public sealed record Command(int MapId) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys, CocreoDbContext db) : JourneyChange<Command, string>(journeys, JourneyAction.Contribute)
    {
        public override Task<string> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (token, hash) = ContributionTokens.New();
            db.Add(JourneyContribution.StartOnline(change.Target.Map.Id, hash, change.Target.Access.UserId, change.Now));
            return Task.FromResult(token);
        }
    }
}
