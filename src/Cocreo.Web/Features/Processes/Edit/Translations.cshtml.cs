using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team translates the process's content so readers see it in their language.</summary>
[Authorize]
public sealed class TranslationsModel(ProcessAccessReader processes, ChangeRunner changes, IStringLocalizer<ProcessText> t) : PageModel
{
    [BindProperty]
    public TranslationInput Input { get; set; } = new();

    public Process Process { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    public sealed class TranslationInput
    {
        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(ProcessLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
        public string Title { get; set; } = "";

        [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? ProblemStatement { get; set; }

        [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? Purpose { get; set; }

        [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? CanInfluence { get; set; }

        [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? CannotInfluence { get; set; }

        [StringLength(ProcessLimits.Name, ErrorMessage = "The name can have at most {1} characters.")]
        public string? SponsorName { get; set; }

        [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? SponsorMandate { get; set; }

        [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? PoliticalBacking { get; set; }

        /// <summary>The words as the use case takes them, from the page and the API alike (what one can and cannot influence: one a line).</summary>
        public ProcessTranslationContent Content() => new(
            Title, ProblemStatement ?? "", Purpose ?? "",
            ProcessForm.Lines(CanInfluence), ProcessForm.Lines(CannotInfluence),
            SponsorName ?? "", SponsorMandate ?? "", PoliticalBacking ?? "");
    }

    public IEnumerable<(string Code, string Name)> OtherLanguages => ContentLanguages.All.Where(l => l.Code != Process.Language);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Process = (await processes.ReadAsync(id, User, ProcessAction.Edit, cancellationToken)).Process;
        if (Language is not null && ContentLanguages.IsKnown(Language) && Process.TranslationFor(Language) is { } existing)
        {
            Input = new TranslationInput
            {
                Title = existing.Title,
                ProblemStatement = existing.ProblemStatement,
                Purpose = existing.Purpose,
                CanInfluence = string.Join('\n', existing.CanInfluence),
                CannotInfluence = string.Join('\n', existing.CannotInfluence),
                SponsorName = existing.SponsorName,
                SponsorMandate = existing.SponsorMandate,
                PoliticalBacking = existing.PoliticalBacking,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] TranslateProcess.Handler translate, CancellationToken cancellationToken)
    {
        Process = (await processes.ReadAsync(id, User, ProcessAction.Edit, cancellationToken)).Process;
        if (Language is null || !ContentLanguages.IsKnown(Language) || Language == Process.Language)
        {
            ModelState.AddModelError(nameof(Language), t["Choose a language other than the one the process is written in."]);
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(translate, new TranslateProcess.Command(id, Language!, Input.Content()), cancellationToken);
        return this.Done(t["The translation was saved and logged."], $"/processes/{id}");
    }
}
