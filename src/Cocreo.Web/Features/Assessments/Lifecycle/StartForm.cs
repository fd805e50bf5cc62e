using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Assessments;

/// <summary>What staff fill in to start an assessment or a comparison: a title and, optionally, the process it belongs to.</summary>
public sealed class StartForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(AssessmentLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
    public string Title { get; set; } = "";

    public int? ProcessId { get; set; }

    public Guid SubmissionId { get; set; }
}

/// <summary>The organisation a toolkit page is about, who the reader is there, and the processes an assessment may belong to.</summary>
public sealed class ToolkitOrganisation(
    CocreoDbContext db,
    OrganisationMembership organisations,
    ProcessDirectory processes,
    AssessmentAccessReader accessReader,
    AssessmentLifecycle lifecycle,
    SubmissionGuard submissions)
{
    public async Task<(OrganisationSummary? Organisation, AssessmentAccess Access)> LoadAsync(ClaimsPrincipal user, int organisationId, CancellationToken cancellationToken = default)
    {
        var organisation = await organisations.SummaryAsync(organisationId, cancellationToken);
        return organisation is null
            ? (null, AssessmentAccess.Anonymous)
            : (organisation, await accessReader.ForOrganisationAsync(user, organisationId, cancellationToken));
    }

    /// <summary>The organisation's processes as options, after a "none" option.</summary>
    public async Task<List<SelectListItem>> ProcessOptionsAsync(int organisationId, string none, CancellationToken cancellationToken = default) =>
        [new SelectListItem(none, ""), .. (await processes.OfOrganisationAsync(organisationId, Cultures.Current, cancellationToken))
            .Select(p => new SelectListItem(p.Title, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>Adds an error when the chosen process is not one of the organisation's.</summary>
    public async Task ValidateProcessAsync(int organisationId, StartForm input, ModelStateDictionary modelState, string message, CancellationToken cancellationToken = default)
    {
        if (input.ProcessId is { } id && (await processes.FindAsync(id, cancellationToken))?.OrganisationId != organisationId)
        {
            modelState.AddModelError($"Start.{nameof(StartForm.ProcessId)}", message);
        }
    }

    /// <summary>The organisation's assessments on one instrument, newest first, with their respondents.</summary>
    public Task<List<OrganisationAssessment>> AssessmentsAsync(int organisationId, string instrumentId, CancellationToken cancellationToken = default) =>
        db.Set<OrganisationAssessment>().AsNoTracking()
            .Include(a => a.Respondents)
            .Where(a => a.OrganisationId == organisationId && a.InstrumentId == instrumentId)
            .OrderByDescending(a => a.StartedAt)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Starts an assessment on <paramref name="instrument"/> from <paramref name="form"/>, once per submission (a double
    /// submit starts one), and returns <paramref name="pathOf"/> the new assessment's id; null, with the error on the
    /// form, when the chosen process is not one of the organisation's.
    /// </summary>
    public async Task<string?> StartOnceAsync(
        int organisationId, StartForm form, Instrument instrument, ClaimsPrincipal user, Func<int, string> pathOf,
        ModelStateDictionary modelState, string wrongProcess, CancellationToken cancellationToken = default)
    {
        await ValidateProcessAsync(organisationId, form, modelState, wrongProcess, cancellationToken);
        if (!modelState.IsValid)
        {
            return null;
        }
        return await submissions.RunOnceAsync(form.SubmissionId, async () =>
        {
            var assessment = await lifecycle.StartAsync(organisationId, form.ProcessId, instrument, form.Title, user, cancellationToken);
            return pathOf(assessment.Id);
        }, cancellationToken);
    }
}
