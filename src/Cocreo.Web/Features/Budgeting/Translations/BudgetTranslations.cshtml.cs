using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The team translates a budget's words so residents read it in their language.</summary>
[Authorize]
public sealed class BudgetTranslationsModel(BudgetAccess access, ChangeRunner changes, IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public BudgetTranslationInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    public Budget Budget { get; private set; } = null!;

    public IEnumerable<(string Code, string Name)> OtherLanguages => ContentLanguages.All.Where(l => l.Code != Budget.Language);

    public sealed class BudgetTranslationInput
    {
        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(BudgetLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
        public string Title { get; set; } = "";

        [StringLength(BudgetLimits.Title, ErrorMessage = "The district can have at most {1} characters.")]
        public string? District { get; set; }

        [StringLength(BudgetLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? Description { get; set; }

        [StringLength(BudgetLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? Categories { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Budget = (await access.ReadAsync(id, User, BudgetAction.Manage, cancellationToken)).Budget;
        if (Language is not null && Budget.Translations.FirstOrDefault(x => x.Language == Language) is { } existing)
        {
            Input = new BudgetTranslationInput
            {
                Title = existing.Title,
                District = existing.District,
                Description = existing.Description,
                Categories = string.Join('\n', existing.Categories),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] TranslateBudget.Handler translate, CancellationToken cancellationToken)
    {
        Budget = (await access.ReadAsync(id, User, BudgetAction.Manage, cancellationToken)).Budget;
        if (Language is null || !ContentLanguages.IsKnown(Language) || Language == Budget.Language)
        {
            ModelState.AddModelError(nameof(Language), t["Choose a language other than the one the budget is written in."]);
        }
        var categories = (Input.Categories ?? "").Split('\n').Select(c => c.Trim()).ToList();
        while (categories.Count > 0 && categories[^1].Length == 0)
        {
            categories.RemoveAt(categories.Count - 1);
        }
        if (categories.Count > Budget.Categories.Count)
        {
            ModelState.AddModelError("Input.Categories", t["The budget has {0} categories: give at most that many names, in the same order.", Budget.Categories.Count]);
        }
        if (categories.Any(c => c.Length > BudgetLimits.Title))
        {
            ModelState.AddModelError("Input.Categories", t["Each name can have at most {0} characters.", BudgetLimits.Title]);
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(translate, new TranslateBudget.Command(id, Language!,
            new BudgetTranslationContent(Input.Title, Input.District ?? "", Input.Description ?? "", categories)), cancellationToken);
        return this.Done(t["The translation was saved and logged."], $"/budgets/{id}");
    }
}
