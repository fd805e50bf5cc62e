using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// A person's co-authorships and the invitations they sent or that wait for their address (a proposal's own author
/// and supports are Budgeting's part: one model). Deleting the account forgets them: the rows stay, naming nobody,
/// so a proposal keeps its number of co-authors but not who they were.
/// </summary>
public sealed class ProposalsPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "proposals";

    public override IReadOnlyCollection<string> Columns { get; } = ["ProposalCoAuthors.UserId", "ProposalCoAuthors.InvitedByUserId", "ProposalCoAuthors.Email"];

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
        };
    }

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
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
