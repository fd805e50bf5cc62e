using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Moderation;

/// <summary>
/// The moderators keep an item: a hidden one is shown again, a reported one stays and its reports are answered.
/// Keeping an item that is shown and unreported changes nothing.
/// </summary>
public static class KeepContent
{
    public sealed record Command(int ProcessId, string Kind, int ItemId) : IContentCommand, IProcessCommand;

    public sealed class Handler(ModerationAccess access) : ModeratorChange<Command, KeepOutcome>(access)
    {
        public override async Task<KeepOutcome> RunAsync(Change<ContentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var target = change.Target;
            var outcome = target.Case?.Keep(change.Now) ?? KeepOutcome.Nothing;
            if (outcome != KeepOutcome.Nothing)
            {
                change.Log(outcome switch
                {
                    KeepOutcome.ShownAgain => "content.shown",
                    KeepOutcome.Published => "content.published",
                    _ => "content.reports-dismissed",
                }, target.LogData());
            }
            if (outcome is KeepOutcome.ShownAgain or KeepOutcome.Published)
            {
                await Access.Content(target.Kind)!.ApplyAsync(target.ItemId, shown: true, null, change.Now, cancellationToken);
            }
            return outcome;
        }
    }
}
