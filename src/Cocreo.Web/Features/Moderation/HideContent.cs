using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Moderation;

/// <summary>
/// The moderators hide an item with a reason that is shown in public in its place and written to the log (or change
/// the reason of a hidden one); its reports are answered. Nothing is deleted: it can be shown again.
/// </summary>
public static class HideContent
{
    public sealed record Command(int ProcessId, string Kind, int ItemId, string Reason) : IContentCommand, IProcessCommand;

    public sealed class Handler(ModerationAccess access, CocreoDbContext db) : ModeratorChange<Command, Done>(access)
    {
        public override async Task<Done> RunAsync(Change<ContentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var target = change.Target;
            var moderation = target.Case ?? db.Add(ModerationCase.Open(target.Kind, target.ItemId, target.Process.Id)).Entity;
            moderation.Hide(command.Reason, change.Now);
            change.Log("content.hidden", target.LogData(("reason", moderation.HiddenReason)));
            await Access.Content(target.Kind)!.ApplyAsync(target.ItemId, shown: false, moderation.HiddenReason, change.Now, cancellationToken);
            return new Done();
        }
    }
}
