using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// Propose an amendment: the form starts from the current text, and remembers the version it was opened on. Sent after
/// the text changed, the amendment is kept on that version and its page shows the new text and how to rebase.
/// </summary>
[Authorize]
public sealed class NewModel(AmendmentTargetDirectory targets, ChangeRunner changes, IStringLocalizer<AmendmentsText> t) : PageModel
{
    public AmendableSubject Subject { get; private set; } = null!;

    [BindProperty]
    public AmendmentForm Input { get; set; } = new();

    public sealed class AmendmentForm
    {
        public int BaseVersion { get; set; }

        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(AmendmentRules.TitleLength, ErrorMessage = "The title can have at most {1} characters.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "The text cannot be empty.")]
        [StringLength(AmendmentRules.BodyLength, ErrorMessage = "The text can have at most {1} characters.")]
        public string Body { get; set; } = "";

        [StringLength(AmendmentRules.ExplanationLength, ErrorMessage = "The explanation can have at most {1} characters.")]
        public string? Explanation { get; set; }
    }

    private async Task LoadAsync(string kind, int targetId, CancellationToken cancellationToken)
    {
        Subject = await targets.ReadAsync(kind, targetId, User, cancellationToken);
        RefusedException.Unless(AmendmentPermissions.Decide(AmendmentAction.Propose, Subject, null), Subject.Access.IsAuthenticated);
    }

    public async Task<IActionResult> OnGetAsync(string kind, int targetId, CancellationToken cancellationToken)
    {
        await LoadAsync(kind, targetId, cancellationToken);
        Input = new AmendmentForm { BaseVersion = Subject.Version, Title = Subject.Title, Body = Subject.Body };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int targetId, [FromServices] ProposeAmendment.Handler propose, CancellationToken cancellationToken)
    {
        await LoadAsync(kind, targetId, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var outcome = await changes.RunAsync(propose, new ProposeAmendment.Command(kind, targetId, Input.BaseVersion, Input.Title, Input.Body, Input.Explanation, Guid.Empty), cancellationToken);
        return this.Done(outcome.NeedsRebase
            ? t["The text changed since you opened the form: your amendment is kept on the version you wrote it on; rebase it onto the new version."]
            : t["Thank you! Your amendment is published."], AmendmentLinks.Of(outcome.AmendmentId));
    }
}
