using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>A Co-Serve comparison as read for a page: its candidates' evaluations, ranked, where it belongs, and who the reader is.</summary>
public sealed record ShortlistView(ServiceShortlist Shortlist, ShortlistComparison? Comparison, ToolkitPlace Place, ProcessAccess Access)
{
    public bool Can(AssessmentAction action) => AssessmentPermissions.Allows(action, ToolkitSubject.Comparison(Shortlist.IsDecided), Access);
}

/// <summary>
/// A comparison loaded for a change (tracked, with its candidates), who is asking and who the log names. Its changes
/// go to the log of the process it belongs to; one of no process is the organisation's own business, not logged.
/// </summary>
public sealed record ShortlistTarget(ServiceShortlist Shortlist, ProcessAccess Access, LogActor Actor) : IChangeTarget
{
    public int? LogProcessId => Shortlist.ProcessId;

    public Decision Decide(AssessmentAction action) => AssessmentPermissions.Decide(action, ToolkitSubject.Comparison(Shortlist.IsDecided), Access);
}

/// <summary>
/// Opens Co-Serve comparisons for pages (refusing by throwing, as <see cref="AssessmentAccessReader"/> does) and for
/// changes. The comparison's own tables are read here; its candidates' evaluations through Assessments' services.
/// </summary>
public sealed class ShortlistReader(CocreoDbContext db, AssessmentAccessReader toolkit, AssessmentDirectory assessments)
{
    public async Task<ShortlistView> ReadAsync(int shortlistId, ClaimsPrincipal user, AssessmentAction action, CancellationToken cancellationToken = default)
    {
        var shortlist = RefusedException.IfMissing(await db.Set<ServiceShortlist>().AsNoTracking()
            .Include(s => s.Services)
            .SingleOrDefaultAsync(s => s.Id == shortlistId, cancellationToken));
        var access = await toolkit.ForAsync(user, shortlist.OrganisationId, shortlist.ProcessId, cancellationToken);
        RefusedException.Unless(AssessmentPermissions.Decide(action, ToolkitSubject.Comparison(shortlist.IsDecided), access), access.IsAuthenticated);
        var evaluations = await assessments.WithAnswersAsync(shortlist.Services.Select(s => s.AssessmentId).ToList(), cancellationToken);
        return new ShortlistView(shortlist, ShortlistComparison.Of(shortlist, evaluations),
            await toolkit.PlaceAsync(shortlist.OrganisationId, shortlist.ProcessId, cancellationToken), access);
    }

    /// <summary>An organisation's comparisons, newest first, with their candidates.</summary>
    public Task<List<ServiceShortlist>> OfOrganisationAsync(int organisationId, CancellationToken cancellationToken = default) =>
        db.Set<ServiceShortlist>().AsNoTracking()
            .Include(s => s.Services)
            .Where(s => s.OrganisationId == organisationId)
            .OrderByDescending(s => s.StartedAt)
            .ToListAsync(cancellationToken);

    /// <summary>Loads a comparison with its candidates for a change (tracked), with the person's access and log actor; null when there is none.</summary>
    public async Task<ShortlistTarget?> ForChangeAsync(int shortlistId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var shortlist = await db.Set<ServiceShortlist>().Include(s => s.Services).SingleOrDefaultAsync(s => s.Id == shortlistId, cancellationToken);
        if (shortlist is null)
        {
            return null;
        }
        var access = await toolkit.ForAsync(user, shortlist.OrganisationId, shortlist.ProcessId, cancellationToken);
        return new ShortlistTarget(shortlist, access, await toolkit.ActorAsync(access, cancellationToken));
    }
}

/// <summary>A command about one comparison.</summary>
public interface IShortlistCommand
{
    int ShortlistId { get; }
}

/// <summary>
/// The shape of a change to a comparison: the runner loads the comparison named by the command for the change and
/// asks <see cref="AssessmentPermissions"/> about <paramref name="action"/>; the handler only makes the change.
/// </summary>
public abstract class ShortlistChange<TCommand, TResult>(ShortlistReader shortlists, AssessmentAction action) : IChange<TCommand, ShortlistTarget, TResult>
    where TCommand : IShortlistCommand
{
    public Task<ShortlistTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        shortlists.ForChangeAsync(command.ShortlistId, user, cancellationToken);

    public Decision Decide(ShortlistTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<ShortlistTarget> change, TCommand command, CancellationToken cancellationToken);
}
