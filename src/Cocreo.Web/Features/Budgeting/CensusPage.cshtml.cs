using System.Text;
using CsvHelper;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The census of a budget: staff upload the list of people who may vote and get their one-time voting codes (the
/// only time the codes can be read); at a polling station staff look a person up, give a new code or mark that they
/// got a paper ballot.
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes)]
[RequestSizeLimit(MaxFileBytes + 100_000)]
[RefuseRequestsOver(MaxFileBytes + 100_000)]
public sealed class CensusPageModel(Census census, BudgetAccess access, IStringLocalizer<BudgetingText> t) : PageModel
{
    public const int MaxFileBytes = 30_000_000;

    public BudgetTarget Target { get; private set; } = null!;
    public int Count { get; private set; }
    public List<CensusProblem> Problems { get; private set; } = [];
    public (CensusEntry Entry, bool HasVoted)? Person { get; private set; }
    public string? NewCode { get; private set; }

    [BindProperty]
    public string? Reference { get; set; }

    public bool CanUpload => Target.Allows(BudgetAction.Manage) && !Target.Budget.IsLocked;

    public bool CanServeVoters => Target.Allows(BudgetAction.Manage) || Target.Allows(BudgetAction.EnterPaperBallots);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!Target.Allows(BudgetAction.Manage))
        {
            return this.Denied();
        }
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", t["Choose the census file (CSV) to upload."]);
            return Page();
        }
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true))
        {
            try
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                ModelState.AddModelError("file", t["The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and upload it again."]);
                return Page();
            }
        }
        var (rows, problems) = CensusFile.Read(text);
        if (problems.Count > 0)
        {
            Problems = problems;
            ModelState.AddModelError("file", t["The file has {0} problems, listed below by line. Nothing was imported: correct the file and upload it again.", problems.Count]);
            return Page();
        }
        var (outcome, codes) = await census.ReplaceAsync(id, rows, User, cancellationToken);
        switch (outcome)
        {
            case CensusOutcome.Done:
                return File(CodesFile(codes), "text/csv; charset=utf-8", $"voting-codes-budget-{id}.csv");
            case CensusOutcome.Locked:
                ModelState.AddModelError("file", t[BudgetRules.Message("CensusLocked")]);
                return Page();
            case CensusOutcome.Denied:
                return this.Denied();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostFindAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await ServeAsync(id, cancellationToken);
        if (refusal is not null || Reference is null)
        {
            return refusal ?? Page();
        }
        Person = await census.FindAsync(id, Reference, cancellationToken);
        if (Person is null)
        {
            ModelState.AddModelError(nameof(Reference), t["Nobody on the census has this reference."]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostReissueAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await ServeAsync(id, cancellationToken);
        if (refusal is not null || Reference is null)
        {
            return refusal ?? Page();
        }
        var (outcome, code) = await census.ReissueAsync(id, Reference, User, cancellationToken);
        if (outcome == CensusOutcome.Done)
        {
            NewCode = code;
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            ModelState.AddModelError(nameof(Reference), outcome == CensusOutcome.AlreadyVoted
                ? t["This person has already voted (online or on paper): do not hand over a ballot."]
                : t["Nobody on the census has this reference."]);
        }
        Person = await census.FindAsync(id, Reference, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await ServeAsync(id, cancellationToken);
        if (refusal is not null || Reference is null)
        {
            return refusal ?? Page();
        }
        var outcome = await census.MarkVotedOnPaperAsync(id, Reference, User, cancellationToken);
        if (outcome == CensusOutcome.Denied)
        {
            return this.Denied();
        }
        TempData["Status"] = outcome switch
        {
            CensusOutcome.Done => t["Marked as voted. Hand over the paper ballot."].Value,
            CensusOutcome.AlreadyVoted => t["This person has already voted (online or on paper): do not hand over a ballot."].Value,
            CensusOutcome.UnknownReference => t["Nobody on the census has this reference."].Value,
            CensusOutcome.VotingClosed => t[BudgetRules.VoteMessage(VoteStatus.VotingClosed)].Value,
            _ => t[BudgetRules.VoteMessage(VoteStatus.NotRecorded)].Value,
        };
        return Redirect($"/budgets/{id}/census");
    }

    private static byte[] CodesFile(List<IssuedCode> codes)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }))
        {
            csv.WriteRecord(["reference", "name", "email", "code"]);
            foreach (var code in codes)
            {
                csv.WriteRecord([code.Reference, code.Name, code.Email, code.Code]);
            }
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    private async Task<IActionResult?> ServeAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        return refusal ?? (CanServeVoters ? null : this.Denied());
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, User, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        Target = target;
        Count = await census.CountAsync(id, cancellationToken);
        return CanServeVoters ? null : this.Denied();
    }
}
