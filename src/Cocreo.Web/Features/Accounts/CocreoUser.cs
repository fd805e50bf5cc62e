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
}
