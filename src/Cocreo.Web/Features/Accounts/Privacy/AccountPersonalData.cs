using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>The account itself: name, address, language, sign-in methods, platform roles; e-mails to the address; the forms it sent lately.</summary>
public sealed class AccountPersonalData(CocreoDbContext db, IStringLocalizer<AccountText> t) : IPersonalData
{
    public string Part => "accounts";

    public IReadOnlyCollection<string> Columns { get; } =
        ["AspNetUserClaims.UserId", "AspNetUserLogins.UserId", "AspNetUserRoles.UserId", "AspNetUserTokens.UserId", "FormSubmission.UserId"];

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == userId).Select(l => l.ProviderDisplayName ?? l.LoginProvider).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(cancellationToken);
        return new
        {
            id = user.Id,
            name = user.DisplayName,
            email = user.Email,
            emailConfirmed = user.EmailConfirmed,
            language = user.PreferredLanguage,
            createdAt = user.CreatedAt,
            hasPassword = user.PasswordHash is not null,
            twoStepSignIn = user.TwoFactorEnabled,
            externalSignIn = logins,
            platformRoles = roles,
            // The forms sent in the last two days, kept so that a repeat is answered once (then forgotten).
            recentForms = await db.Set<FormSubmission>().AsNoTracking()
                .Where(f => f.UserId == userId)
                .OrderBy(f => f.CreatedAt)
                .Select(f => new { f.CreatedAt, f.Location, f.Status })
                .ToListAsync(cancellationToken),
        };
    }

    public async Task<IReadOnlyList<string>> HandOverFirstAsync(string userId, CancellationToken cancellationToken)
    {
        var admin = await db.Roles.Where(r => r.Name == CocreoUser.PlatformAdminRole).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        if (admin is null || !await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == admin, cancellationToken))
        {
            return [];
        }
        var others = await db.UserRoles.CountAsync(r => r.RoleId == admin && r.UserId != userId, cancellationToken);
        return others == 0 ? [t["You are the only platform administrator: make someone else an administrator first."]] : [];
    }

    public async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (user.NormalizedEmail is { } address)
        {
            // The copies of mail sent to the address go, and mail still waiting is not sent (except one being sent right now).
            db.RemoveRange(await db.Set<OutgoingEmail>().Where(e => e.To.ToUpper() == address && (e.SentAt != null || e.ClaimToken == null)).ToListAsync(cancellationToken));
        }
        db.UserClaims.RemoveRange(await db.UserClaims.Where(c => c.UserId == userId).ToListAsync(cancellationToken));
        db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.UserId == userId).ToListAsync(cancellationToken));
        db.UserRoles.RemoveRange(await db.UserRoles.Where(r => r.UserId == userId).ToListAsync(cancellationToken));
        db.UserTokens.RemoveRange(await db.UserTokens.Where(x => x.UserId == userId).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<FormSubmission>().Where(f => f.UserId == userId).ToListAsync(cancellationToken));
        user.Forget(now);
    }
}
