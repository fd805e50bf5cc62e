using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team adds an optional question about contributors, with its answers and the shares it expects.</summary>
public static class AddProfileQuestion
{
    public sealed record Command(int MapId, string Text, IReadOnlyList<ProfileOptionSpec> Options) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            var question = map.AddProfileQuestion(command.Text, command.Options);
            change.Log("profile-question.added", new { journey = map.Id, question = question.Text, options = ProfileOptionLines.Logged(question) });
        }
    }
}
