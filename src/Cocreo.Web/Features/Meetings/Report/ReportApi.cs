using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.Report;

/// <summary>A meeting's published report as data (<c>/api/v1/meetings/{id}/report</c>), its exports (Markdown, HTML) and its photos.</summary>
public static class ReportApi
{
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/meetings/{id:int}/report", Get).WithTags("Meetings").WithName("GetMeetingReport").WithSummary("The meeting's published report (Markdown).");
        endpoints.MapGet("/meetings/{id:int}/report.md", Markdown).WithTags("Meetings").WithName("GetMeetingReportMarkdown").WithSummary("The published report as a Markdown file.");
        endpoints.MapGet("/meetings/{id:int}/report.html", Html).WithTags("Meetings").WithName("GetMeetingReportHtml").WithSummary("The published report as an HTML file.");
        endpoints.MapGet("/meetings/{id:int}/report/photos/{photoId:int}", Photo).WithTags("Meetings").WithName("GetMeetingReportPhoto")
            .WithSummary("A photo of the report (a draft's only for the organisers).");
        return endpoints;
    }

    private static async Task<IResult> Get(int id, HttpContext http, MeetingAccessReader meetings, MeetingReports reports, CancellationToken cancellationToken)
    {
        var report = await PublishedAsync(id, http, meetings, reports, cancellationToken);
        return report is null ? TypedResults.NotFound() : TypedResults.Ok(new ReportDocument(id, report.PublishedMarkdown!, report.PublishedAt!.Value, report.Publications));
    }

    private static async Task<IResult> Markdown(int id, HttpContext http, MeetingAccessReader meetings, MeetingReports reports, CancellationToken cancellationToken)
    {
        var report = await PublishedAsync(id, http, meetings, reports, cancellationToken);
        return report is null ? TypedResults.NotFound() : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(report.PublishedMarkdown!), "text/markdown; charset=utf-8", $"meeting-{id}-report.md");
    }

    private static async Task<IResult> Html(int id, HttpContext http, MeetingAccessReader meetings, MeetingReports reports, Platform.Markdown.MarkdownRenderer renderer, IStringLocalizer<ReportText> t, CancellationToken cancellationToken)
    {
        var report = await PublishedAsync(id, http, meetings, reports, cancellationToken);
        if (report is null)
        {
            return TypedResults.NotFound();
        }
        using var body = new StringWriter();
        renderer.Render(report.PublishedMarkdown).WriteTo(body, System.Text.Encodings.Web.HtmlEncoder.Default);
        var title = System.Net.WebUtility.HtmlEncode(t["Report"]);
        var html = $"<!doctype html>\n<html lang=\"{Platform.Localization.Cultures.Current}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main>\n{body}\n</main></body></html>\n";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"meeting-{id}-report.html");
    }

    private static async Task<IResult> Photo(int id, int photoId, HttpContext http, MeetingAccessReader meetings, MeetingReports reports, CancellationToken cancellationToken)
    {
        var view = await meetings.ReadAsync(id, http.User, MeetingAction.View, cancellationToken);
        var photo = await reports.PhotoAsync(id, photoId, cancellationToken);
        if (photo is null || (photo.PublishedAt is null && !view.Can(MeetingAction.Organise)))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.File(photo.Content, photo.ContentType);
    }

    private static async Task<MeetingReport?> PublishedAsync(int id, HttpContext http, MeetingAccessReader meetings, MeetingReports reports, CancellationToken cancellationToken)
    {
        await meetings.ReadAsync(id, http.User, MeetingAction.View, cancellationToken);
        var report = await reports.FindAsync(id, cancellationToken);
        return report is { IsPublished: true } ? report : null;
    }
}

public sealed record ReportDocument(int MeetingId, string Markdown, DateTime PublishedAt, int Publications);
