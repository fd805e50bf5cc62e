using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team (those who announce) adds or replaces an announcement's translation into another language.</summary>
public static class TranslateAnnouncement
{
    public sealed record Command(int ProcessId, int AnnouncementId, string Language, string Title, string Body) : IProcessCommand;

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db) : ProcessChange<Command, Done>(processes)
    {
        protected override ProcessAction Action => ProcessAction.Announce;

        public override async Task<Done> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!ContentLanguages.IsKnown(command.Language))
            {
                throw new ProcessRuleException("UnknownLanguage");
            }
            var announcement = await db.Set<Announcement>().Include(a => a.Translations)
                .SingleOrDefaultAsync(a => a.Id == command.AnnouncementId && a.ProcessId == command.ProcessId, cancellationToken)
                ?? throw new RefusedException(Refusal.NotFound);
            announcement.Translate(command.Language, command.Title, command.Body);
            change.Log("announcement.translated", new { announcement = announcement.Id, language = command.Language, title = command.Title.Trim() });
            return new Done();
        }
    }
}
