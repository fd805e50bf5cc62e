using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>A service user answers the optional questions about themselves (by question, the chosen option; null: not answered).</summary>
public static class AnswerProfileQuestions
{
    public sealed record Command(string Token, IReadOnlyDictionary<int, int?> Answers) : IContributorCommand;

    public sealed class Handler(JourneyAccessReader journeys) : ContributorChange<Command, Done>(journeys)
    {
        public override Task<Done> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            change.Target.Contribution.Describe(change.Target.Map, command.Answers, change.Now);
            return Task.FromResult(new Done());
        }
    }
}
