using Cocreo.Web.Platform.Security;
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
public sealed class RegisterModel(AccountRegistration registration) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public bool Registered { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await registration.RegisterAsync(Input.DisplayName, Input.Email, cancellationToken);
        Registered = true;
        return Page();
    }
}
