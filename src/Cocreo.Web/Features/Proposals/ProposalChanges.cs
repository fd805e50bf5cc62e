using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// The process's team turns proposals on (the first time) and sets whether the process takes new ones, whether people
/// support them and how many one participant may support (0: no limit). Logged in full; setting what is already set changes nothing.
/// </summary>
public static class ConfigureProposals
{
    public sealed record Command(int ProcessId, bool Open, bool SupportsEnabled, int SupportLimit, string? Categories = null) : IProcessProposalsCommand;

    public sealed class Handler(ProposalAccess access, CocreoDbContext db) : ProposalsChange<Command, bool>(access, ProposalAction.Configure)
    {
        public override Task<bool> RunAsync(Change<ProposalsTarget> change, Command command, CancellationToken cancellationToken)
        {
            var settings = change.Target.Settings;
            var turnedOn = settings is null;
            if (settings is null)
            {
                settings = ProposalSettings.TurnOn(command.ProcessId);
                db.Add(settings);
            }
            if (!settings.Change(command.Open, command.SupportsEnabled, command.SupportLimit, command.Categories) && !turnedOn)
            {
                return Task.FromResult(false);
            }
            change.Log("proposals.configured", new { open = settings.Open, supports = settings.SupportsEnabled, supportLimit = settings.SupportLimit, categories = settings.CategoryNames, turnedOn });
            return Task.FromResult(true);
        }
    }
}

/// <summary>
/// A resident puts forward a proposal of the process while it takes new ones; a resubmitted form puts it forward once.
/// Held for the moderators in a pre-moderated process. The log names the participant by role only.
/// </summary>
public static class PutForwardProposal
{
    /// <param name="Attachments">A picture and a PDF document sent with the form (optional; checked again here).</param>
    public sealed record Command(int ProcessId, ProcessProposalContent Content, Guid SubmissionId, FirstAttachments? Attachments = null) : IProcessProposalsCommand, ISubmittedOnce;

    /// <summary>What the proposal form may carry besides the text: a re-encoded picture with its description, a PDF with its title.</summary>
    public sealed record FirstAttachments(ImageFile? Image, string? ImageAlt, byte[]? Document, string? DocumentTitle);

    public sealed class Handler(ProposalAccess access, CocreoDbContext db, ModerationDirectory moderation) : ProposalsChange<Command, int>(access, ProposalAction.Propose)
    {
        public override async Task<int> RunAsync(Change<ProposalsTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process.Process;
            var content = command.Content with { Language = command.Content.Language ?? process.Language };
            var proposal = Proposal.PutForward(process.Id, change.Target.Settings!, content, change.Target.Access.UserId!, change.Now);
            db.Add(proposal);
            await change.SaveAsync(cancellationToken);
            change.LogAs(ProposalsTarget.Participant, "proposal.put-forward", new { proposal = proposal.Id, title = proposal.Title, category = proposal.Category });
            if (command.Attachments is { } attachments)
            {
                await AttachAsync(change, proposal, attachments, cancellationToken);
            }
            await moderation.HoldIfPreModeratedAsync(change, ProcessProposalContents.Kind, proposal.Id, process.Id, new { proposal = proposal.Id }, cancellationToken);
            return proposal.Id;
        }

        /// <summary>The form's picture and document, under the same rules as adding them later (<see cref="AddProcessProposalImage"/>, <see cref="AddProcessProposalDocument"/>).</summary>
        private async Task AttachAsync(Change<ProposalsTarget> change, Proposal proposal, FirstAttachments attachments, CancellationToken cancellationToken)
        {
            if (attachments.Image is { } picture)
            {
                var alt = (attachments.ImageAlt ?? "").Trim();
                if (alt.Length == 0 || alt.Length > ImageFile.AltTextLength)
                {
                    throw alt.Length == 0 ? new ProposalRuleException("ImageAltMissing", "Input.ImageAlt") : new ProposalRuleException("TooLong", "Input.ImageAlt", ImageFile.AltTextLength);
                }
                var image = ProposalImage.For(proposal.Id, picture, alt, change.Now, proposal.AuthorUserId);
                db.Add(image);
                await change.SaveAsync(cancellationToken);
                change.LogAs(ProposalsTarget.Participant, "proposal.attachment-added", new { proposal = proposal.Id, image = image.Id });
            }
            if (attachments.Document is { } content)
            {
                var title = (attachments.DocumentTitle ?? "").Trim();
                if (title.Length == 0 || title.Length > PdfFile.TitleLength)
                {
                    throw title.Length == 0 ? new ProposalRuleException("DocumentTitleMissing", "Input.DocumentTitle") : new ProposalRuleException("TooLong", "Input.DocumentTitle", PdfFile.TitleLength);
                }
                var (clean, problem) = PdfFile.Prepare(content, title);
                if (problem is { } refused)
                {
                    throw PdfFile.Refusal(refused, content.Length, "Input.Document");
                }
                var document = AttachedDocument.For(proposal.Id, title, clean!, change.Now, proposal.AuthorUserId);
                db.Add(document);
                await change.SaveAsync(cancellationToken);
                change.LogAs(ProposalsTarget.Participant, "proposal.attachment-added", new { proposal = proposal.Id, document = document.Id });
            }
        }
    }
}

