using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// One amendment: what it changes (word by word), why, its supports and debate; support it; for the text's authors
/// accept or reject it; for its author withdraw it, rebase it when the text changed, or turn a rejected one into a proposal.
/// </summary>
public sealed class DetailsModel(AmendmentAccess access, AmendmentList list, ModerationDirectory moderation, ChangeRunner changes, IStringLocalizer<AmendmentsText> t) : PageModel
{
    public AmendableSubject Subject { get; private set; } = null!;
    public AmendmentView View { get; private set; } = null!;
    public Amendment Amendment => View.Amendment;
    public bool Reported { get; private set; }

    public bool NeedsRebase => Amendment.NeedsRebase(Subject.Version);
    public bool IsAuthor => Subject.Access.UserId is { } reader && reader == Amendment.AuthorUserId;
    public bool TextShown => View.TextShownTo(Subject);
    public bool CanReport => Subject.Access.IsAuthenticated && !IsAuthor && View.Moderation.IsShown && !Reported && Amendment.Status != AmendmentStatus.Withdrawn;

    /// <summary>What changed in the text since the amendment was written (shown when it needs rebasing).</summary>
    public IReadOnlyList<DiffRun> ChangedSince => TextDiff.Diff(Amendment.BaseBody, Subject.Body);

    public bool Can(AmendmentAction action) => AmendmentPermissions.Decide(action, Subject, Amendment).IsAllowed;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (subject, amendment) = await access.ReadAsync(id, User, cancellationToken);
        Subject = subject;
        View = await list.OneAsync(amendment, subject.Access.UserId, cancellationToken);
        if (View.Moderation.IsPending && !TextShown)
        {
            throw new RefusedException(Refusal.NotFound);
        }
        Reported = (await moderation.ReportedByAsync(AmendmentContents.Kind, [id], subject.Access.UserId, cancellationToken)).Contains(id);
    }

    public async Task<IActionResult> OnPostSupportAsync(int id, [FromServices] SupportAmendment.Handler support, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var added = await changes.RunAsync(support, new SupportAmendment.Command(id), cancellationToken);
        return this.Done(added ? t["You support this amendment."] : t["You already support this amendment."], AmendmentLinks.Of(id));
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, [FromServices] AcceptAmendment.Handler accept, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var version = await changes.RunAsync(accept, new AcceptAmendment.Command(id), cancellationToken);
        return this.Done(t["The amendment is accepted: the text is now version {0}.", version], Subject.Link);
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, string? reason, [FromServices] RejectAmendment.Handler reject, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var done = await changes.RunAsync(reject, new RejectAmendment.Command(id, reason), cancellationToken);
        return this.Done(done ? t["The amendment is rejected; its author is told why."] : t["Nothing changed."], AmendmentLinks.Of(id));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, [FromServices] WithdrawAmendment.Handler withdraw, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var done = await changes.RunAsync(withdraw, new WithdrawAmendment.Command(id), cancellationToken);
        return this.Done(done ? t["Your amendment is withdrawn."] : t["Nothing changed."], AmendmentLinks.Of(id));
    }

    public async Task<IActionResult> OnPostRebaseAsync(int id, string? rebasedTitle, string? rebasedBody, [FromServices] RebaseAmendment.Handler rebase, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var manual = rebasedTitle is not null || rebasedBody is not null;
        var done = await changes.RunAsync(rebase, new RebaseAmendment.Command(id, manual ? rebasedTitle ?? "" : null, manual ? rebasedBody ?? "" : null), cancellationToken);
        return this.Done(done ? t["Your amendment is now on version {0}.", Subject.Version] : t["Nothing changed."], AmendmentLinks.Of(id));
    }

    public async Task<IActionResult> OnPostPromoteAsync(int id, [FromServices] PromoteAmendment.Handler promote, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var proposalId = await changes.RunAsync(promote, new PromoteAmendment.Command(id), cancellationToken);
        return this.Done(t["Your amendment is now its own proposal."], $"/processes/{Subject.ProcessId}/proposals/{proposalId}");
    }

    public async Task<IActionResult> OnPostReportAmendmentAsync(int id, ReportReason? reportReason, string? reportDetails, Guid reportSubmissionId,
        [FromServices] ReportContent.Handler report, [FromServices] IStringLocalizer<ModerationText> moderationText, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!ReportForm.Check(ReportForm.Field("amendmentId", id), reportReason, reportDetails, ModelState, moderationText))
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var outcome = await changes.RunAsync(report, new ReportContent.Command(AmendmentContents.Kind, id, reportReason!.Value, reportDetails, reportSubmissionId), cancellationToken);
        return this.Done(outcome.Counted ? moderationText["Thank you: the moderators will look at it."] : moderationText["You reported it already; the moderators will look at it."],
            AmendmentLinks.Of(id));
    }
}
