using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// One proposal of a process: its text, the organisation's answer, its supports; support or withdraw support,
/// withdraw one's own proposal, and for the team answer it or merge it into another. Its writers add and remove
/// pictures and PDF documents here (each form stores its file at once, so nothing is lost by going back).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = ProposalAttachmentReader.MaxRequestBytes)]
[RequestSizeLimit(ProposalAttachmentReader.MaxRequestBytes)]
[RefuseRequestsOver(ProposalAttachmentReader.MaxRequestBytes)]
public sealed class DetailsModel(ProposalAccess access, ProposalList list, ModerationDirectory moderation, ChangeRunner changes, Accounts.People people, IStringLocalizer<ProposalsText> t,
    ProposalAttachmentReader attachments) : PageModel
{
    public List<ProposalImageView> Images { get; private set; } = [];
    public List<AttachedDocumentView> Documents { get; private set; } = [];

    [BindProperty] public IFormFile? NewImage { get; set; }
    [BindProperty] public string? NewImageAlt { get; set; }
    [BindProperty] public IFormFile? NewDocument { get; set; }
    [BindProperty] public string? NewDocumentTitle { get; set; }

    /// <summary>For the moderators: the name of who uploaded each picture and document (null when not known: a deleted account, or added before uploaders were recorded).</summary>
    public Dictionary<int, string?> ImageUploaders { get; private set; } = [];
    public Dictionary<int, string?> DocumentUploaders { get; private set; } = [];

    /// <summary>The reader sees the pictures and documents: while the proposal is shown, else its writers and the moderators.</summary>
    public bool SeesAttachments => Moderation.IsShown || IsWriter || Moderates;

    /// <summary>The reader may add and remove attachments now (a writer, while the proposal can be edited and is not hidden).</summary>
    public bool CanAttach => IsWriter && Proposal.IsOpen && Proposal.Status is not (ProposalStatus.Accepted or ProposalStatus.Rejected)
        && (Moderation.IsShown || Moderation.IsPending) && View.Can(ProposalAction.View, Proposal) && ProposalPermissions.Writable(View.Process.Process).IsAllowed;

    /// <summary>The names the co-authors show.</summary>
    public List<string> CoAuthorNames { get; private set; } = [];

    /// <summary>The reader is the author or a co-author.</summary>
    public bool IsWriter { get; private set; }

    public bool IsAuthor => Proposal.AuthorUserId == View.Process.Access.UserId;

    /// <summary>The reader reported this proposal already.</summary>
    public bool Reported { get; private set; }

    /// <summary>The reader moderates the process (may hide the proposal).</summary>
    public bool Moderates { get; private set; }

    /// <summary>Whether the reader may report the proposal (signed in, not its author, it is shown, not reported by them yet).</summary>
    public bool CanReport => View.Process.Access.IsAuthenticated && !Proposal.IsWithdrawn && !IsAuthor && Moderation.IsShown && !Reported;

    public ProposalsView View { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;
    public ModerationStatus Moderation { get; private set; } = ModerationStatus.Shown;
    public int Supports { get; private set; }
    public bool Supporting { get; private set; }
    public int ReaderSupports { get; private set; }
    public Proposal? MergedInto { get; private set; }
    public List<Proposal> Merged { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int processId, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int processId, int id, CancellationToken cancellationToken)
    {
        (View, Proposal) = await access.ReadProposalAsync(processId, id, User, cancellationToken);
        Moderation = await moderation.StatusAsync(ProcessProposalContents.Kind, id, cancellationToken);
        var moderates = Moderates = ModerationPermissions.Allows(ModerationAction.Moderate, View.Process.Process, View.Process.Access);
        Reported = (await moderation.ReportedByAsync(ProcessProposalContents.Kind, [id], View.Process.Access.UserId, cancellationToken)).Contains(id);
        if (Moderation.IsPending && !moderates && Proposal.AuthorUserId != View.Process.Access.UserId)
        {
            throw new RefusedException(Refusal.NotFound);
        }
        (Supports, Supporting, ReaderSupports) = await list.SupportsAsync(Proposal, View.Process.Access.UserId, cancellationToken);
        MergedInto = Proposal.MergedIntoId is { } into ? await access.FindAsync(into, cancellationToken) : null;
        Merged = await list.MergedIntoAsync(id, cancellationToken);
        var coAuthors = await access.CoAuthorsAsync(id, cancellationToken);
        var names = await people.NamesOfAsync(coAuthors.ToList(), cancellationToken);
        CoAuthorNames = coAuthors.Select(c => names.GetValueOrDefault(c) ?? "").Where(n => n.Length > 0).Order().ToList();
        IsWriter = View.Process.Access.UserId is { } reader && (IsAuthor || coAuthors.Contains(reader));
        if (SeesAttachments)
        {
            Images = await attachments.ImagesAsync(id, cancellationToken);
            Documents = await attachments.DocumentsAsync(id, cancellationToken);
            if (moderates && (Images.Count > 0 || Documents.Count > 0))
            {
                var (images, documents) = await attachments.UploadersAsync(id, cancellationToken);
                var uploaderNames = await people.NamesOfAsync(images.Values.Concat(documents.Values).OfType<string>().Distinct().ToList(), cancellationToken);
                ImageUploaders = images.ToDictionary(i => i.Key, i => i.Value is { } u ? uploaderNames.GetValueOrDefault(u) : null);
                DocumentUploaders = documents.ToDictionary(d => d.Key, d => d.Value is { } u ? uploaderNames.GetValueOrDefault(u) : null);
            }
        }
    }

    public async Task<IActionResult> OnPostImageAsync(int processId, int id, [FromServices] AddProcessProposalImage.Handler add, [FromServices] IStringLocalizer<BudgetingText> budgetText,
        CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        if (NewImage is null || (NewImage.Length == 0 && string.IsNullOrEmpty(NewImage.FileName)))
        {
            ModelState.AddModelError(nameof(NewImage), t["Choose the file to add."]);
        }
        var image = ModelState.IsValid
            ? await ProposalImageUpload.ReadAsync(NewImage, NewImageAlt, nameof(NewImage), nameof(NewImageAlt), ModelState, budgetText, cancellationToken)
            : null;
        if (image is null || !ModelState.IsValid)
        {
            // Whoever may not add pictures is told so, not asked to correct the form.
            RefusedException.Unless(WritersDecision(), View.Process.Access.IsAuthenticated);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(add, new AddProcessProposalImage.Command(id, image, NewImageAlt), cancellationToken);
        return this.Done(t["The picture was added."], ProposalLinks.Of(processId, id) + "#attachments");
    }

    public async Task<IActionResult> OnPostRemoveImageAsync(int processId, int id, int imageId, [FromServices] RemoveProcessProposalImage.Handler remove, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var removed = await changes.RunAsync(remove, new RemoveProcessProposalImage.Command(id, imageId), cancellationToken);
        return this.Done(removed ? t["The picture was removed."] : t["Nothing changed."], ProposalLinks.Of(processId, id) + "#attachments");
    }

    public async Task<IActionResult> OnPostDocumentAsync(int processId, int id, [FromServices] AddProcessProposalDocument.Handler add, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        if (NewDocument is null || (NewDocument.Length == 0 && string.IsNullOrEmpty(NewDocument.FileName)))
        {
            RefusedException.Unless(WritersDecision(), View.Process.Access.IsAuthenticated);
            ModelState.AddModelError(nameof(NewDocument), t["Choose the file to add."]);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var content = await DocumentUpload.ReadAsync(NewDocument, cancellationToken);
        await changes.RunAsync(add, new AddProcessProposalDocument.Command(id, NewDocumentTitle, content), cancellationToken);
        return this.Done(t["The document was added."], ProposalLinks.Of(processId, id) + "#attachments");
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(int processId, int id, int documentId, [FromServices] RemoveProcessProposalDocument.Handler remove, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var removed = await changes.RunAsync(remove, new RemoveProcessProposalDocument.Command(id, documentId), cancellationToken);
        return this.Done(removed ? t["The document was removed."] : t["Nothing changed."], ProposalLinks.Of(processId, id) + "#attachments");
    }

    /// <summary>Whether the reader writes this proposal, as the attachment changes decide it (to refuse a stranger before reading their file).</summary>
    private Decision WritersDecision()
    {
        if (!View.Process.Access.IsAuthenticated)
        {
            return Decision.NotYours("Sign in to edit your proposal.", typeof(ProposalPermissions));
        }
        return IsWriter ? ProposalPermissions.Writable(View.Process.Process)
            : Decision.NotYours("Only its author and co-authors edit a proposal; the moderators can hide it.", typeof(ProposalPermissions));
    }

    public async Task<IActionResult> OnPostEditAsync(int processId, int id, string? editedTitle, string? editedBody, [FromServices] EditProcessProposal.Handler edit, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var changed = await changes.RunAsync(edit, new EditProcessProposal.Command(id, editedTitle ?? "", editedBody ?? ""), cancellationToken);
        return this.Done(changed ? t["The proposal is changed."] : t["Nothing changed."], ProposalLinks.Of(processId, id));
    }

    public async Task<IActionResult> OnPostReportProposalAsync(int processId, int id, ReportReason? reportReason, string? reportDetails, Guid reportSubmissionId,
        [FromServices] ReportContent.Handler report, [FromServices] IStringLocalizer<ModerationText> moderationText, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        if (!ReportForm.Check(ReportForm.Field("proposalId", id), reportReason, reportDetails, ModelState, moderationText))
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var outcome = await changes.RunAsync(report, new ReportContent.Command(ProcessProposalContents.Kind, id, reportReason!.Value, reportDetails, reportSubmissionId), cancellationToken);
        return this.Done(outcome.Counted ? moderationText["Thank you: the moderators will look at it."] : moderationText["You reported it already; the moderators will look at it."],
            ProposalLinks.Of(processId, id));
    }

    public async Task<IActionResult> OnPostInviteAsync(int processId, int id, string? email, [FromServices] InviteCoAuthor.Handler invite, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var sent = await changes.RunAsync(invite, new InviteCoAuthor.Command(id, email ?? ""), cancellationToken);
        return this.Done(sent ? t["The invitation is on its way."] : t["This address is invited already."], ProposalLinks.Of(processId, id));
    }

    /// <summary>The reader may translate the proposal (its writers and the process's team: <see cref="ProposalTranslating"/>).</summary>
    public bool CanTranslate => ProposalTranslating.Decide(View.Process.Process, View.Process.Access, View.Settings, Proposal, IsWriter, Moderation).IsAllowed;

    public bool Can(ProposalAction action) => View.Can(action, Proposal);

    public async Task<IActionResult> OnPostSupportAsync(int processId, int id, [FromServices] SupportProcessProposal.Handler support, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var added = await changes.RunAsync(support, new SupportProcessProposal.Command(id), cancellationToken);
        return this.Done(added ? t["You support this proposal."] : t["You already support this proposal."], ProposalLinks.Of(processId, id));
    }

    public async Task<IActionResult> OnPostUnsupportAsync(int processId, int id, [FromServices] WithdrawProcessSupport.Handler withdraw, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var removed = await changes.RunAsync(withdraw, new WithdrawProcessSupport.Command(id), cancellationToken);
        return this.Done(removed ? t["You no longer support this proposal."] : t["You did not support this proposal."], ProposalLinks.Of(processId, id));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int processId, int id, [FromServices] WithdrawProcessProposal.Handler withdraw, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var done = await changes.RunAsync(withdraw, new WithdrawProcessProposal.Command(id), cancellationToken);
        return this.Done(done ? t["Your proposal is withdrawn."] : t["This proposal was withdrawn already."], ProposalLinks.Of(processId, id));
    }

    public async Task<IActionResult> OnPostAnswerAsync(int processId, int id, string? status, string? reason, [FromServices] AnswerProposal.Handler answer, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var done = await changes.RunAsync(answer, new AnswerProposal.Command(id, ProposalFilters.Answer(status), reason ?? ""), cancellationToken);
        return this.Done(done ? t["The answer is published."] : t["Nothing changed."], ProposalLinks.Of(processId, id));
    }

    public async Task<IActionResult> OnPostMergeAsync(int processId, int id, int into, [FromServices] MergeProcessProposal.Handler merge, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var outcome = await changes.RunAsync(merge, new MergeProcessProposal.Command(id, into), cancellationToken);
        return this.Done(t.Plural("{0, plural, one {Merged; # support was carried over.} other {Merged; # supports were carried over.}}", outcome.Carried), ProposalLinks.Of(processId, into));
    }
}
