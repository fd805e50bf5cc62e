using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>A person's own account: the name others see and the language of their emails.</summary>
[Authorize]
public sealed class IndexModel(UserManager<CocreoUser> users, SignInManager<CocreoUser> signIn, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Enter the name others will see.")]
        [StringLength(100, ErrorMessage = "The name can have at most {1} characters.")]
        public string DisplayName { get; set; } = "";

        public string PreferredLanguage { get; set; } = "en";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Email = user.Email ?? "";
        Input = new ProfileInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Email = user.Email ?? "";
        if (!Cultures.IsSupported(Input.PreferredLanguage))
        {
            ModelState.AddModelError("Input.PreferredLanguage", t["Choose a language from the list."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        user.DisplayName = Input.DisplayName.Trim();
        user.PreferredLanguage = Input.PreferredLanguage;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = t["Your account was saved."].Value;
        return RedirectToPage();
    }
}
