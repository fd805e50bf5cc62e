using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Readiness;

/// <summary>An organisation's Co-Ready assessments, its readiness over time, and starting a (re-)assessment.</summary>
[Authorize]
public sealed class IndexModel(
    AssessmentAccessReader toolkit,
    AssessmentDirectory assessments,
    ToolkitProcesses processes,
    ChangeRunner changes,
    ReadinessRecords records,
    TimeProvider clock,
    IStringLocalizer<ReadinessText> t) : ToolPage(toolkit, assessments, processes, changes)
{
    public List<RecordedReadiness> History { get; private set; } = [];

    public override Instrument Instrument { get; } = InstrumentCatalog.Latest(InstrumentCatalog.CoReady);

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken cancellationToken)
    {
        await LoadAsync(organisationId, AssessmentAction.View, cancellationToken);
        Start = new StartForm { SubmissionId = Guid.NewGuid(), Title = t["Co-Ready {0}", clock.GetUtcNow().ToString("MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int organisationId, [FromServices] StartAssessment.Handler start, CancellationToken cancellationToken)
    {
        await LoadAsync(organisationId, AssessmentAction.Start, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var id = await StartAsync(organisationId, start, cancellationToken);
        return this.Done(t["The assessment was started. Answer it yourself, and ask colleagues to answer too."], $"/assessments/{id}/answer");
    }

    private async Task LoadAsync(int organisationId, AssessmentAction action, CancellationToken cancellationToken)
    {
        await LoadAsync(organisationId, action, t["None"], cancellationToken);
        History = await records.HistoryAsync(organisationId, cancellationToken);
    }
}
