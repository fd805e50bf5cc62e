using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// The public service through which the toolkit's changes (its own use cases and those of the tools built on it)
/// start, answer and close assessments inside a change of the <see cref="ChangeRunner"/>: what they change is saved
/// with the rest of that change, or not at all. Nothing here logs: the use case logs what it did, in its own words.
/// </summary>
public sealed class AssessmentLifecycle(CocreoDbContext db)
{
    /// <summary>
    /// Starts an assessment on <paramref name="instrument"/> for the organisation, belonging to
    /// <paramref name="processId"/> if set, and saves it within the change (so it has its id).
    /// </summary>
    public async Task<OrganisationAssessment> StartAsync<TTarget>(
        Change<TTarget> change, int organisationId, int? processId, Instrument instrument, string title, string userId, bool isDemo, CancellationToken cancellationToken)
        where TTarget : class, IChangeTarget
    {
        var assessment = OrganisationAssessment.Start(organisationId, processId, instrument, title, userId, change.Now, isDemo);
        db.Add(assessment);
        await change.SaveAsync(cancellationToken);
        return assessment;
    }

    /// <summary>
    /// Holds an assessment open while answers to it are saved: in the change's transaction, replaces its version token
    /// if it is still open. That row update orders answering and completing: an answer after the completion finds it
    /// completed, loses the race and is tried again (and then refused as completed); a completion whose result was
    /// computed before an answer was saved finds the token changed and is tried again with the answer. So a recorded
    /// result always counts every saved answer. Answerers do not conflict with each other: the update does not check
    /// the token, it only waits for the row.
    /// </summary>
    public async Task HoldOpenAsync(int assessmentId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            await db.Database.BeginTransactionAsync(cancellationToken);
        }
        var version = Guid.NewGuid();
        var open = await db.Set<OrganisationAssessment>()
            .Where(a => a.Id == assessmentId && a.CompletedAt == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Version, version), cancellationToken) == 1;
        if (!open)
        {
            throw new DbUpdateConcurrencyException($"Assessment {assessmentId} was completed while answers to it were being saved.");
        }
    }

    /// <summary>An assessment with an anonymous participant's sheet through a link (if they started one), found by the hash of their key; loaded for a change (tracked).</summary>
    public Task<OrganisationAssessment?> WithAnonymousSheetAsync(int assessmentId, int linkId, string resumeKeyHash, CancellationToken cancellationToken) =>
        db.Set<OrganisationAssessment>().WithAnonymousSheet(linkId, resumeKeyHash).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);

    /// <summary>Assessments with every respondent's answers, loaded for a change (tracked), by id.</summary>
    public async Task<Dictionary<int, OrganisationAssessment>> ForChangeAsync(IReadOnlyCollection<int> assessmentIds, CancellationToken cancellationToken) =>
        await db.Set<OrganisationAssessment>()
            .Include(a => a.Respondents).ThenInclude(r => r.Answers)
            .Where(a => assessmentIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, cancellationToken);

    /// <summary>
    /// Closes assessments that are still open, each with the result its finished answers score under
    /// <paramref name="instrument"/> (none when nobody finished): a Co-Serve comparison's evaluations when it is decided.
    /// </summary>
    public static void Close(IEnumerable<OrganisationAssessment> assessments, Instrument instrument, DateTime now)
    {
        foreach (var assessment in assessments.Where(a => !a.IsCompleted))
        {
            var scored = AssessmentScoring.Consolidated(assessment, instrument);
            assessment.Complete(now, scored is null ? null : AssessmentJson.Write(scored.Result));
        }
    }
}
