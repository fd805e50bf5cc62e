using Microsoft.AspNetCore.Identity;

namespace Cocreo.Web.Features.Accounts;

/// <summary>A person with an account: an official, a facilitator or a citizen.</summary>
public sealed class CocreoUser : IdentityUser
{
    public const string PlatformAdminRole = "admin";

    /// <summary>The name shown to others; people choose it, it need not be their legal name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The interface language the person chose (en, sl), used for emails.</summary>
    public string PreferredLanguage { get; set; } = "en";

    public DateTime CreatedAt { get; set; }

    /// <summary>Created by the demo seed; such accounts have no password and cannot sign in.</summary>
    public bool IsDemo { get; set; }

    /// <summary>When the person deleted their account; the row stays (without name, address or password) so that what they contributed keeps its place.</summary>
    public DateTime? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>
    /// Removes what identifies the person and everything that lets the account sign in again; the id stays, shown as
    /// "Former participant". A new concurrency stamp makes a parallel deletion (or edit) of the row lose its race.
    /// </summary>
    public bool Forget(DateTime now)
    {
        if (IsDeleted)
        {
            return false;
        }
        DeletedAt = now;
        DisplayName = "";
        UserName = NormalizedUserName = "deleted-" + Id;
        Email = NormalizedEmail = null;
        EmailConfirmed = false;
        PasswordHash = null;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        TwoFactorEnabled = false;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        AccessFailedCount = 0;
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString();
        return true;
    }
}
