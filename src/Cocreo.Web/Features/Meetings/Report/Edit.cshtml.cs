using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.Report;

/// <summary>The report's sections as the organisers write them.</summary>
public sealed class ReportInput
{
    [StringLength(ReportLimits.Section, ErrorMessage = "Each section can have at most {1} characters.")]
    public string? Summary { get; set; }

    [StringLength(ReportLimits.Section, ErrorMessage = "Each section can have at most {1} characters.")]
    public string? Discussion { get; set; }

    [StringLength(ReportLimits.Section, ErrorMessage = "Each section can have at most {1} characters.")]
    public string? NextSteps { get; set; }
}

/// <summary>
/// The organisers' draft of the report: prefilled from the meeting (the counts, the decisions and the harvest, shown as
/// the report will say them), three Markdown sections, photos with descriptions; saved, then published.
/// </summary>
public sealed class EditReportModel(MeetingAccessReader meetings, MeetingReports reports, ReportWriter writer, ChangeRunner changes, IStringLocalizer<ReportText> t) : PageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public MeetingView View { get; private set; } = null!;
    public MeetingReport? Report { get; private set; }
    public string Preview { get; private set; } = "";
    public List<MeetingReportPhoto> Photos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = new ReportInput { Summary = Report?.Summary, Discussion = Report?.Discussion, NextSteps = Report?.NextSteps };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, [FromServices] SaveReport.Handler save, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(save, new SaveReport.Command(id, Input.Summary, Input.Discussion, Input.NextSteps), cancellationToken);
        return this.Done(Report?.IsPublished == true ? t["The draft is saved; the published report stays as it was until you publish again."] : t["The draft is saved."], $"/meetings/{id}/report/edit");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, [FromServices] PublishReport.Handler publish, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var published = await changes.RunAsync(publish, new PublishReport.Command(id), cancellationToken);
        return this.Done(published ? t["The report is published and in the process's log."] : t["The report was published as it is already; nothing changed."], $"/meetings/{id}/report");
    }

    public async Task<IActionResult> OnPostPhotoAsync(int id, IFormFile? photo, string? photoAlt, [FromServices] AddReportPhoto.Handler add, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (string.IsNullOrWhiteSpace(photoAlt))
        {
            ModelState.AddModelError(nameof(photoAlt), t["Describe the photo for people who cannot see it."]);
        }
        ImageFile? image = null;
        if (photo is null)
        {
            ModelState.AddModelError(nameof(photo), t["Choose a photo (JPEG, PNG or WebP)."]);
        }
        else
        {
            var reading = await ImageFile.ReadAsync(photo, cancellationToken);
            if (reading.File is null)
            {
                ModelState.AddModelError(nameof(photo), t["This file is not a photo we can use: send a JPEG, PNG or WebP picture of at most 5 MB."]);
            }
            image = reading.File;
        }
        if (!ModelState.IsValid || image is null)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(add, new AddReportPhoto.Command(id, image, photoAlt), cancellationToken);
        return this.Done(t["The photo is in the draft."], $"/meetings/{id}/report/edit#photos");
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(int id, int photoId, [FromServices] RemoveReportPhoto.Handler remove, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(remove, new RemoveReportPhoto.Command(id, photoId), cancellationToken);
        return this.Done(t["The photo is removed."], $"/meetings/{id}/report/edit#photos");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, MeetingAction.Organise, cancellationToken);
        Report = await reports.FindAsync(id, cancellationToken);
        var facts = await writer.FactsAsync(id, publishedPhotosOnly: false, cancellationToken);
        Preview = writer.Write(View.Meeting, Report ?? MeetingReport.For(View.Meeting, View.Now), facts);
        Photos = await reports.PhotosAsync(id, cancellationToken);
    }
}
