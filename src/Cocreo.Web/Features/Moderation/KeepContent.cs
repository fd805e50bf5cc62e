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
        public override Task<KeepOutcome> RunAsync(Change<ContentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var target = change.Target;
            var outcome = target.Case?.Keep(change.Now) ?? KeepOutcome.Nothing;
            if (outcome != KeepOutcome.Nothing)
            {
                change.Log(outcome == KeepOutcome.ShownAgain ? "content.shown" : "content.reports-dismissed", target.LogData());
            }
            return Task.FromResult(outcome);
        }
    }
}
