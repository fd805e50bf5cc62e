using Cocreo.OpinionMap.Polis;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Conversations.Import;

/// <summary>
/// The process's team imports a Polis export into a new conversation: the question and settings from the form, the
/// statements, votes and participants from the export (a .zip, or its CSV files). A malformed file is refused with
/// its file, line and column, and nothing is imported.
/// </summary>
[ImportRequestLimits]
public sealed class ImportModel(ConversationAccessReader conversations, ChangeRunner changes, IOptions<ConversationImportOptions> options, IStringLocalizer<ImportText> t) : PageModel
{
    [BindProperty]
    public ConversationForm Input { get; set; } = new();

    /// <summary>The export: one .zip, or comments.csv and votes.csv (participants-votes.csv optional).</summary>
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public Process Process { get; private set; } = null!;

    public long MaxUploadMegabytes => options.Value.MaxUploadBytes / 1_000_000;

    public async Task<IActionResult> OnGetAsync(int processId, bool tooLarge, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, cancellationToken);
        if (tooLarge)
        {
            ModelState.AddModelError(nameof(Files), TooLarge(t, options.Value));
            return new PageResult { StatusCode = StatusCodes.Status413PayloadTooLarge };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, [FromServices] ImportConversation.Handler import, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        PolisExport export;
        try
        {
            export = await PolisUpload.ReadAsync(Files.Select(f => new UploadedFile(f.FileName, f.OpenReadStream())).ToList(), options.Value, t, cancellationToken);
        }
        catch (PolisImportException e)
        {
            ModelState.AddModelError(nameof(Files), t["Nothing was imported. {0}", PolisUpload.Describe(e.Problem, t)]);
            return Invalid();
        }
        var outcome = await changes.RunAsync(import, new ImportConversation.Command(processId, Input.ToSettings(), export, t["Rejected in the imported conversation"]), cancellationToken);
        return this.Done(Summary(t, outcome), $"/conversations/{outcome.ConversationId}/manage");
    }

    public static string TooLarge(IStringLocalizer<ImportText> t, ConversationImportOptions options) =>
        t["The upload is larger than {0} MB, the most that can be imported at once. Nothing was imported.", options.MaxUploadBytes / 1_000_000];

    public static string Summary(IStringLocalizer<ImportText> t, ImportConversation.Outcome outcome) =>
        t["The Polis export was imported: {0} (rejected: {1}), {2} and {3}.",
            t.Plural("{0, plural, one {# statement} other {# statements}}", outcome.Statements),
            outcome.Rejected,
            t.Plural("{0, plural, one {# participant} other {# participants}}", outcome.Participants),
            t.Plural("{0, plural, one {# vote} other {# votes}}", outcome.Votes)];

    private PageResult Invalid() => new() { StatusCode = StatusCodes.Status422UnprocessableEntity };

    private async Task LoadAsync(int processId, CancellationToken cancellationToken) =>
        Process = (await conversations.ReadProcessAsync(processId, User, ConversationAction.Create, cancellationToken)).Process;
}
