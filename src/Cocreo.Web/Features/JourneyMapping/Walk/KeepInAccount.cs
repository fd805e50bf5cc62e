using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>A signed-in service user keeps the contribution their link opens in their account.</summary>
public static class KeepInAccount
{
    public sealed record Command(string Token) : IContributorCommand;

    public sealed class Handler(JourneyAccessReader journeys) : ContributorChange<Command, Done>(journeys)
    {
        public override Decision Decide(JourneyTarget target, Command command) =>
            base.Decide(target, command).And(() => target.Access.IsAuthenticated
                ? Decision.Allowed
                : Decision.NotYours("Sign in first to keep your contribution in your account.", typeof(JourneyPermissions)));

        public override Task<Done> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            change.Target.Contribution.KeepInAccount(change.Target.Access.UserId!);
            return Task.FromResult(new Done());
        }
    }
}
