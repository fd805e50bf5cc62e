using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The ballot. Works without JavaScript; a refused ballot comes back with the voter's selection and a message saying
/// what to change. The receipt is handed over once, on the next page.
/// </summary>
[EnableRateLimiting(BudgetingCapability.BallotLimit)]
public sealed class VoteModel(Voting voting, BallotPapers papers, BallotTitles titles, BudgetAccess access, IStringLocalizer<BudgetingText> t) : PageModel
{
    public const string ReceiptKey = "BallotReceipt";
    public const string ChangeCodeKey = "BallotChangeCode";

    public BudgetTarget Target { get; private set; } = null!;
    public BallotPaper Paper { get; private set; } = null!;

    /// <summary>The projects' titles in the reader's language; the paper keeps the originals.</summary>
    public IReadOnlyDictionary<int, Platform.Localization.Written> Titles { get; private set; } = new Dictionary<int, Platform.Localization.Written>();

    /// <summary>What the person can do here: vote, sign in first, give a code, or nothing more (voted, changes not allowed).</summary>
    public VoterState State { get; private set; }

    // Named, so that without such fields the binder does not fall back to reading every form field as one.
    [BindProperty(Name = "Selected")]
    public List<int> Selected { get; set; } = [];

    [BindProperty(Name = "Points")]
    public Dictionary<int, int?> Points { get; set; } = [];

    // Named, so that without such fields the binder does not fall back to reading every form field as one.
    [BindProperty(Name = "Ranks")]
    public List<int?> Ranks { get; set; } = [];

    // Named, so that without such fields the binder does not fall back to reading every form field as one.
    [BindProperty(Name = "Answers")]
    public List<int?> Answers { get; set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? ChangeCode { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (Paper.Phase == BudgetPhase.Voting)
        {
            var (voterKey, problem, hasVoted) = await voting.CheckVoterAsync(Paper, new VoterCredential(User, null), cancellationToken);
            State = voterKey is null
                ? (Paper.Eligibility == Eligibility.Census ? VoterState.NeedsCode : VoterState.NeedsSignIn)
                : hasVoted ? (Paper.AllowBallotChanges ? VoterState.MayChange : VoterState.HasVoted) : VoterState.MayVote;
            if (problem == VoteStatus.NotEligible)
            {
                ModelState.AddModelError("", t[BudgetRules.VoteMessage(problem)]);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        State = Paper.Eligibility == Eligibility.Census && User.UserId() is null ? VoterState.NeedsCode : VoterState.MayVote;
        var choice = new BallotChoicesView(Paper, Selected, Points, Ranks, ShowLinks: true).Choice(Answers.Take(Paper.Questions.Count).ToList());
        var result = await voting.CastAsync(id, new VoterCredential(User, Code), choice, ChangeCode, Money.In(Paper.Currency), cancellationToken);
        switch (result.Status)
        {
            case VoteStatus.Recorded or VoteStatus.Changed:
                TempData[ReceiptKey] = result.Receipt;
                TempData[ChangeCodeKey] = result.ChangeCode;
                TempData["Status"] = result.Status == VoteStatus.Changed ? t["Your ballot was changed."].Value : t["Thank you for voting! Your ballot is recorded."].Value;
                return Redirect($"/budgets/{id}/voted");
            case VoteStatus.NotFound:
                return NotFound();
            case VoteStatus.SignInRequired:
                return Challenge();
            case VoteStatus.Invalid:
                foreach (var problem in result.Problems!)
                {
                    ModelState.AddModelError("", t.Plural(BudgetRules.BallotMessage(problem.Kind), problem.Values));
                }
                break;
            case VoteStatus.InvalidCode or VoteStatus.NotEligible:
                State = VoterState.NeedsCode;
                ModelState.AddModelError(nameof(Code), t[BudgetRules.VoteMessage(result.Status)]);
                break;
            case VoteStatus.ReceiptNotFound:
                ModelState.AddModelError(nameof(ChangeCode), t[BudgetRules.VoteMessage(result.Status)]);
                break;
            default:
                ModelState.AddModelError("", t[BudgetRules.VoteMessage(result.Status)]);
                break;
        }
        // A 422 keeps the page (and the voter's selection) but tells scripts and tests that nothing was recorded.
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
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
        Titles = await titles.ForAsync(id, paper.Projects.Select(p => (p.Number, p.Title)), Platform.Localization.Cultures.Current, cancellationToken);
        return null;
    }
}

public enum VoterState
{
    NeedsSignIn,
    NeedsCode,
    MayVote,
    MayChange,
    HasVoted,
}
