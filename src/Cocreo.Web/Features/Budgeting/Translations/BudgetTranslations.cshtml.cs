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

        /// <summary>The ballot's optional questions, in the budget's order: each question and its answers; empty ones show the original.</summary>
        public List<QuestionInput> Questions { get; set; } = [];

        /// <summary>
        /// The words as the use case takes them (the page and the API alike): one category name a line, in the
        /// budget's order (trailing empty lines dropped). <see cref="Budget.Translate"/> checks them against the budget.
        /// </summary>
        public BudgetTranslationContent Content()
        {
            var categories = (Categories ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(c => c.Trim()).ToList();
            while (categories.Count > 0 && categories[^1].Length == 0)
            {
                categories.RemoveAt(categories.Count - 1);
            }
            return new BudgetTranslationContent(Title, District ?? "", Description ?? "", categories,
                (Questions ?? []).Select(q => new TranslatedQuestion(q.Text, q.Options ?? [])).ToList());
        }
    }

    public sealed class QuestionInput
    {
        [StringLength(BudgetLimits.Title, ErrorMessage = "This text can have at most {1} characters.")]
        public string? Text { get; set; }

        public List<string?> Options { get; set; } = [];
    }

    /// <summary>The budget's questions in order, with the translation's words in the input (or empty) for each.</summary>
    public IReadOnlyList<DemographicQuestion> BallotQuestions => Budget.Questions.OrderBy(q => q.Position).ToList();

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
                Questions = existing.Questions.Select(words => words.Split('\n')).Select(lines => new QuestionInput
                {
                    Text = lines[0],
                    Options = lines.Skip(1).Select(l => (string?)l).ToList(),
                }).ToList(),
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
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(translate, new TranslateBudget.Command(id, Language!, Input.Content()), cancellationToken);
        return this.Done(t["The translation was saved and logged."], $"/budgets/{id}");
    }
}
