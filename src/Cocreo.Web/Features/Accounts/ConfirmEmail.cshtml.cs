using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Accounts;

public sealed class ConfirmEmailModel(UserManager<CocreoUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountEmails.DecodeCode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return;
        }
        Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
