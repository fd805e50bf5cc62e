using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.Report;

/// <summary>The organisers save the report's draft (the published version, if any, stays as it is). Not logged.</summary>
public static class SaveReport
{
    public sealed record Command(int MeetingId, string? Summary, string? Discussion, string? NextSteps) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db) : MeetingChange<Command, bool>(meetings, MeetingAction.Organise)
    {
        public override async Task<bool> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var meeting = change.Target.Meeting;
            var report = await db.Set<MeetingReport>().SingleOrDefaultAsync(r => r.MeetingId == meeting.Id, cancellationToken);
            if (report is null)
            {
                report = MeetingReport.For(meeting, change.Now);
                db.Add(report);
            }
            return report.Write(command.Summary, command.Discussion, command.NextSteps, change.Now);
        }
    }
}

/// <summary>The organisers add a photo with its description (required) to the report; re-encoded before the change.</summary>
public static class AddReportPhoto
{
    public sealed record Command(int MeetingId, ImageFile Image, string? AltText, Guid SubmissionId = default) : IMeetingCommand, ISubmittedOnce;

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db) : MeetingChange<Command, int>(meetings, MeetingAction.Organise)
    {
        public override async Task<int> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var meeting = change.Target.Meeting;
            var photo = MeetingReportPhoto.From(meeting.Id, command.Image, command.AltText, change.Now);
            if (await db.Set<MeetingReportPhoto>().CountAsync(p => p.MeetingId == meeting.Id, cancellationToken) >= ReportLimits.Photos)
            {
                throw new ReportRuleException("TooManyPhotos", ReportLimits.Photos);
            }
            // Counted against the meeting's version: two uploads at once do not pass the limit together.
            meeting.Touch();
            db.Add(photo);
            await change.SaveAsync(cancellationToken);
            return photo.Id;
        }
    }
}

/// <summary>The organisers remove a photo (from the draft and, at once, from the published report).</summary>
public static class RemoveReportPhoto
{
    public sealed record Command(int MeetingId, int PhotoId) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db) : MeetingChange<Command, bool>(meetings, MeetingAction.Organise)
    {
        public override async Task<bool> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var photo = await db.Set<MeetingReportPhoto>().SingleOrDefaultAsync(p => p.Id == command.PhotoId && p.MeetingId == change.Target.Meeting.Id, cancellationToken);
            if (photo is null)
            {
                return false;
            }
            db.Remove(photo);
            // Out of the published report and the draft at once: no broken image until the next publication.
            if (await db.Set<MeetingReport>().SingleOrDefaultAsync(r => r.MeetingId == change.Target.Meeting.Id, cancellationToken) is { } report)
            {
                report.ForgetPhoto(photo.Id);
            }
            return true;
        }
    }
}

/// <summary>
/// The organisers publish the report: written from the meeting as it is now (attendance, published harvest, decisions,
/// the draft's sections, the photos) and kept as published; logged (<c>meeting.report.published</c>, with the counts)
/// the same day. Publishing what is already published changes and logs nothing.
/// </summary>
public static class PublishReport
{
    public sealed record Command(int MeetingId) : IMeetingCommand;

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db, ReportWriter writer) : MeetingChange<Command, bool>(meetings, MeetingAction.Organise)
    {
        public override async Task<bool> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var meeting = change.Target.Meeting;
            var report = await db.Set<MeetingReport>().SingleOrDefaultAsync(r => r.MeetingId == meeting.Id, cancellationToken);
            if (report is null)
            {
                report = MeetingReport.For(meeting, change.Now);
                db.Add(report);
            }
            var facts = await writer.FactsAsync(meeting.Id, publishedPhotosOnly: false, cancellationToken);
            if (!report.Publish(writer.Write(meeting, report, facts), change.Now))
            {
                return false;
            }
            foreach (var photo in await db.Set<MeetingReportPhoto>().Where(p => p.MeetingId == meeting.Id).ToListAsync(cancellationToken))
            {
                photo.Publish(change.Now);
            }
            change.Log("meeting.report.published", new
            {
                meeting = meeting.Id,
                title = meeting.Title,
                publication = report.Publications,
                registered = facts.Counts.Registered,
                checkedIn = facts.Counts.CheckedIn,
                walkIns = facts.Counts.WalkIns,
                harvested = facts.Harvest.Count,
                decisions = facts.Decisions.Count(),
            });
            return true;
        }
    }
}
