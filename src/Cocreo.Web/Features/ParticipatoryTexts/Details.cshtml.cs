using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// A participatory text: the last published version section by section (numbered sections with anchors, articles
/// numbered through the text), each section's supports and comments; its versions, a comparison of any two, the
/// exports. For the team also the working draft (what the next version would say, each section marked when it
/// differs from the last version), importing it again, publishing it, closing or reopening the text.
/// </summary>
public sealed class DetailsModel(TextAccess access, ChangeRunner changes, Debate.DebateDirectory debates, TextAmendments amendments, IStringLocalizer<ParticipatoryTextsText> t) : PageModel
{
    /// <summary>For the team: the amendments accepted since the last version, which the next version takes.</summary>
    public IReadOnlyList<TakenAmendment> NextTakes { get; private set; } = [];

    public TextView View { get; private set; } = null!;

    public IReadOnlyList<TextVersion> Versions { get; private set; } = [];

    public TextVersion? Shown => Versions.FirstOrDefault();

    public IReadOnlyDictionary<int, int> Supports { get; private set; } = new Dictionary<int, int>();

    public IReadOnlySet<int> Supporting { get; private set; } = new HashSet<int>();

    public IReadOnlyDictionary<int, int> Comments { get; private set; } = new Dictionary<int, int>();

    /// <summary>The working draft against the last version (for the team's review); empty before the first version.</summary>
    public IReadOnlyDictionary<int, SectionChangeKind> DraftChanges { get; private set; } = new Dictionary<int, SectionChangeKind>();

    public bool Manages => View.Can(TextAction.Manage);

    [BindProperty]
    public DraftForm Input { get; set; } = new();

    public sealed class DraftForm
    {
        public string? Markdown { get; set; }

        public IFormFile? File { get; set; }

        [StringLength(TextLimits.Note, ErrorMessage = "The note can have at most {1} characters.")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (NextTakes.Count > 0 && string.IsNullOrEmpty(Input.Note))
        {
            // The note starts as the list of the amendments taken, each linked with its author's reason: the team completes it.
            Input.Note = string.Join("\n", NextTakes.Select(taken => $"- [{t["Amendment {0}", taken.Amendment.Id]}]({taken.Amendment.Link}) ({taken.Section})"
                + (taken.Amendment.Explanation.Length > 0 ? ": " + taken.Amendment.Explanation.ReplaceLineEndings(" ") : "")));
        }
        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(id, User, TextAction.View, cancellationToken);
        Versions = await access.VersionsAsync(id, cancellationToken);
        (Supports, Supporting) = await access.SupportsAsync(id, View.Process.Access.UserId, cancellationToken);
        Comments = await debates.CountsAsync(TextSectionDebateTargets.DebateKind, View.Text.Sections.Select(s => s.Id).ToList(), cancellationToken);
        if (Shown is { } last)
        {
            var draft = View.Text.Draft.Select(s => new TextVersion.SectionCopy(s.Id, s.Position, s.Heading, s.Articles)).ToList();
            DraftChanges = TextComparison.Of(last.Sections, draft).ToDictionary(c => c.SectionId, c => c.Kind);
        }
        if (Manages)
        {
            NextTakes = (await amendments.TakenAsync(id, Versions, cancellationToken)).GetValueOrDefault(TextAmendments.Next) ?? [];
        }
    }

    public async Task<IActionResult> OnPostImportAsync(int id, [FromServices] ImportDraft.Handler import, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var draft = await DraftForms.ReadAsync(Input.Markdown, Input.File, cancellationToken);
        var changed = await changes.RunAsync(import, new ImportDraft.Command(id, draft), cancellationToken);
        return this.Done(changed ? t["The working draft is replaced. Review it, then publish it as a new version."] : t["The import says what the working draft says: nothing changed."],
            TextLinks.Of(id) + "#draft");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int number, [FromServices] PublishVersion.Handler publish, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var outcome = await changes.RunAsync(publish, new PublishVersion.Command(id, number, Input.Note, Guid.Empty), cancellationToken);
        return this.Done(outcome.Published ? t["Version {0} is published.", outcome.Number] : t["Version {0} was published already; nothing changed.", outcome.Number],
            TextLinks.Version(id, outcome.Number));
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, [FromServices] SetTextOpen.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var changed = await changes.RunAsync(handler, new SetTextOpen.Command(id, false), cancellationToken);
        return this.Done(changed ? t["The text is closed: it takes no more comments or supports."] : t["The text was closed already."], TextLinks.Of(id));
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, [FromServices] SetTextOpen.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var changed = await changes.RunAsync(handler, new SetTextOpen.Command(id, true), cancellationToken);
        return this.Done(changed ? t["The text is open again for comments and supports."] : t["The text was open already."], TextLinks.Of(id));
    }
}
