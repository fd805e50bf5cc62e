using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// Registering with a name and an e-mail address (the register page, and a workshop's registration): the account is
/// created without a password and a link to choose it is sent; an address that has an account gets the usual
/// "someone tried to register" e-mail instead. The caller answers the same either way.
/// </summary>
public sealed class AccountRegistration(UserManager<CocreoUser> users, AccountEmails emails, TimeProvider clock)
{
    /// <summary>
    /// Registers; returns the account while nobody has confirmed its address yet (new now, or registered twice), so a
    /// workshop can add it to its process; null for an address whose owner already has a confirmed account (they sign in).
    /// </summary>
    public async Task<CocreoUser?> RegisterAsync(string displayName, string email, CancellationToken cancellationToken)
    {
        email = email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var user = new CocreoUser
            {
                UserName = email,
                Email = email,
                DisplayName = displayName.Trim(),
                PreferredLanguage = Cultures.Current,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            // A parallel registration of the same address won the race: it gets the link, this answer stays the same.
            existing = created.Succeeded ? user : await users.FindByEmailAsync(email);
        }
        if (existing is { EmailConfirmed: false, IsDemo: false })
        {
            // A new link: whoever opens it chooses the password (an earlier one, chosen by anyone, goes).
            await emails.SendConfirmationAsync(existing, cancellationToken);
            return existing;
        }
        if (existing is { IsDemo: false })
        {
            await emails.SendRegistrationAttemptAsync(existing, cancellationToken);
        }
        return null;
    }
}

/// <summary>What a person gives to register: on the register page and at a workshop (<c>/workshop/{code}</c>).</summary>
public sealed class RegistrationInput
{
    [Required(ErrorMessage = "Enter the name others will see.")]
    [StringLength(100, ErrorMessage = "The name can have at most {1} characters.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
    [StringLength(256, ErrorMessage = "The email address can have at most {1} characters.")]
    public string Email { get; set; } = "";
}
