using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>A resident proposes a project while the budget collects proposals.</summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = ProposalImageUpload.MaxRequestBytes)]
[RequestSizeLimit(ProposalImageUpload.MaxRequestBytes)]
[RefuseRequestsOver(ProposalImageUpload.MaxRequestBytes)]
public sealed class ProposeModel(BudgetAccess access, ChangeRunner changes, IStringLocalizer<BudgetingText> t) : PageModel
{
    [BindProperty]
    public ProposalForm Input { get; set; } = new();

    public Budget Budget { get; private set; } = null!;

    public sealed class ProposalForm
    {
        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(BudgetLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Describe the project.")]
        [StringLength(BudgetLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string Description { get; set; } = "";

        [StringLength(BudgetLimits.Title, ErrorMessage = "The location can have at most {1} characters.")]
        public string? Location { get; set; }

        [StringLength(BudgetLimits.Title, ErrorMessage = "The category can have at most {1} characters.")]
        public string? Category { get; set; }

        [Required(ErrorMessage = "Estimate what the project would cost.")]
        [RegularExpression(MoneyInput.Pattern, ErrorMessage = "Enter an amount such as 250000 or 250000.50.")]
        public string? EstimatedCost { get; set; }

        /// <summary>Optional: one picture now; the author can add more on the proposal's page.</summary>
        public IFormFile? Image { get; set; }

        [StringLength(ImageFile.AltTextLength, ErrorMessage = "The description of the image can have at most {1} characters.")]
        public string? ImageAlt { get; set; }

        /// <summary>The language the proposal is written in (the reader's interface language unless they choose another).</summary>
        public string? Language { get; set; }

        public Guid SubmissionId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Input.SubmissionId = Guid.NewGuid();
        Input.Language = Platform.Localization.Cultures.Current;
        Budget = (await access.ReadAsync(id, User, BudgetAction.Propose, cancellationToken)).Budget;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] ProposeProject.Handler propose, CancellationToken cancellationToken)
    {
        Budget = (await access.ReadAsync(id, User, BudgetAction.Propose, cancellationToken)).Budget;
        if (Budget.Categories.Count > 0 && !Budget.Categories.Contains(Input.Category ?? ""))
        {
            ModelState.AddModelError("Input.Category", t["Choose one of the categories."]);
        }
        if (Input.Language is not null && !Processes.ContentLanguages.IsKnown(Input.Language))
        {
            ModelState.AddModelError("Input.Language", t["Choose one of the languages offered."]);
        }
        if (MoneyInput.Parse(Input.EstimatedCost) > Budget.Amount)
        {
            ModelState.AddModelError("Input.EstimatedCost", t["The cost is more than the whole budget of {0}.", Money.Show(Budget.Amount, Budget.Currency)]);
        }
        // The picture is checked before anything is saved, so a wrong file leaves no proposal behind.
        var image = await ProposalImageUpload.ReadAsync(Input.Image, Input.ImageAlt, "Input.Image", "Input.ImageAlt", ModelState, t, cancellationToken);
        if (!ModelState.IsValid)
        {
            // 422: the form is shown again with what was typed and the messages; nothing was saved.
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var content = new ProposalContent(Input.Title, Input.Description, Input.Location ?? "", Input.Category ?? "", MoneyInput.Parse(Input.EstimatedCost)!.Value,
            Input.Language ?? Platform.Localization.Cultures.Current);
        var proposal = await changes.RunAsync(propose, new ProposeProject.Command(id, content, image, Input.ImageAlt, Input.SubmissionId), cancellationToken);
        return this.Done(t["Thank you! Your proposal was submitted; staff will review it."], $"/proposals/{proposal}");
    }
}
