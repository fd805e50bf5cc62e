using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// Staff or facilitators type in a journey told on paper, in person or by phone, on behalf of the person; it is
/// marked as assisted with how it was gathered, sent at once, and logged naming who entered it. The result is the
/// new contribution's resume token, for the link the person gets to follow what becomes of it. In a pre-moderated
/// process, one entered by someone who may not moderate the process (the organisation's desk staff) waits for the
/// moderators like any other; one entered by someone who may moderate it is published at once.
/// </summary>
public static class EnterAssistedContribution
{
    /// <summary>One stage as the person told it.</summary>
    public sealed record Told(int StageId, StageAccount Account);

    public sealed record Command(int MapId, Gathering Gathering, IReadOnlyList<Told> Stages, IReadOnlyDictionary<int, int?> Answers, string? PublicName, Guid SubmissionId)
        : IJourneyCommand, ISubmittedOnce;

    public sealed class Handler(JourneyAccessReader journeys, CocreoDbContext db, Moderation.ModerationDirectory moderation, Moderation.ModerationAccess contents)
        : JourneyChange<Command, string>(journeys, JourneyAction.EnterAssisted)
    {
        public override async Task<string> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            var map = change.Target.Map;
            var (token, hash) = ContributionTokens.New();
            var contribution = JourneyContribution.StartAssisted(map.Id, hash, command.Gathering, change.Target.Access.UserId!, change.Now);
            foreach (var told in command.Stages)
            {
                contribution.Record(map, told.StageId, told.Account, change.Now);
            }
            contribution.Describe(map, command.Answers, change.Now);
            contribution.Submit(command.PublicName, change.Now);
            db.Add(contribution);
            await change.SaveAsync(cancellationToken);
            change.Log("contribution.entered", new { stages = contribution.Experiences.Count, gathering = contribution.Gathering.ToString() });
            var moderates = Moderation.ModerationPermissions.Allows(Moderation.ModerationAction.Moderate, change.Target.Process, change.Target.Access);
            if (!moderates && await moderation.HoldIfPreModeratedAsync(change, JourneyContributions.Kind, contribution.Id, change.Target.Process.Id,
                new { journey = contribution.JourneyMapId, contribution = contribution.Id }, cancellationToken))
            {
                await contents.Content(JourneyContributions.Kind)!.ApplyAsync(contribution.Id, shown: false, Moderation.ModerationCase.AwaitingApprovalReason, change.Now, cancellationToken);
            }
            return token;
        }
    }
}
