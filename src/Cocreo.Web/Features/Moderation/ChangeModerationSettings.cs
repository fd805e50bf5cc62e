using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Moderation;

/// <summary>
/// The process's moderators choose after how many reports an item is hidden until they look (or the platform's
/// default, or never), and whether new content waits for them before the public sees it. Logged with the values.
/// </summary>
public static class ChangeModerationSettings
{
    public sealed record Command(int ProcessId, int? HideAfterReports, bool PreModeration) : IProcessCommand;

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db, IOptions<ModerationOptions> options) : ProcessChange<Command, bool>(processes)
    {
        protected override ProcessAction Action => ProcessAction.View;

        public override Decision Decide(ProcessTarget target, Command command) =>
            ModerationPermissions.Decide(ModerationAction.Moderate, target.Process.Visibility, target.Access);

        public override async Task<bool> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var processId = change.Target.Process.Id;
            var settings = await db.Set<ModerationSettings>().SingleOrDefaultAsync(s => s.ProcessId == processId, cancellationToken)
                ?? db.Add(ModerationSettings.For(processId)).Entity;
            if (!settings.Change(command.HideAfterReports, command.PreModeration))
            {
                return false;
            }
            change.Log("moderation.settings-changed", new
            {
                hideAfterReports = command.HideAfterReports ?? options.Value.HideAfterReports,
                platformDefault = command.HideAfterReports is null,
                preModeration = command.PreModeration,
            });
            return true;
        }
    }
}
