using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// Who changes a proposal's attachments (pictures and PDF documents), and when: its author and co-authors, while it
/// can be edited (not answered, merged or withdrawn) and is not hidden by the moderators — the rules of an edit.
/// </summary>
internal static class Attachments
{
    public static Decision Decide(ProcessProposalTarget target) => Writers.Decide(target, authorOnly: false);

    /// <summary>Refuses (422 / 403) a proposal that can no longer be edited, or that the moderators hid.</summary>
    public static async Task CheckEditableAsync(ProcessProposalTarget target, ModerationDirectory moderation, CancellationToken cancellationToken)
    {
        var proposal = target.Proposal;
        if (!proposal.IsOpen || proposal.Status is ProposalStatus.Accepted or ProposalStatus.Rejected)
        {
            throw new ProposalRuleException("ProposalNotEditable");
        }
        if ((await moderation.StatusAsync(ProcessProposalContents.Kind, proposal.Id, cancellationToken)) is { IsShown: false, IsPending: false })
        {
            RefusedException.Unless(Decision.NotNow("The moderators hid this proposal: it can no longer be edited.", typeof(ProposalPermissions)), isAuthenticated: true);
        }
    }
}

/// <summary>
/// Its author or a co-author adds a picture to a proposal of the process: re-encoded before the change (only pixels,
/// <see cref="ImageFile"/>), described for people who cannot see it, at most <see cref="ImageFile.MaxPerProposal"/>
/// (counted inside the change: two sent at once do not make five). Stored as budget projects' pictures are
/// (<see cref="ProposalImage"/>, one table). Once per submission. Logged by role, with ids only.
/// </summary>
public static class AddProcessProposalImage
{
    public sealed record Command(int ProposalId, ImageFile Image, string? AltText, Guid SubmissionId = default) : IProcessProposalCommand, ISubmittedOnce;

    public sealed class Handler(ProposalAccess access, CocreoDbContext db, ModerationDirectory moderation) : ProcessProposalChange<Command, int>(access, ProposalAction.Withdraw)
    {
        public override Decision Decide(ProcessProposalTarget target, Command command) => Attachments.Decide(target);

        public override async Task<int> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            await Attachments.CheckEditableAsync(change.Target, moderation, cancellationToken);
            var alt = (command.AltText ?? "").Trim();
            if (alt.Length == 0)
            {
                throw new ProposalRuleException("ImageAltMissing", "NewImageAlt");
            }
            if (alt.Length > ImageFile.AltTextLength)
            {
                throw new ProposalRuleException("TooLong", "NewImageAlt", ImageFile.AltTextLength);
            }
            if (await db.Set<ProposalImage>().CountAsync(i => i.ProposalId == proposal.Id, cancellationToken) >= ImageFile.MaxPerProposal)
            {
                throw new ProposalRuleException("TooManyImages", "NewImage", ImageFile.MaxPerProposal);
            }
            var image = ProposalImage.For(proposal.Id, command.Image, alt, change.Now, change.Target.Proposals.Access.UserId);
            db.Add(image);
            await change.SaveAsync(cancellationToken);
            change.LogAs(ProposalsTarget.Participant, "proposal.attachment-added", new { proposal = proposal.Id, image = image.Id });
            return image.Id;
        }
    }
}

/// <summary>Its author or a co-author removes a picture of the proposal; removing it again changes nothing.</summary>
public static class RemoveProcessProposalImage
{
    public sealed record Command(int ProposalId, int ImageId) : IProcessProposalCommand;

    public sealed class Handler(ProposalAccess access, CocreoDbContext db, ModerationDirectory moderation) : ProcessProposalChange<Command, bool>(access, ProposalAction.Withdraw)
    {
        public override Decision Decide(ProcessProposalTarget target, Command command) => Attachments.Decide(target);

