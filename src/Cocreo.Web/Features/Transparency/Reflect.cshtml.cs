using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Transparency;

/// <summary>Facilitators and sponsors write reflections and learnings into the public log: working out loud.</summary>
[Authorize]
public sealed class ReflectModel(ProcessAccessReader processes, ChangeRunner changes, IStringLocalizer<TransparencyText> t) : PageModel
{
    [BindProperty]
    public ReflectionInput Input { get; set; } = new();

    public Process Process { get; private set; } = null!;

    public sealed class ReflectionInput
    {
        public AddReflection.Kind Kind { get; set; } = AddReflection.Kind.Reflection;

        [StringLength(200, ErrorMessage = "The title can have at most {1} characters.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Write your reflection.")]
        [StringLength(10_000, ErrorMessage = "This text can have at most {1} characters.")]
        public string Text { get; set; } = "";

        public Guid SubmissionId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Process = (await processes.ReadAsync(id, User, ProcessAction.Reflect, cancellationToken)).Process;
        Input.SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] AddReflection.Handler reflect, CancellationToken cancellationToken)
    {
        Process = (await processes.ReadAsync(id, User, ProcessAction.Reflect, cancellationToken)).Process;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(reflect, new AddReflection.Command(id, Input.Kind, Input.Title, Input.Text, Input.SubmissionId), cancellationToken);
        return this.Done(t["Your reflection is in the public log."], $"/processes/{id}/log");
    }
}
