using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cocreo.Web.Features.Assessments;

/// <summary>What staff fill in to start an assessment or a comparison: a title and, optionally, the process it belongs to.</summary>
public sealed class StartForm
{
    /// <summary>The name the toolkit's pages bind the form under.</summary>
    public const string Prefix = "Start";

    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(AssessmentLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
    public string Title { get; set; } = "";

    public int? ProcessId { get; set; }

    public Guid SubmissionId { get; set; }
}

/// <summary>The processes an organisation's assessment or comparison may belong to, as the start form offers them.</summary>
public sealed class ToolkitProcesses(ProcessDirectory processes)
{
    /// <summary>The organisation's processes as options, after a "none" option.</summary>
    public async Task<List<SelectListItem>> OptionsAsync(int organisationId, string none, CancellationToken cancellationToken = default) =>
        [new SelectListItem(none, ""), .. (await processes.OfOrganisationAsync(organisationId, Cultures.Current, cancellationToken))
            .Select(p => new SelectListItem(p.Title, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
}
