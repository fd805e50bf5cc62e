using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// Registration is e-mail first: the account is created without a password, and the password is chosen through the
/// link sent to the address. Whoever chooses it holds the mailbox, so nobody can pre-register someone else's address
/// with a password of their own. The answer is the same whether or not the address has an account.
/// </summary>
[EnableRateLimiting(RateLimits.Registration)]
public sealed class RegisterModel(UserManager<CocreoUser> users, AccountEmails emails, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public bool Registered { get; private set; }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Enter the name others will see.")]
        [StringLength(100, ErrorMessage = "The name can have at most {1} characters.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
        [StringLength(256, ErrorMessage = "The email address can have at most {1} characters.")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var user = new CocreoUser
            {
                UserName = email,
                Email = email,
                DisplayName = Input.DisplayName.Trim(),
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
        }
        else if (existing is { IsDemo: false })
        {
            await emails.SendRegistrationAttemptAsync(existing, cancellationToken);
        }
        Registered = true;
        return Page();
    }
}
