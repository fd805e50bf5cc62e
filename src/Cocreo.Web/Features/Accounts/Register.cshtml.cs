using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cocreo.Web.Features.Accounts;

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

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(200, ErrorMessage = "The password can have at most {1} characters.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
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
        if (existing is not null)
        {
            // Do not reveal whether an address has an account: the same answer either way, and the owner gets a mail.
            if (!existing.EmailConfirmed)
            {
                await emails.SendConfirmationAsync(existing, cancellationToken);
            }
            Registered = true;
            return Page();
        }
        var user = new CocreoUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            PreferredLanguage = Cultures.Current,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, error.Description);
            }
            return Page();
        }
        await emails.SendConfirmationAsync(user, cancellationToken);
        Registered = true;
        return Page();
    }
}