/// <summary>
/// A resident supports a proposal of the process: once each, and at most as many proposals as the process allows
/// (counted on fresh data inside the change; two parallel supports append to the same log, so one of them starts
/// again and counts the other). Supporting again changes nothing.
/// </summary>
public static class SupportProcessProposal
{
    public sealed record Command(int ProposalId) : IProcessProposalCommand;

    public sealed class Handler(ProposalAccess access, CocreoDbContext db) : ProcessProposalChange<Command, bool>(access, ProposalAction.Support)
    {
        public override async Task<bool> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (proposal, userId) = (change.Target.Proposal, change.Target.Proposals.Access.UserId!);
            if (await db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == proposal.Id && s.UserId == userId, cancellationToken))
            {
                return false;
            }
            var limit = change.Target.Settings.SupportLimit;
            if (limit > 0 && await SupportsOfAsync(db, proposal.ProcessId, userId, cancellationToken) >= limit)
            {
                throw new ProposalRuleException("SupportLimitReached", null, limit);
            }
            db.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = userId });
            proposal.CountSupports(+1);
            change.LogAs(ProposalsTarget.Participant, "proposal.supported", new { proposal = proposal.Id });
            return true;
        }
    }

    /// <summary>How many open proposals of the process (not budget projects) the person supports.</summary>
    public static Task<int> SupportsOfAsync(CocreoDbContext db, int processId, string userId, CancellationToken cancellationToken) =>
        db.Set<ProposalSupport>().Where(s => s.UserId == userId)
            .Join(db.Set<Proposal>().Where(p => p.ProcessId == processId && p.BudgetId == null && p.Status != ProposalStatus.Merged && p.WithdrawnAt == null),
                s => s.ProposalId, p => p.Id, (s, p) => s.Id)
            .CountAsync(cancellationToken);
}

/// <summary>A resident withdraws their support of a proposal of the process; again changes nothing.</summary>
public static class WithdrawProcessSupport
{
    public sealed record Command(int ProposalId) : IProcessProposalCommand;

    public sealed class Handler(ProposalAccess access, CocreoDbContext db) : ProcessProposalChange<Command, bool>(access, ProposalAction.Support)
    {
        public override async Task<bool> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (proposal, userId) = (change.Target.Proposal, change.Target.Proposals.Access.UserId!);
            var support = await db.Set<ProposalSupport>().SingleOrDefaultAsync(s => s.ProposalId == proposal.Id && s.UserId == userId, cancellationToken);
            if (support is null)
            {
                return false;
            }
            db.Remove(support);
            proposal.CountSupports(-1);
            change.LogAs(ProposalsTarget.Participant, "proposal.support-withdrawn", new { proposal = proposal.Id });
            return true;
        }
    }
}

/// <summary>
/// The organisation answers a proposal publicly: evaluating, accepted or rejected, with its reason; logged in full
/// (the author and the proposal's followers are told through notifications, from the log entry).
/// </summary>
public static class AnswerProposal
{
    public sealed record Command(int ProposalId, ProposalStatus Status, string Reason) : IProcessProposalCommand;

    public sealed class Handler(ProposalAccess access) : ProcessProposalChange<Command, bool>(access, ProposalAction.Answer)
    {
        public override Task<bool> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            if (!proposal.Answer(command.Status, command.Reason, change.Now))
            {
                return Task.FromResult(false);
            }
            change.Log("proposal.answered", new { proposal = proposal.Id, title = proposal.Title, status = proposal.Status.ToString(), reason = proposal.ReviewReason });
            return Task.FromResult(true);
        }
    }
}

