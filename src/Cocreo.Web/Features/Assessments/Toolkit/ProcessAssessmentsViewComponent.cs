using Cocreo.Assessment;
using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// On the process page, for the organisation's staff and the process's organisers: the Co-Ready and Co-Master
/// assessments that belong to the process, and where to start a Co-Master survey of it. Others see nothing.
/// </summary>
public sealed class ProcessAssessmentsViewComponent(AssessmentAccessReader access, AssessmentDirectory directory, AssessmentHomes homes) : ViewComponent
{
    private static readonly string[] Shown = [InstrumentCatalog.CoReady, InstrumentCatalog.CoMaster];

    public async Task<IViewComponentResult> InvokeAsync(ProcessView process)
    {
        var (processId, organisationId) = (process.Process.Id, process.Process.OrganisationId);
        var cancellationToken = HttpContext.RequestAborted;
        var who = await access.ForAsync(HttpContext.User, organisationId, processId, cancellationToken);
        if (!AssessmentPermissions.Allows(AssessmentAction.View, ToolkitSubject.Assessment(isCompleted: false), who))
        {
            return Content("");
        }
        var rows = new List<ProcessAssessmentRow>();
        foreach (var assessment in await directory.OfProcessAsync(processId, Shown, cancellationToken))
        {
            rows.Add(new ProcessAssessmentRow(assessment, AssessmentInstruments.Of(assessment), await homes.PathAsync(assessment, cancellationToken)));
        }
        return View("/Features/Assessments/Toolkit/_ProcessAssessments.cshtml",
            new ProcessAssessments(processId, organisationId, rows, AssessmentPermissions.Allows(AssessmentAction.Start, ToolkitSubject.Organisation, who)));
    }
}

/// <summary>What the process page shows of its assessments.</summary>
public sealed record ProcessAssessments(int ProcessId, int OrganisationId, List<ProcessAssessmentRow> Rows, bool CanStart);

/// <summary>An assessment of the process, its instrument (null when this installation lacks its version) and its page.</summary>
public sealed record ProcessAssessmentRow(OrganisationAssessment Assessment, Instrument? Instrument, string Path);
