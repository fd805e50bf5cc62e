using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>Staff enter paper ballots; each counts once a second person has entered it the same way.</summary>
[Authorize]
public sealed class PaperModel(PaperBallots paperBallots, BallotPapers papers, BudgetAccess access, IStringLocalizer<BudgetingText> t) : PageModel
{
    public BudgetTarget Target { get; private set; } = null!;
    public BallotPaper Paper { get; private set; } = null!;
    public List<PaperBallotEntry> Entries { get; private set; } = [];

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

    public BallotChoicesView Choices => new(Paper, Selected, Points, Ranks, ShowLinks: false);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await paperBallots.EnterAsync(id, Serial!, Choices.Choice([]), User, Money.In(Paper.Currency), cancellationToken);
        switch (result.Status)
        {
            case PaperStatus.AwaitingSecondEntry or PaperStatus.Counted:
                TempData["Status"] = result.Status == PaperStatus.Counted
                    ? t["Both entries of ballot {0} agree: it is counted.", Serial!].Value
                    : t["Ballot {0} is entered. A second person must now enter it again.", Serial!].Value;
                return Redirect($"/budgets/{id}/paper");
            case PaperStatus.Denied:
                return this.Denied();
            case PaperStatus.NotFound:
                return NotFound();
            case PaperStatus.Invalid:
                foreach (var problem in result.Problems!)
                {
                    ModelState.AddModelError("", t[BudgetRules.BallotMessage(problem.Kind), problem.Values]);
                }
                break;
            default:
                ModelState.AddModelError(result.Status == PaperStatus.SamePerson ? nameof(Serial) : "", result.Status switch
                {
                    PaperStatus.Mismatch => t["This entry differs from the first entry of ballot {0}. Check the paper: if the first entry is wrong, discard it below and enter the ballot again.", Serial!],
                    PaperStatus.SamePerson => t["You made the first entry of ballot {0}: someone else must make the second.", Serial!],
                    PaperStatus.AlreadyCounted => t["Ballot {0} is already counted.", Serial!],
                    _ => t[BudgetRules.Message("PaperBallotsClosed")],
                });
                break;
        }
        Entries = await paperBallots.EntriesAsync(id, cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id, string serial, CancellationToken cancellationToken)
    {
        var result = await paperBallots.DiscardAsync(id, serial, User, cancellationToken);
        return result.Status switch
        {
            PaperStatus.NotFound => NotFound(),
            PaperStatus.Denied => this.Denied(),
            _ => RedirectWithStatus(id, result.Status == PaperStatus.Discarded ? t["The first entry of ballot {0} was discarded; enter the ballot again.", serial] : t["Ballot {0} has no entry waiting.", serial]),
        };
    }

    private RedirectResult RedirectWithStatus(int id, string status)
    {
        TempData["Status"] = status;
        return Redirect($"/budgets/{id}/paper");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, User, cancellationToken);
        var paper = target is null ? null : await papers.ForAsync(id, cancellationToken);
        if (target is null || paper is null)
        {
            return NotFound();
        }
        (Target, Paper) = (target, paper);
        Entries = await paperBallots.EntriesAsync(id, cancellationToken);
        return target.Allows(BudgetAction.EnterPaperBallots) ? null : this.Denied();
    }
}
