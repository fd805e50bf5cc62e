using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cocreo.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.Registration)]
public sealed class ResendConfirmationModel(UserManager<CocreoUser> users, AccountEmails emails) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && !user.EmailConfirmed && !user.IsDemo)
        {
            await emails.SendConfirmationAsync(user, cancellationToken);
        }
        Sent = true;
        return Page();
    }
}
