using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// Amendments as debate targets (kind <see cref="DebateKind"/>): whoever may read the amendment reads its debate;
/// signed-in people who may amend the text or decide on it comment while the amendment is open and not hidden.
/// </summary>
public sealed class AmendmentDebateTargets(AmendmentAccess access, CocreoDbContext db, ModerationDirectory moderation, IStringLocalizer<AmendmentsText> t) : IDebateTargets
{
    public const string DebateKind = "amendment";

    public string Kind => DebateKind;

    public async Task<DebateSubject?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await access.ForChangeAsync(id, user, cancellationToken) is not { } target)
        {
            return null;
        }
        var (subject, amendment) = (target.Subject, target.Amendment);
        var shown = (await moderation.StatusAsync(AmendmentContents.Kind, amendment.Id, cancellationToken)).IsShown;
        var read = subject.Read;
        var signedIn = read.And(() => subject.Access.IsAuthenticated ? Decision.Allowed : AmendmentPermissions.NotYours("Sign in to discuss amendments."));
        var open = signedIn
            .And(() => shown ? Decision.Allowed : AmendmentPermissions.NotNow("This amendment is hidden by the moderators: its debate takes no new comments."))
            .And(() => amendment.IsOpen ? Decision.Allowed : AmendmentPermissions.NotNow("This amendment is decided: its debate takes no new comments."))
            .And(() => subject.Amend.IsAllowed || subject.Decide.IsAllowed ? Decision.Allowed : subject.Amend);
        return new DebateSubject(Kind, amendment.Id, subject.ProcessId, AmendmentNames.Name(t, amendment.Title, amendment.Id), AmendmentLinks.Of(amendment.Id), subject.Access, subject.Actor)
        {
            Read = read,
            Comment = open,
            EditOwn = open,
            DeleteOwn = signedIn,
            LogNoun = "amendment",
            LogData = new { amendment = amendment.Id },
        };
    }

    public async Task<IReadOnlyDictionary<int, DebatePlace>> PlacesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Set<Amendment>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Title, a.ProcessId }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => new DebatePlace(t["A comment on the amendment “{0}”", AmendmentNames.Name(t, a.Title, a.Id)], AmendmentNames.Name(t, a.Title, a.Id), AmendmentLinks.Of(a.Id), a.ProcessId, new { amendment = a.Id }));
}
