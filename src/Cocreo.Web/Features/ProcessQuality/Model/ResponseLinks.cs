using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>Finding the anonymous links of Co-Master surveys, for pages (not tracked) and changes (tracked).</summary>
public sealed class ResponseLinks(CocreoDbContext db)
{
    /// <summary>A survey's links, the oldest first.</summary>
    public Task<List<ResponseLink>> OfSurveyAsync(int assessmentId, CancellationToken cancellationToken = default) =>
        db.Set<ResponseLink>().AsNoTracking().Where(l => l.AssessmentId == assessmentId).OrderBy(l => l.OpenedAt).ToListAsync(cancellationToken);

    /// <summary>The link with this token, if there is one.</summary>
    public Task<ResponseLink?> WithTokenAsync(string token, bool forChange, CancellationToken cancellationToken = default) =>
        (forChange ? db.Set<ResponseLink>() : db.Set<ResponseLink>().AsNoTracking()).SingleOrDefaultAsync(l => l.Token == token, cancellationToken);

    /// <summary>A link of a survey, loaded for a change (tracked).</summary>
    public Task<ResponseLink?> ForChangeAsync(int assessmentId, int linkId, CancellationToken cancellationToken = default) =>
        db.Set<ResponseLink>().SingleOrDefaultAsync(l => l.Id == linkId && l.AssessmentId == assessmentId, cancellationToken);

    /// <summary>
    /// Holds a link open while answers through it are saved: in the change's transaction, touches its row if it is
    /// still open, so closing it waits for the answers, and answers after the closing find it closed, lose the race
    /// and are tried again (and then refused).
    /// </summary>
    public async Task HoldOpenAsync(int linkId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            await db.Database.BeginTransactionAsync(cancellationToken);
        }
        var open = await db.Set<ResponseLink>()
            .Where(l => l.Id == linkId && l.ClosedAt == null)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.ClosedAt, x => x.ClosedAt), cancellationToken) == 1;
        if (!open)
        {
            throw new DbUpdateConcurrencyException($"Response link {linkId} was closed while answers through it were being saved.");
        }
    }
}
