using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team rewords a profile question or its answers; an answer left out is retired with the answers given for it.</summary>
public static class ChangeProfileQuestion
{
    public sealed record Command(int MapId, int QuestionId, string Text, IReadOnlyList<ProfileOptionSpec> Options) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            map.ChangeProfileQuestion(command.QuestionId, command.Text, command.Options);
            var question = map.ProfileQuestion(command.QuestionId);
            change.Log("profile-question.changed", new { journey = map.Id, questionId = question.Id, question = question.Text, options = ProfileOptionLines.Logged(question) });
        }
    }
}