/// <summary>Its author withdraws a proposal of the process (until it is accepted or rejected); again changes nothing.</summary>
public static class WithdrawProcessProposal
{
    public sealed record Command(int ProposalId) : IProcessProposalCommand;

    public sealed class Handler(ProposalAccess access) : ProcessProposalChange<Command, bool>(access, ProposalAction.Withdraw)
    {
        public override Task<bool> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var proposal = change.Target.Proposal;
            if (!proposal.WithdrawFromProcess(change.Now))
            {
                return Task.FromResult(false);
            }
            change.LogAs(ProposalsTarget.Participant, "proposal.withdrawn", new { proposal = proposal.Id });
            return Task.FromResult(true);
        }
    }
}

/// <summary>
/// The team merges a duplicate proposal of the process into another: each supporter of the duplicate now supports
/// the other once (a person who supported both keeps one support), both link to each other (the duplicate's
/// <see cref="Proposal.MergedIntoId"/>; the original lists what was merged into it), logged with how many supports
/// were carried. Its debate moves to the original (each comment once, with its replies, votes and moderation), and its
/// author and co-authors become co-authors of the original (each once).
/// </summary>
public static class MergeProcessProposal
{
    public sealed record Command(int ProposalId, int Into) : IProcessProposalCommand;

    public sealed record Outcome(int Carried);

    public sealed class Handler(ProposalAccess access, CocreoDbContext db, Debate.DebateCarryOver debates) : ProcessProposalChange<Command, Outcome>(access, ProposalAction.Answer)
    {
        public override async Task<Outcome> RunAsync(Change<ProcessProposalTarget> change, Command command, CancellationToken cancellationToken)
        {
            var duplicate = change.Target.Proposal;
            var original = await db.Set<Proposal>().SingleOrDefaultAsync(p => p.Id == command.Into, cancellationToken)
                ?? throw new ProposalRuleException("CannotMerge", "into");
            duplicate.MergeIntoProposal(original);
            var supports = await db.Set<ProposalSupport>().Where(s => s.ProposalId == duplicate.Id).ToListAsync(cancellationToken);
            var already = (await db.Set<ProposalSupport>().Where(s => s.ProposalId == original.Id).Select(s => s.UserId).ToListAsync(cancellationToken)).ToHashSet();
            var carried = 0;
            foreach (var support in supports)
            {
                if (already.Add(support.UserId))
                {
                    db.Add(new ProposalSupport { ProposalId = original.Id, UserId = support.UserId });
                    carried++;
                }
                db.Remove(support);
            }
            original.CountSupports(carried);
            duplicate.CountSupports(-duplicate.SupportCount);
            var comments = await debates.CarryAsync(ProcessProposalDebateTargets.DebateKind, duplicate.Id, original.Id, cancellationToken);
            var coAuthors = await CarryCoAuthorsAsync(duplicate, original, change.Now, cancellationToken);
            change.Log("proposal.merged-into", new { duplicate = duplicate.Id, into = original.Id, supportsCarriedOver = carried, commentsCarriedOver = comments, coAuthorsCarriedOver = coAuthors });
            return new Outcome(carried);
        }

        /// <summary>The duplicate's author and co-authors become co-authors of the proposal merged into (each once; its own author is not added).</summary>
        private async Task<int> CarryCoAuthorsAsync(Proposal duplicate, Proposal original, DateTime now, CancellationToken cancellationToken)
        {
            var theirs = await db.Set<ProposalCoAuthor>().Where(c => c.ProposalId == duplicate.Id && c.UserId != null && c.UserId != "").Select(c => c.UserId!).ToListAsync(cancellationToken);
            var writers = (await db.Set<ProposalCoAuthor>().Where(c => c.ProposalId == original.Id && c.UserId != null).Select(c => c.UserId!).ToListAsync(cancellationToken))
                .Append(original.AuthorUserId).ToHashSet();
            var carried = 0;
            foreach (var userId in theirs.Prepend(duplicate.AuthorUserId).Where(u => u.Length > 0))
            {
                if (writers.Add(userId))
                {
                    db.Add(ProposalCoAuthor.CarriedOver(original.Id, userId, now));
                    carried++;
                }
            }
            return carried;
        }
    }
}
