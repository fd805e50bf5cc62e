using System.Security.Claims;
using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Assessments;

/// <summary>How much of an assessment's answers to load.</summary>
public enum AnswersLoaded
{
    /// <summary>The assessment alone.</summary>
    None,

    /// <summary>The reader's own sheet (if they started one), with its answers.</summary>
    Own,

    /// <summary>Every respondent's sheet, with their answers (to score or export it).</summary>
    All,
}

/// <summary>Where a toolkit page's subject belongs: its organisation and, if any, the title of its process.</summary>
public sealed record ToolkitPlace(OrganisationSummary Organisation, string? ProcessTitle);

/// <summary>An organisation's toolkit as read for a page, and who the reader is there.</summary>
public sealed record ToolkitView(OrganisationSummary Organisation, ProcessAccess Access)
{
    public bool Can(AssessmentAction action) => AssessmentPermissions.Allows(action, ToolkitSubject.Organisation, Access);
}

/// <summary>An assessment as read for a page (not tracked), where it belongs, and who the reader is with respect to it.</summary>
public sealed record AssessmentView(OrganisationAssessment Assessment, ToolkitPlace Place, ProcessAccess Access)
{
    /// <summary>The instrument version it is answered under; null when this installation does not have it.</summary>
    public Instrument? Instrument { get; } = AssessmentInstruments.Of(Assessment);

    public bool Can(AssessmentAction action) => AssessmentPermissions.Allows(action, ToolkitSubject.Assessment(Assessment.IsCompleted), Access);
}

/// <summary>
/// An assessment loaded for a change (tracked), who is asking, and who the log names. Its changes go to the log of the
/// process it belongs to; one that belongs to no process is the organisation's own business and is not logged.
/// </summary>
public sealed record AssessmentTarget(OrganisationAssessment Assessment, ProcessAccess Access, LogActor Actor) : IChangeTarget
{
    public int? LogProcessId => Assessment.ProcessId;

    public Decision Decide(AssessmentAction action) => AssessmentPermissions.Decide(action, ToolkitSubject.Assessment(Assessment.IsCompleted), Access);
}

/// <summary>
/// An organisation's toolkit loaded for starting something in it (an assessment, a comparison), with the process it
/// will belong to: <see cref="ProcessId"/> when the process asked for is one of the organisation's, else
/// <see cref="ProcessIsElsewhere"/>.
/// </summary>
public sealed record ToolkitTarget(int OrganisationId, int? ProcessId, bool ProcessIsElsewhere, ProcessAccess Access, LogActor Actor) : IChangeTarget
{
    public int? LogProcessId => ProcessId;

    public Decision Decide(AssessmentAction action) => AssessmentPermissions.Decide(action, ToolkitSubject.Organisation, Access);
}

