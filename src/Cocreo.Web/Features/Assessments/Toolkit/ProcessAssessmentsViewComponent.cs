using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// On the process page, for the organisation's staff and the process's organisers: the Co-Ready and Co-Master
/// assessments that belong to the process, and where to start a Co-Master survey of it. Others see nothing.
/// </summary>
public sealed class ProcessAssessmentsViewComponent(CocreoDbContext db, AssessmentAccessReader accessReader, AssessmentHomes homes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ProcessView process)
    {
        var (processId, organisationId) = (process.Process.Id, process.Process.OrganisationId);
        var cancellationToken = HttpContext.RequestAborted;
        var access = await accessReader.ForAsync(HttpContext.User, organisationId, processId, cancellationToken);
        if (!AssessmentPermissions.Allows(AssessmentAction.View, false, access))
        {
            return Content("");
        }
        var assessments = await db.Set<OrganisationAssessment>().AsNoTracking()
            .Include(a => a.Respondents)
            .Where(a => a.ProcessId == processId && (a.InstrumentId == InstrumentCatalog.CoReady || a.InstrumentId == InstrumentCatalog.CoMaster))
            .OrderByDescending(a => a.StartedAt)
            .ToListAsync(cancellationToken);
        var rows = new List<ProcessAssessmentRow>();
        foreach (var assessment in assessments)
        {
            rows.Add(new ProcessAssessmentRow(assessment, AssessmentInstruments.Of(assessment), await homes.PathAsync(assessment, cancellationToken)));
        }
        return View("/Features/Assessments/Toolkit/_ProcessAssessments.cshtml",
            new ProcessAssessments(processId, organisationId, rows, AssessmentPermissions.Allows(AssessmentAction.Start, false, access)));
    }
}

/// <summary>What the process page shows of its assessments.</summary>
public sealed record ProcessAssessments(int ProcessId, int OrganisationId, List<ProcessAssessmentRow> Rows, bool CanStart);

/// <summary>An assessment of the process, its instrument (null when this installation lacks its version) and its page.</summary>
public sealed record ProcessAssessmentRow(OrganisationAssessment Assessment, Instrument? Instrument, string Path);
