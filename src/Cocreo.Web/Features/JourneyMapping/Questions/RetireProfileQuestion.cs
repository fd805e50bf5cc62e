using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team stops asking a profile question; the answers already given are kept.</summary>
public static class RetireProfileQuestion
{
    public sealed record Command(int MapId, int QuestionId) : IJourneyCommand;

    public sealed class Handler(JourneyAccessReader journeys) : MapChange<Command>(journeys)
    {
        protected override void Change(JourneyMap map, Command command, Change<JourneyTarget> change)
        {
            if (map.RetireProfileQuestion(command.QuestionId))
            {
                change.Log("profile-question.retired", new { journey = map.Id, questionId = command.QuestionId, question = map.ProfileQuestion(command.QuestionId).Text });
            }
        }
    }
}