        public override async Task<bool> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            await Attachments.CheckEditableAsync(change.Target, moderation, cancellationToken);
            var image = await db.Set<ProposalImage>().SingleOrDefaultAsync(i => i.Id == command.ImageId && i.ProposalId == proposal.Id, cancellationToken);
            if (image is null)
            {
                return false;
            }
            db.Remove(image);
            change.LogAs(ProposalsTarget.Participant, "proposal.attachment-removed", new { proposal = proposal.Id, image = image.Id });
            return true;
        }
    }
}

/// <summary>
/// Its author or a co-author attaches a PDF document with a title. The bytes are checked (<see cref="PdfFile.Check"/>:
/// not empty, within the limit, starting with %PDF- and ending with %%EOF), never the name or the type the browser sent,
/// then rewritten (<see cref="PdfRewriter"/>: only the pages and http(s) links are kept, nothing that acts in a viewer;
/// encrypted, unreadable and empty PDFs are refused) and the rewritten bytes are stored; at most <see cref="PdfFile.MaxPerProposal"/> a proposal, counted inside the change. Once per submission. Logged by
/// role, with ids only.
/// </summary>
public static class AddProcessProposalDocument
{
    public sealed record Command(int ProposalId, string? Title, byte[] Content, Guid SubmissionId = default) : IProcessProposalCommand, ISubmittedOnce;

    public sealed class Handler(ProposalAccess access, CocreoDbContext db, ModerationDirectory moderation) : ProcessProposalChange<Command, int>(access, ProposalAction.Withdraw)
    {
        public override Decision Decide(ProcessProposalTarget target, Command command) => Attachments.Decide(target);

        public override async Task<int> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            await Attachments.CheckEditableAsync(change.Target, moderation, cancellationToken);
            var title = (command.Title ?? "").Trim();
            if (title.Length == 0)
            {
                throw new ProposalRuleException("DocumentTitleMissing", "NewDocumentTitle");
            }
            if (title.Length > PdfFile.TitleLength)
            {
                throw new ProposalRuleException("TooLong", "NewDocumentTitle", PdfFile.TitleLength);
            }
            var (content, problem) = PdfFile.Prepare(command.Content, title);
            if (problem is { } refused)
            {
                throw PdfFile.Refusal(refused, command.Content.Length, "NewDocument");
            }
            if (await db.Set<AttachedDocument>().CountAsync(d => d.ProposalId == proposal.Id, cancellationToken) >= PdfFile.MaxPerProposal)
            {
                throw new ProposalRuleException("TooManyDocuments", "NewDocument", PdfFile.MaxPerProposal);
            }
            var document = AttachedDocument.For(proposal.Id, title, content!, change.Now, change.Target.Proposals.Access.UserId);
            db.Add(document);
            await change.SaveAsync(cancellationToken);
            change.LogAs(ProposalsTarget.Participant, "proposal.attachment-added", new { proposal = proposal.Id, document = document.Id });
            return document.Id;
        }
    }
}

/// <summary>Its author or a co-author removes a document of the proposal; removing it again changes nothing.</summary>
public static class RemoveProcessProposalDocument
{
    public sealed record Command(int ProposalId, int DocumentId) : IProcessProposalCommand;

    public sealed class Handler(ProposalAccess access, CocreoDbContext db, ModerationDirectory moderation) : ProcessProposalChange<Command, bool>(access, ProposalAction.Withdraw)
    {
        public override Decision Decide(ProcessProposalTarget target, Command command) => Attachments.Decide(target);

        public override async Task<bool> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            await Attachments.CheckEditableAsync(change.Target, moderation, cancellationToken);
            var document = await db.Set<AttachedDocument>().SingleOrDefaultAsync(d => d.Id == command.DocumentId && d.ProposalId == proposal.Id, cancellationToken);
            if (document is null)
            {
                return false;
            }
            db.Remove(document);
            change.LogAs(ProposalsTarget.Participant, "proposal.attachment-removed", new { proposal = proposal.Id, document = document.Id });
            return true;
        }
    }
}
