using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// Assessments and surveys attached to a process, in its lifecycle: nothing keeps the process from being archived,
/// and a respondent (someone who began answering) is participants' input that keeps it from being deleted.
/// </summary>
public sealed class AssessmentProcessActivity(CocreoDbContext db) : IProcessActivity
{
    public Task<string?> RunningAsync(int processId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<bool> AnythingSinceAsync(int processId, DateTime since, CancellationToken cancellationToken) =>
        await db.Set<OrganisationAssessment>().AnyAsync(a => a.ProcessId == processId && a.Respondents.Any(r => r.StartedAt >= since), cancellationToken);

    public async Task<bool> HasInputAsync(int processId, CancellationToken cancellationToken) =>
        await db.Set<OrganisationAssessment>().AnyAsync(a => a.ProcessId == processId && a.Respondents.Any(), cancellationToken);
}
