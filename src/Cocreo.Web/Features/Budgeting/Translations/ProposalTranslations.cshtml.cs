using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>A proposal's author or the budget's team translates the proposal into another language.</summary>
[Authorize]
public sealed class ProposalTranslationsModel(BudgetAccess access, ChangeRunner changes, IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public ProposalTranslationInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    public Proposal Proposal { get; private set; } = null!;
    public BudgetTarget Target { get; private set; } = null!;

    public IEnumerable<(string Code, string Name)> OtherLanguages => ContentLanguages.All.Where(l => l.Code != Proposal.Language);

    public sealed class ProposalTranslationInput
    {
        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(BudgetLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Describe the project.")]
        [StringLength(BudgetLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string Description { get; set; } = "";

        [StringLength(BudgetLimits.Title, ErrorMessage = "The location can have at most {1} characters.")]
        public string? Location { get; set; }

        [StringLength(BudgetLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? ReviewReason { get; set; }

        /// <summary>Each progress update's text in this language, by the update's id.</summary>
        public Dictionary<int, string?> Updates { get; set; } = [];

        /// <summary>
        /// The words as the use case takes them, from the page and the API alike. The use case keeps only what the
        /// translator may translate (the review's answer and the progress updates are the team's).
        /// </summary>
        public ProposalTranslationContent Content() => new(Title, Description, Location ?? "", ReviewReason ?? "",
            (Updates ?? []).ToDictionary(u => u.Key, u => u.Value ?? ""));
    }

    /// <summary>Progress updates are the team's words too: only the team translates them.</summary>
    public bool TranslatesUpdates => Proposal.Updates.Count > 0 && Target.Decide(BudgetAction.Manage).IsAllowed;

    /// <summary>The review's public answer is the organisation's: only the team translates it, once the proposal is reviewed.</summary>
    public bool TranslatesReview => Proposal.ReviewedAt is not null && Proposal.ReviewReason.Length > 0 && Target.Decide(BudgetAction.Manage).IsAllowed;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Language is not null && Proposal.Translations.FirstOrDefault(x => x.Language == Language) is { } existing)
        {
            Input = new ProposalTranslationInput { Title = existing.Title, Description = existing.Description, Location = existing.Location, ReviewReason = existing.ReviewReason };
        }
        if (Language is not null)
        {
            Input.Updates = Proposal.Updates.ToDictionary(u => u.Id, u => u.Translations.FirstOrDefault(x => x.Language == Language)?.Text);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] TranslateProposal.Handler translate, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Language is null || !ContentLanguages.IsKnown(Language) || Language == Proposal.Language)
        {
            ModelState.AddModelError(nameof(Language), t["Choose a language other than the one the proposal is written in."]);
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(translate, new TranslateProposal.Command(id, Language!, Input.Content()), cancellationToken);
        return this.Done(t["The translation was saved and logged."], $"/proposals/{id}");
    }

    /// <summary>The proposal for its author or the team; anyone else is refused with the reason (or does not find it).</summary>
    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        (Proposal, Target) = (await access.ForProposalAsync(id, User, cancellationToken)) ?? throw new RefusedException(Refusal.NotFound);
        RefusedException.Unless(Target.DecideTranslating(Proposal), Target.Access.IsAuthenticated);
    }
}
