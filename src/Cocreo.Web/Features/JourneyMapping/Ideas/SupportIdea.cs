using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// A service user who told at least one stage of their own journey supports another person's idea: once each, not
/// their own. The support is logged by role only; supporting again changes nothing.
/// </summary>
public static class SupportIdea
{
    public sealed record Command(string Token, int IdeaId) : IContributorCommand;

    public sealed class Handler(JourneyAccessReader journeys, CocreoDbContext db) : ContributorChange<Command, Done>(journeys)
    {
        public override async Task<Done> RunAsync(Change<JourneyTarget> change, Command command, CancellationToken cancellationToken)
        {
            var contribution = change.Target.Contribution;
            if (contribution.Experiences.Count == 0)
            {
                throw new JourneyRuleException("SupportNeedsContribution");
            }
            var idea = await db.Set<StageExperience>()
                .Where(e => e.Id == command.IdeaId && e.JourneyMapId == change.Target.Map.Id && e.HasIdea && e.IsVisible)
                .SingleOrDefaultAsync(cancellationToken) ?? throw new JourneyRuleException("NotAnIdea");
            if (idea.ContributionId == contribution.Id)
            {
                throw new JourneyRuleException("OwnIdea");
            }
            if (await db.Set<IdeaSupport>().AnyAsync(s => s.StageExperienceId == idea.Id && s.SupporterContributionId == contribution.Id, cancellationToken))
            {
                return new Done();
            }
            db.Add(new IdeaSupport { StageExperienceId = idea.Id, SupporterContributionId = contribution.Id, CreatedAt = change.Now });
            // The log's head guards this count: supports at the same time are saved one after another.
            idea.SupportCount += 1;
            change.Log("idea.supported", new { idea = idea.Id });
            return new Done();
        }
    }
}
