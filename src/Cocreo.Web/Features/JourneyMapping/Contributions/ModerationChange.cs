using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>A moderator's command about one contribution to a map.</summary>
public interface IModerationCommand : IJourneyCommand
{
    int ContributionId { get; }
}

/// <summary>
/// The shape of a moderation from the map's contributions page: the contribution of the map named by the command,
/// loaded with all that carries its visibility. The shared moderation case follows in the same change (hidden with
/// the reason, or kept), so the process's queue and public moderation log see what was decided here.
/// </summary>
public abstract class ModerationChange<TCommand>(JourneyAccessReader journeys, JourneyDirectory directory, CocreoDbContext db) : JourneyChange<TCommand, Done>(journeys, JourneyAction.Moderate)
    where TCommand : IModerationCommand
{
    public sealed override async Task<Done> RunAsync(Change<JourneyTarget> change, TCommand command, CancellationToken cancellationToken)
    {
        var contribution = RefusedException.IfMissing(await directory.ContributionOfMapAsync(command.MapId, command.ContributionId, cancellationToken));
        Change(contribution, command, change);
        var moderation = await db.Set<ModerationCase>().Include(c => c.Reports)
            .SingleOrDefaultAsync(c => c.Kind == JourneyContributions.Kind && c.ItemId == contribution.Id, cancellationToken);
        if (contribution.IsHidden)
        {
            (moderation ?? db.Add(ModerationCase.Open(JourneyContributions.Kind, contribution.Id, change.Target.Process.Id)).Entity).Hide(contribution.HiddenReason!, change.Now);
        }
        else
        {
            moderation?.Keep(change.Now);
        }
        return new Done();
    }

    protected abstract void Change(JourneyContribution contribution, TCommand command, Change<JourneyTarget> change);
}
