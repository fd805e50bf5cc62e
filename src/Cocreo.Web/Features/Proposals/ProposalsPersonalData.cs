using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// A person's co-authorships and the invitations they sent or that wait for their address (a proposal's own author
/// and supports are Budgeting's part: one model). Deleting the account forgets them: the rows stay, naming nobody,
/// so a proposal keeps its number of co-authors but not who they were. The pictures and documents of the proposals the
/// person wrote (as author or co-author) are exported by what they are (title or description, size, link; the files
/// themselves are downloaded from their links); they stay with the proposal when the account goes, as its text does.
/// Every picture and document the person uploaded (to a proposal of a process or a budget project; the uploader is
/// shown to moderators) is listed as an upload; when the account goes the file stays and forgets its uploader.
/// </summary>
public sealed class ProposalsPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "proposals";

    public override IReadOnlyCollection<string> Columns { get; } = [
        "ProposalCoAuthors.UserId", "ProposalCoAuthors.InvitedByUserId", "ProposalCoAuthors.Email", "ProposalImages.AddedByUserId", "ProposalDocuments.AddedByUserId",
    ];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var email = await EmailOfAsync(userId, cancellationToken);
        return new
        {
            coAuthorOf = await db.Set<ProposalCoAuthor>().AsNoTracking().Where(c => c.UserId == userId)
                .Select(c => new { proposal = c.ProposalId, c.AcceptedAt }).ToListAsync(cancellationToken),
            invitationsSent = await db.Set<ProposalCoAuthor>().AsNoTracking().Where(c => c.InvitedByUserId == userId)
                .Select(c => new { proposal = c.ProposalId, c.Email, c.InvitedAt, accepted = c.UserId != null }).ToListAsync(cancellationToken),
            invitationsWaiting = email is null ? [] : await db.Set<ProposalCoAuthor>().AsNoTracking().Where(c => c.UserId == null && c.Email == email)
                .Select(c => new { proposal = c.ProposalId, c.InvitedAt }).ToListAsync(cancellationToken),
            attachments = await AttachmentsAsync(userId, cancellationToken),
            uploads = await UploadsAsync(userId, cancellationToken),
        };
    }

    /// <summary>The pictures and documents the person uploaded, wherever they are, without their bytes.</summary>
    private async Task<object> UploadsAsync(string userId, CancellationToken cancellationToken)
    {
        var pictures = await db.Set<Budgeting.ProposalImage>().AsNoTracking().Where(i => i.AddedByUserId == userId).OrderBy(i => i.Id)
            .Join(db.Set<Budgeting.Proposal>(), i => i.ProposalId, p => p.Id, (i, p) => new { i.Id, proposal = i.ProposalId, budget = p.BudgetId, description = i.AltText, i.ContentType, i.AddedAt })
            .ToListAsync(cancellationToken);
        var documents = await db.Set<AttachedDocument>().AsNoTracking().Where(d => d.AddedByUserId == userId).OrderBy(d => d.Id)
            .Select(d => new { d.Id, proposal = d.ProposalId, d.Title, d.Size, d.AddedAt }).ToListAsync(cancellationToken);
        return new
        {
            pictures = pictures.Select(i => new
            {
                i.Id, i.proposal, i.budget, i.description, i.ContentType, i.AddedAt,
                link = i.budget is null ? $"/process-proposals/{i.proposal}/images/{i.Id}" : $"/proposals/{i.proposal}/images/{i.Id}",
            }),
            documents = documents.Select(d => new { d.Id, d.proposal, d.Title, d.Size, d.AddedAt, link = $"/process-proposals/{d.proposal}/documents/{d.Id}" }),
        };
    }

    /// <summary>The pictures and documents of the proposals of a process the person wrote, without their bytes.</summary>
    private async Task<object> AttachmentsAsync(string userId, CancellationToken cancellationToken)
    {
        var written = db.Set<Budgeting.Proposal>().Where(p => p.BudgetId == null && (p.AuthorUserId == userId
            || db.Set<ProposalCoAuthor>().Any(c => c.ProposalId == p.Id && c.UserId == userId))).Select(p => p.Id);
        var pictures = await db.Set<Budgeting.ProposalImage>().AsNoTracking().Where(i => written.Contains(i.ProposalId)).OrderBy(i => i.Id)
            .Select(i => new { i.Id, proposal = i.ProposalId, description = i.AltText, i.ContentType, size = i.Content.Length, i.AddedAt }).ToListAsync(cancellationToken);
        var documents = await db.Set<AttachedDocument>().AsNoTracking().Where(d => written.Contains(d.ProposalId)).OrderBy(d => d.Id)
            .Select(d => new { d.Id, proposal = d.ProposalId, d.Title, d.Size, d.AddedAt }).ToListAsync(cancellationToken);
        return new
        {
            pictures = pictures.Select(i => new { i.Id, i.proposal, i.description, i.ContentType, i.size, i.AddedAt, link = $"/process-proposals/{i.proposal}/images/{i.Id}" }),
            documents = documents.Select(d => new { d.Id, d.proposal, d.Title, d.Size, d.AddedAt, link = $"/process-proposals/{d.proposal}/documents/{d.Id}" }),
        };
    }

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        // An upload is the proposal's, as its text is: the file stays, without who added it.
        foreach (var image in await db.Set<Budgeting.ProposalImage>().Where(i => i.AddedByUserId == userId).ToListAsync(cancellationToken))
        {
            image.ForgetUploader();
        }
        foreach (var document in await db.Set<AttachedDocument>().Where(d => d.AddedByUserId == userId).ToListAsync(cancellationToken))
        {
            document.ForgetUploader();
        }
        var email = await EmailOfAsync(userId, cancellationToken);
        var rows = await db.Set<ProposalCoAuthor>()
            .Where(c => c.UserId == userId || c.InvitedByUserId == userId || (email != null && c.UserId == null && c.Email == email))
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (row.UserId is null && (row.Email == email || row.InvitedByUserId == userId))
            {
                // An invitation not yet accepted goes with its sender's or its invitee's account.
                db.Remove(row);
                continue;
            }
            if (row.UserId == userId)
            {
                row.Forget();
            }
            if (row.InvitedByUserId == userId)
            {
                row.ForgetInviter();
            }
        }
    }

    private async Task<string?> EmailOfAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken))?.ToLowerInvariant();
}
