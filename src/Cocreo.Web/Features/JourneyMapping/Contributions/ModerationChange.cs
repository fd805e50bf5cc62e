using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>A moderator's command about one contribution to a map.</summary>
public interface IModerationCommand : IJourneyCommand
{
    int ContributionId { get; }
}

/// <summary>The shape of a moderation: the contribution of the map named by the command, loaded with all that carries its visibility.</summary>
public abstract class ModerationChange<TCommand>(JourneyAccessReader journeys, JourneyDirectory directory) : JourneyChange<TCommand, Done>(journeys, JourneyAction.Moderate)
    where TCommand : IModerationCommand
{
    public sealed override async Task<Done> RunAsync(Change<JourneyTarget> change, TCommand command, CancellationToken cancellationToken)
    {
        Change(RefusedException.IfMissing(await directory.ContributionOfMapAsync(command.MapId, command.ContributionId, cancellationToken)), command, change);
        return new Done();
    }

    protected abstract void Change(JourneyContribution contribution, TCommand command, Change<JourneyTarget> change);
}
