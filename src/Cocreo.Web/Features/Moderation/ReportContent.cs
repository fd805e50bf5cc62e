using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Moderation;

/// <summary>
/// Someone tells the moderators that an item breaks the rules, with a reason (and what they add, for the moderators
/// only). One report per person and item: a repeat changes nothing. Enough reports from different people hide the
/// item until the moderators look at it. The log says that a participant reported the item and why in one word,
/// never who, never the text.
/// </summary>
public static class ReportContent
{
    public sealed record Command(string Kind, int ItemId, ReportReason Reason, string? Details, Guid SubmissionId) : IContentCommand, ISubmittedOnce;

    /// <summary>Whether this report counted (false for a repeat), and whether it hid the item.</summary>
    public sealed record Outcome(bool Counted, bool Hidden);

    public sealed class Handler(ModerationAccess access, CocreoDbContext db, ModerationDirectory directory) : ContentChange<Command, Outcome>(access)
    {
        public override Decision Decide(ContentTarget target, Command command) => ModerationPermissions.DecideReport(target);

        public override async Task<Outcome> RunAsync(Change<ContentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var target = change.Target;
            var reporter = target.Access.UserId!;
            if (target.Case?.WasReportedBy(reporter) == true)
            {
                return new Outcome(false, false);
            }
            var moderation = target.Case ?? db.Add(ModerationCase.Open(target.Kind, target.ItemId, target.Process.Id)).Entity;
            var hidden = moderation.Report(reporter, command.Reason, command.Details, (await directory.SettingsAsync(target.Process.Id, cancellationToken)).HideAfterReports, change.Now);
            change.LogAs(LogActor.Private("participant"), "content.reported", target.LogData(("reason", command.Reason.ToString())));
            if (hidden)
            {
                change.LogAs(LogActor.System, "content.hidden-by-reports", target.LogData(("reports", moderation.OpenReports)));
                await Access.Content(target.Kind)!.ApplyAsync(target.ItemId, shown: false, ModerationCase.HiddenByReportsReason, change.Now, cancellationToken);
            }
            return new Outcome(true, hidden);
        }
    }
}
