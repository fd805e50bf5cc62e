using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// The public service through which the toolkit's tools and pages read assessments, never their tables: an
/// organisation's or a process's assessments, a comparison's evaluations, and the results recorded at completion.
/// Nothing it returns is tracked.
/// </summary>
public sealed class AssessmentDirectory(CocreoDbContext db)
{
    /// <summary>The organisation's assessments on one instrument, newest first, with their respondents (without answers).</summary>
    public Task<List<OrganisationAssessment>> OfOrganisationAsync(int organisationId, string instrumentId, CancellationToken cancellationToken = default) =>
        db.Set<OrganisationAssessment>().AsNoTracking()
            .Include(a => a.Respondents)
            .Where(a => a.OrganisationId == organisationId && a.InstrumentId == instrumentId)
            .OrderByDescending(a => a.StartedAt)
            .ToListAsync(cancellationToken);

    /// <summary>The assessments on <paramref name="instrumentIds"/> that belong to a process, newest first, with their respondents (without answers).</summary>
    public Task<List<OrganisationAssessment>> OfProcessAsync(int processId, IReadOnlyCollection<string> instrumentIds, CancellationToken cancellationToken = default) =>
        db.Set<OrganisationAssessment>().AsNoTracking()
            .Include(a => a.Respondents)
            .Where(a => a.ProcessId == processId && instrumentIds.Contains(a.InstrumentId))
            .OrderByDescending(a => a.StartedAt)
            .ToListAsync(cancellationToken);

    /// <summary>Assessments with every respondent's answers, by id (a Co-Serve comparison's evaluations).</summary>
    public async Task<Dictionary<int, OrganisationAssessment>> WithAnswersAsync(IReadOnlyCollection<int> assessmentIds, CancellationToken cancellationToken = default) =>
        await db.Set<OrganisationAssessment>().AsNoTracking()
            .Include(a => a.Respondents).ThenInclude(r => r.Answers)
            .Where(a => assessmentIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, cancellationToken);

    /// <summary>An assessment with an anonymous participant's sheet through a link (if they have a key and started one), found by the hash of their key.</summary>
    public Task<OrganisationAssessment?> WithAnonymousSheetAsync(int assessmentId, int linkId, string? resumeKeyHash, CancellationToken cancellationToken = default) =>
        db.Set<OrganisationAssessment>().AsNoTracking().WithAnonymousSheet(linkId, resumeKeyHash).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);

    /// <summary>The completed assessments on one instrument of the organisations given, with the results recorded when they were completed.</summary>
    public Task<List<RecordedAssessment>> RecordedAsync(IReadOnlyCollection<int> organisationIds, string instrumentId, CancellationToken cancellationToken = default) =>
        db.Set<OrganisationAssessment>().AsNoTracking()
            .Where(a => organisationIds.Contains(a.OrganisationId) && a.InstrumentId == instrumentId && a.CompletedAt != null && a.ResultJson != null)
            .Select(a => new RecordedAssessment(a.Id, a.OrganisationId, a.Title, a.CompletedAt!.Value, a.ResultJson!))
            .ToListAsync(cancellationToken);
}

internal static class AssessmentQueries
{
    /// <summary>Includes only the sheet of the anonymous participant with this key through this link (none without a key).</summary>
    public static IQueryable<OrganisationAssessment> WithAnonymousSheet(this IQueryable<OrganisationAssessment> assessments, int linkId, string? resumeKeyHash) =>
        assessments.Include(a => a.Respondents.Where(r => resumeKeyHash != null && r.ResumeKeyHash == resumeKeyHash && r.ResponseLinkId == linkId)).ThenInclude(r => r.Answers);
}

/// <summary>A completed assessment and the result recorded at completion (the engine's JSON, naming the instrument version it was scored with).</summary>
public sealed record RecordedAssessment(int Id, int OrganisationId, string Title, DateTime CompletedAt, string ResultJson);
