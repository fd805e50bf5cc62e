using System.Security.Claims;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Hosting;

namespace Cocreo.Web.Features.Assessments;

/// <summary>Reads who the current person is with respect to an organisation's assessments.</summary>
public sealed class AssessmentAccessReader(OrganisationMembership organisations, ProcessDirectory processes, ProcessAccessReader processAccess)
{
    public async Task<AssessmentAccess> ForOrganisationAsync(ClaimsPrincipal user, int organisationId, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId();
        if (userId is null)
        {
            return AssessmentAccess.Anonymous;
        }
        var role = await organisations.RoleOfAsync(organisationId, userId, cancellationToken);
        return new AssessmentAccess(userId, user.IsPlatformAdmin(), role, null);
    }

    /// <summary>The person's access to an assessment (or a comparison) of <paramref name="organisationId"/>, linked to <paramref name="processId"/> when set.</summary>
    public async Task<AssessmentAccess> ForAsync(ClaimsPrincipal user, int organisationId, int? processId, CancellationToken cancellationToken = default)
    {
        var access = await ForOrganisationAsync(user, organisationId, cancellationToken);
        if (access.UserId is null || processId is not { } id)
        {
            return access;
        }
        var process = await processes.FindAsync(id, cancellationToken);
        return process is null ? access : access with { ProcessRole = (await processAccess.ForAsync(user, process, cancellationToken)).Role };
    }

    public Task<AssessmentAccess> ForAsync(ClaimsPrincipal user, OrganisationAssessment assessment, CancellationToken cancellationToken = default) =>
        ForAsync(user, assessment.OrganisationId, assessment.ProcessId, cancellationToken);
}
