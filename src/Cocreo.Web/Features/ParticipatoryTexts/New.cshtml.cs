using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// The process's team imports a draft (pasted Markdown, or a .docx or .md file): it is split into sections and kept
/// as a draft the team reviews on the text's page before publishing the first version.
/// </summary>
[Authorize]
public sealed class NewModel(ProcessAccessReader processes, ChangeRunner changes, IStringLocalizer<ParticipatoryTextsText> t) : PageModel
{
    public ProcessView Process { get; private set; } = null!;

    [BindProperty]
    public DraftForm Input { get; set; } = new();

    public sealed class DraftForm
    {
        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(TextLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
        public string Title { get; set; } = "";

        public string? Markdown { get; set; }

        public IFormFile? File { get; set; }

        public Guid SubmissionId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int processId, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, [FromServices] CreateText.Handler create, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var draft = await DraftForms.ReadAsync(Input.Markdown, Input.File, cancellationToken);
        var id = await changes.RunAsync(create, new CreateText.Command(processId, Input.Title, draft, Input.SubmissionId), cancellationToken);
        return this.Done(t["The draft is imported. Review its sections, then publish the first version."], TextLinks.Of(id));
    }

    private async Task LoadAsync(int processId, CancellationToken cancellationToken)
    {
        Process = await processes.ReadAsync(processId, User, ProcessAction.View, cancellationToken);
        RefusedException.Unless(TextPermissions.Decide(TextAction.Manage, Process.Process, Process.Access), Process.Access.IsAuthenticated);
    }
}

/// <summary>A draft from a form: the uploaded file when there is one (read up to the limit), else the pasted Markdown.</summary>
public static class DraftForms
{
    public static async Task<DraftInput> ReadAsync(string? markdown, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return new DraftInput(markdown);
        }
        if (file.Length > TextLimits.DocxBytes)
        {
            throw new RefusedException(new TextRuleException("DocxTooLarge", "Input.File", TextLimits.DocxBytes / (1024 * 1024)).ToRefusal());
        }
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy, cancellationToken);
        return new DraftInput(markdown, copy.ToArray(), file.FileName);
    }
}
