using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.Report;

/// <summary>Reads meetings' reports and their photos.</summary>
public sealed class MeetingReports(CocreoDbContext db)
{
    public Task<MeetingReport?> FindAsync(int meetingId, CancellationToken cancellationToken) =>
        db.Set<MeetingReport>().AsNoTracking().SingleOrDefaultAsync(r => r.MeetingId == meetingId, cancellationToken);

    public Task<List<MeetingReportPhoto>> PhotosAsync(int meetingId, CancellationToken cancellationToken) =>
        db.Set<MeetingReportPhoto>().AsNoTracking().Where(p => p.MeetingId == meetingId).OrderBy(p => p.Id).ToListAsync(cancellationToken);

    public Task<MeetingReportPhoto?> PhotoAsync(int meetingId, int photoId, CancellationToken cancellationToken) =>
        db.Set<MeetingReportPhoto>().AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == meetingId && p.Id == photoId, cancellationToken);
}

/// <summary>The report's services, added by the meetings' manifest in one line.</summary>
public static class ReportServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<MeetingReports>();
        services.AddScoped<ReportWriter>();
    }
}
