using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// The team publishes an announcement: shown on the process page and logged with a signed checkpoint of the log, in
/// one save. Notifications (Features/Notifications) read it from the log and tell the process's followers, by e-mail
/// as each chose, the checkpoint included.
/// </summary>
public static class PublishAnnouncement
{
    public sealed record Command(int ProcessId, string Title, string Body, Guid SubmissionId) : IProcessCommand, ISubmittedOnce;

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db) : ProcessChange<Command, Done>(processes)
    {
        protected override ProcessAction Action => ProcessAction.Announce;

        public override Task<Done> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            var published = new Announcement
            {
                ProcessId = process.Id,
                Title = command.Title.Trim(),
                Body = command.Body.Trim(),
                Language = process.Language,
                AuthorUserId = change.Target.Access.UserId!,
                PublishedAt = change.Now,
            };
            db.Add(published);
            change.Log("announcement.published", new { title = published.Title, body = published.Body });
            // The e-mails about it carry this checkpoint of the log: every follower's mailbox keeps proof of what the log said.
            change.Checkpoint();
            return Task.FromResult(new Done());
        }
    }
}
