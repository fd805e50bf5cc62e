using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team publishes an announcement: shown on the process page, logged, and e-mailed to members in the same save.</summary>
public static class PublishAnnouncement
{
    public sealed record Command(int ProcessId, string Title, string Body, Guid SubmissionId) : IProcessCommand, ISubmittedOnce;

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db, ProcessNotifications notifications) : ProcessChange<Command, Done>(processes)
    {
        protected override ProcessAction Action => ProcessAction.Announce;

        public override async Task<Done> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            var published = new Announcement
            {
                ProcessId = process.Id,
                Title = command.Title.Trim(),
                Body = command.Body.Trim(),
                AuthorUserId = change.Target.Access.UserId!,
                PublishedAt = change.Now,
            };
            db.Add(published);
            change.Log("announcement.published", new { title = published.Title, body = published.Body });
            // The e-mails carry a checkpoint of the log: every member's mailbox keeps proof of what the log said.
            await notifications.QueueAnnouncementAsync(process, published, change.Checkpoint(), cancellationToken);
            return new Done();
        }
    }
}