/// <summary>
/// Reads who the current person is with respect to an organisation's toolkit (their role in the organisation and, for
/// an assessment of a process, in that process), and opens the toolkit and its assessments for pages (refusing by
/// throwing: 404 for what the person may not see, sign-in or 403 with the reason otherwise) and for changes. The
/// three tools open their subjects through it, never through the assessments' tables.
/// </summary>
public sealed class AssessmentAccessReader(
    CocreoDbContext db,
    OrganisationMembership organisations,
    ProcessDirectory processes,
    ProcessAccessReader processAccess,
    LogActors actors)
{
    /// <summary>The person's access to the toolkit of <paramref name="organisationId"/>, with their role in <paramref name="processId"/> when set.</summary>
    public async Task<ProcessAccess> ForAsync(ClaimsPrincipal user, int organisationId, int? processId, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId();
        if (userId is null)
        {
            return ProcessAccess.Anonymous;
        }
        var organisationRole = await organisations.RoleOfAsync(organisationId, userId, cancellationToken);
        var role = processId is { } id ? await processAccess.RoleOfAsync(id, userId, cancellationToken) : null;
        return new ProcessAccess(userId, user.IsPlatformAdmin(), organisationRole, role);
    }

    /// <summary>Who the log names for a change by this person: staff and the process's team by name (see <see cref="LogActors"/>).</summary>
    public Task<LogActor> ActorAsync(ProcessAccess access, CancellationToken cancellationToken) => actors.ForAsync(access, cancellationToken);

    /// <summary>Opens an organisation's toolkit for a page that does <paramref name="action"/>; refuses (throws) otherwise.</summary>
    public async Task<ToolkitView> ReadToolkitAsync(int organisationId, ClaimsPrincipal user, AssessmentAction action, CancellationToken cancellationToken = default)
    {
        var organisation = RefusedException.IfMissing(await organisations.SummaryAsync(organisationId, cancellationToken));
        var access = await ForAsync(user, organisationId, null, cancellationToken);
        RefusedException.Unless(AssessmentPermissions.Decide(action, ToolkitSubject.Organisation, access), access.IsAuthenticated);
        return new ToolkitView(organisation, access);
    }

    /// <summary>
    /// Opens an assessment (of <paramref name="instrumentId"/> when set: a tool's page shows only its own) for a page
    /// that does <paramref name="action"/>, with <paramref name="answers"/>; refuses (throws) otherwise.
    /// </summary>
    public async Task<AssessmentView> ReadAsync(
        int assessmentId, ClaimsPrincipal user, AssessmentAction action, string? instrumentId, AnswersLoaded answers, CancellationToken cancellationToken = default)
    {
        var assessment = RefusedException.IfMissing(await Query(answers, user.UserId()).AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == assessmentId && (instrumentId == null || a.InstrumentId == instrumentId), cancellationToken));
        var access = await ForAsync(user, assessment.OrganisationId, assessment.ProcessId, cancellationToken);
        RefusedException.Unless(AssessmentPermissions.Decide(action, ToolkitSubject.Assessment(assessment.IsCompleted), access), access.IsAuthenticated);
        return new AssessmentView(assessment, await PlaceAsync(assessment.OrganisationId, assessment.ProcessId, cancellationToken), access);
    }

    /// <summary>The organisation of a toolkit page's subject, and the title of its process if it belongs to one.</summary>
    public async Task<ToolkitPlace> PlaceAsync(int organisationId, int? processId, CancellationToken cancellationToken = default) =>
        new(RefusedException.IfMissing(await organisations.SummaryAsync(organisationId, cancellationToken)),
            processId is { } id ? (await processes.FindAsync(id, cancellationToken))?.Title : null);

    /// <summary>Loads an assessment for a change (tracked) with the person's access and log actor; null when there is none (of that instrument).</summary>
    public async Task<AssessmentTarget?> ForChangeAsync(
        int assessmentId, ClaimsPrincipal user, string? instrumentId, AnswersLoaded answers, CancellationToken cancellationToken)
    {
        var assessment = await Query(answers, user.UserId())
            .SingleOrDefaultAsync(a => a.Id == assessmentId && (instrumentId == null || a.InstrumentId == instrumentId), cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        var access = await ForAsync(user, assessment.OrganisationId, assessment.ProcessId, cancellationToken);
        return new AssessmentTarget(assessment, access, await actors.ForAsync(access, cancellationToken));
    }

    /// <summary>
    /// Loads an organisation's toolkit for starting something in it, with the process it is to belong to; null when
    /// there is no such organisation.
    /// </summary>
    public async Task<ToolkitTarget?> ToolkitForChangeAsync(int organisationId, int? processId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await organisations.SummaryAsync(organisationId, cancellationToken) is null)
        {
            return null;
        }
        var ours = processId is { } id && (await processes.FindAsync(id, cancellationToken))?.OrganisationId == organisationId ? processId : null;
        var access = await ForAsync(user, organisationId, ours, cancellationToken);
        return new ToolkitTarget(organisationId, ours, processId is not null && ours is null, access, await actors.ForAsync(access, cancellationToken));
    }

    private IQueryable<OrganisationAssessment> Query(AnswersLoaded answers, string? userId) => answers switch
    {
        AnswersLoaded.All => db.Set<OrganisationAssessment>().Include(a => a.Respondents).ThenInclude(r => r.Answers),
        // Anonymous people have no sheet of their own (a null id would match the anonymous participants' sheets).
        AnswersLoaded.Own when userId is not null => db.Set<OrganisationAssessment>().Include(a => a.Respondents.Where(r => r.UserId == userId)).ThenInclude(r => r.Answers),
        _ => db.Set<OrganisationAssessment>(),
    };
}
