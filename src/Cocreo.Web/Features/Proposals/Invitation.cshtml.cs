using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>The page an invitation's link opens: which proposal, and (signed in) accept to become a co-author.</summary>
public sealed class InvitationModel(CocreoDbContext db, ProposalAccess access, ChangeRunner changes, IStringLocalizer<ProposalsText> t) : PageModel
{
    public Proposal Proposal { get; private set; } = null!;

    public bool Accepted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ProposalCoAuthor.Hash(token);
        var invitation = RefusedException.IfMissing(await db.Set<ProposalCoAuthor>().AsNoTracking().SingleOrDefaultAsync(c => c.TokenHash == hash, cancellationToken));
        (_, Proposal) = await access.ReadProposalAsync((await access.FindAsync(invitation.ProposalId, cancellationToken))?.ProcessId ?? 0, invitation.ProposalId, User, cancellationToken);
        Accepted = invitation.UserId is not null;
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromServices] AcceptCoAuthorship.Handler accept, CancellationToken cancellationToken)
    {
        // What the page shows, loaded first: a refused acceptance shows it again with the reason.
        await LoadAsync(token, cancellationToken);
        var proposalId = await changes.RunAsync(accept, new AcceptCoAuthorship.Command(token), cancellationToken);
        var proposal = await access.FindAsync(proposalId, cancellationToken);
        return this.Done(t["You are now a co-author of this proposal."], ProposalLinks.Of(proposal!.ProcessId, proposalId));
    }
}
