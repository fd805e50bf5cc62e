using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Debate;

/// <summary>The team writes a debate's synthesis: a summary and rows of arguments (side, sentence, cited comments).</summary>
[Authorize]
public sealed class SynthesisModel(DebateTargetDirectory targets, SynthesisReader reader, ChangeRunner changes, IStringLocalizer<DebateText> t) : PageModel
{
    /// <summary>Empty rows offered under the written arguments (more come after saving).</summary>
    public const int SpareRows = 3;

    public DebateSubject Subject { get; private set; } = null!;

    /// <summary>The synthesis as it is now (null before the first one).</summary>
    public ShownSynthesis? Current { get; private set; }

    /// <summary>The form was written on an older version than <see cref="Current"/>: both are shown.</summary>
    public bool Overtaken { get; private set; }

    [BindProperty]
    public SynthesisForm Input { get; set; } = new();

    public sealed class SynthesisForm
    {
        public string? Summary { get; set; }

        public int Version { get; set; }

        public List<ArgumentRow> Arguments { get; set; } = [];
    }

    public sealed class ArgumentRow
    {
        public Alignment? Side { get; set; }

        public string? Text { get; set; }

        public string? Comments { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(kind, id, cancellationToken);
        if (Current?.Synthesis is { } synthesis)
        {
            Input = new SynthesisForm
            {
                Summary = synthesis.Summary,
                Version = synthesis.Version,
                Arguments = synthesis.Arguments.OrderBy(a => a.Position)
                    .Select(a => new ArgumentRow { Side = a.Side, Text = a.Text, Comments = string.Join(' ', a.CommentIds.Select(c => "#" + c)) }).ToList(),
            };
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int id, [FromServices] WriteSynthesis.Handler write, CancellationToken cancellationToken)
    {
        await LoadAsync(kind, id, cancellationToken);
        var posted = Input.Version;
        Overtaken = posted != (Current?.Synthesis.Version ?? 0);
        // Shown again after an error: the typed rows, and the version now, so that saving again (having seen it) replaces it.
        ModelState.Remove("Input.Version");
        Input.Version = Current?.Synthesis.Version ?? 0;
        Pad();
        if ((Input.Summary ?? "").Trim().Length > SynthesisLimits.Summary)
        {
            ModelState.AddModelError("Input.Summary", t["A summary can have at most {0} characters.", SynthesisLimits.Summary]);
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        IReadOnlyList<ArgumentDraft> arguments;
        try
        {
            arguments = SynthesisInput.Check(Input.Arguments.Select(a => (a.Side, a.Text, a.Comments)).ToList());
        }
        catch (RuleException rule)
        {
            throw new RefusedException(rule.ToRefusal());
        }
        var outcome = await changes.RunAsync(write, new WriteSynthesis.Command(kind, id, Input.Summary ?? "", arguments, posted), cancellationToken);
        return this.Done(outcome.Changed ? t["The synthesis is published."] : t["Nothing changed."], $"{Subject.Link}#synthesis-{Subject.Kind}-{Subject.Id}");
    }

    private async Task LoadAsync(string kind, int id, CancellationToken cancellationToken)
    {
        Subject = await targets.ReadAsync(kind, id, User, cancellationToken);
        RefusedException.Unless(SynthesisPermissions.Write(Subject), Subject.Access.IsAuthenticated);
        Current = await reader.ReadAsync(kind, id, cancellationToken);
    }

    private void Pad()
    {
        var empty = Input.Arguments.Count(a => string.IsNullOrWhiteSpace(a.Text) && string.IsNullOrWhiteSpace(a.Comments));
        for (var i = empty; i < SpareRows && Input.Arguments.Count < SynthesisLimits.Arguments; i++)
        {
            Input.Arguments.Add(new ArgumentRow());
        }
    }
}
