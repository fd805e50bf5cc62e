using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>An organisation's Co-Master surveys of the quality of its co-creation, and starting one.</summary>
[Authorize]
public sealed class IndexModel(
    AssessmentAccessReader toolkit,
    AssessmentDirectory assessments,
    ToolkitProcesses processes,
    ChangeRunner changes,
    TimeProvider clock,
    IStringLocalizer<ProcessQualityText> t) : ToolPage(toolkit, assessments, processes, changes)
{
    public override Instrument Instrument { get; } = InstrumentCatalog.Latest(InstrumentCatalog.CoMaster);

    /// <param name="process">A process to preselect for the survey (the process page links here with it).</param>
    public async Task<IActionResult> OnGetAsync(int organisationId, int? process, CancellationToken cancellationToken)
    {
        await LoadAsync(organisationId, AssessmentAction.View, t["None"], cancellationToken);
        var preselected = Processes.Any(p => p.Value == process?.ToString(System.Globalization.CultureInfo.InvariantCulture)) ? process : null;
        Start = new StartForm
        {
            SubmissionId = Guid.NewGuid(),
            Title = t["Co-Master {0}", clock.GetUtcNow().ToString("MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)],
            ProcessId = preselected,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int organisationId, [FromServices] StartAssessment.Handler start, CancellationToken cancellationToken)
    {
        await LoadAsync(organisationId, AssessmentAction.Start, t["None"], cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var id = await StartAsync(organisationId, start, cancellationToken);
        return this.Done(t["The survey was started. Answer it as an organiser, and open a link for participants."], $"/process-quality/{id}");
    }
}
