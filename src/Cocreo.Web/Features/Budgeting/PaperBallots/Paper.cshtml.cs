using Cocreo.Web.Platform.Localization;
using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>Staff enter paper ballots; each counts once a second person has entered it the same way.</summary>
[Authorize]
public sealed class PaperModel(PaperBallots paperBallots, BallotPapers papers, BallotTitles titles, BudgetAccess access, ChangeRunner changes, IStringLocalizer<BudgetingText> t) : PageModel
{
    public BudgetTarget Target { get; private set; } = null!;
    public BallotPaper Paper { get; private set; } = null!;
    public List<PaperBallotEntry> Entries { get; private set; } = [];

    /// <summary>The projects' titles in the reader's language where translated (the paper keeps the originals).</summary>
    public IReadOnlyDictionary<int, Platform.Localization.Written> Titles { get; private set; } = new Dictionary<int, Platform.Localization.Written>();

    [BindProperty]
    [Required(ErrorMessage = "Enter the serial number printed on the paper ballot.")]
    [StringLength(40, ErrorMessage = "The serial number can have at most {1} characters.")]
    public string? Serial { get; set; }

    // Named, so that without such fields the binder does not fall back to reading every form field as one.
    [BindProperty(Name = "Selected")]
    public List<int> Selected { get; set; } = [];

    [BindProperty(Name = "Points")]
    public Dictionary<int, int?> Points { get; set; } = [];

    // Named, so that without such fields the binder does not fall back to reading every form field as one.
    [BindProperty(Name = "Ranks")]
    public List<int?> Ranks { get; set; } = [];

    public BallotChoicesView Choices => new(Paper, Selected, Points, Ranks, ShowLinks: false, Titles, c => Target.Budget.LocalCategory(c, Platform.Localization.Cultures.Current));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] EnterPaperBallot.Handler enter, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var choice = Choices.Choice([]);
        var problems = Paper.Check(choice, Money.In(Paper.Currency));
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError("", t.Plural(BudgetRules.BallotMessage(problem.Kind), problem.Values));
            }
            return Invalid();
        }
        var outcome = await changes.RunAsync(enter, new EnterPaperBallot.Command(id, Serial!, choice), cancellationToken);
        return this.Done(outcome.Counted
            ? t["Both entries of ballot {0} agree: it is counted.", Serial!.Trim()]
            : t["Ballot {0} is entered. A second person must now enter it again.", Serial!.Trim()], $"/budgets/{id}/paper");
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id, string serial, [FromServices] DiscardPaperBallot.Handler discard, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(discard, new DiscardPaperBallot.Command(id, serial ?? ""), cancellationToken);
        return this.Done(t["The first entry of ballot {0} was discarded; enter the ballot again.", serial!.Trim()], $"/budgets/{id}/paper");
    }

    private PageResult Invalid() => new() { StatusCode = StatusCodes.Status422UnprocessableEntity };

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Target = await access.ReadAsync(id, User, BudgetAction.EnterPaperBallots, cancellationToken);
        Paper = RefusedException.IfMissing(await papers.ForAsync(id, cancellationToken));
        Entries = await paperBallots.EntriesAsync(id, cancellationToken);
        Titles = await titles.ForAsync(id, Paper.Projects.Select(p => (p.Number, p.Title)), Platform.Localization.Cultures.Current, cancellationToken);
    }
}
