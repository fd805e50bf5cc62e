using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Shared.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

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
public sealed class ToolkitOrganisation(OrganisationMembership organisations, ProcessDirectory processes, AssessmentAccessReader accessReader)
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
}
