using System.Text;
using CsvHelper;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The census of a budget: staff upload the list of people who may vote and get their one-time voting codes (the
/// only time the codes can be read); at a polling station staff look a person up, ask for a new code (which a
/// second member of the team confirms) or mark that they got a paper ballot. The page accounts for every code: issued,
/// given anew, waiting, used online or on paper, not yet.
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes)]
[RequestSizeLimit(MaxFileBytes + 100_000)]
[RefuseRequestsOver(MaxFileBytes + 100_000)]
public sealed class CensusPageModel(Census census, BudgetAccess access, ChangeRunner changes, IStringLocalizer<BudgetingText> t) : PageModel
{
    public const int MaxFileBytes = 30_000_000;

    public BudgetTarget Target { get; private set; } = null!;
    public CensusSummary Summary { get; private set; } = null!;
    public List<PendingReissue> Pending { get; private set; } = [];
    public List<CensusProblem> Problems { get; private set; } = [];
    public (CensusEntry Entry, bool HasVoted)? Person { get; private set; }

    /// <summary>The new code just confirmed, shown once to the one who confirmed it.</summary>
    public ConfirmCodeReissue.Outcome? Confirmed { get; private set; }

    [BindProperty]
    public string? Reference { get; set; }

    /// <summary>Why the person needs a new code (checked by <see cref="CodeReissueRequest"/>).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public string? UserId => User.UserId();

    public bool CanUpload => Target.Allows(BudgetAction.Manage) && !Target.Budget.IsLocked;


    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, [FromServices] UploadCensus.Handler upload, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", t["Choose the census file (CSV) to upload."]);
            return Invalid();
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
                return Invalid();
            }
        }
        var (rows, problems) = CensusFile.Read(text);
        if (problems.Count > 0)
        {
            Problems = problems;
            ModelState.AddModelError("file", t["The file has {0} problems, listed below by line. Nothing was imported: correct the file and upload it again.", problems.Count]);
            return Invalid();
        }
        var codes = await changes.RunAsync(upload, new UploadCensus.Command(id, rows), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(CodesFile(codes), "text/csv; charset=utf-8", $"voting-codes-budget-{id}.csv");
    }

    /// <summary>Looking a person up changes nothing.</summary>
    public async Task<IActionResult> OnPostFindAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Reference is null)
        {
            return Page();
        }
        Person = await census.FindAsync(id, Reference, cancellationToken);
        if (Person is null)
        {
            ModelState.AddModelError(nameof(Reference), t[BudgetRules.Message("UnknownReference")]);
        }
        return Page();
    }

    /// <summary>Asking for a new code makes none: a different member of the team must confirm the request.</summary>
    public async Task<IActionResult> OnPostRequestReissueAsync(int id, [FromServices] RequestCodeReissue.Handler request, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Reference is null)
        {
            return Page();
        }
        Person = await census.FindAsync(id, Reference, cancellationToken);
        var outcome = await changes.RunAsync(request, new RequestCodeReissue.Command(id, Reference, Reason), cancellationToken);
        return this.Done(t["Request {0} for a new voting code is recorded. A different member of the team must now confirm it.", outcome.Number], $"/budgets/{id}/census");
    }

    /// <summary>The new code is made now and shown once, in this answer, to the one who confirms (see <see cref="ConfirmCodeReissue"/>).</summary>
    public async Task<IActionResult> OnPostConfirmReissueAsync(int id, int number, [FromServices] ConfirmCodeReissue.Handler confirm, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Confirmed = await changes.RunAsync(confirm, new ConfirmCodeReissue.Command(id, number), cancellationToken);
        await LoadAsync(id, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRejectReissueAsync(int id, int number, [FromServices] RejectCodeReissue.Handler reject, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(reject, new RejectCodeReissue.Command(id, number), cancellationToken);
        return this.Done(t["Request {0} was rejected: no new code was made.", number], $"/budgets/{id}/census");
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, [FromServices] MarkVotedOnPaper.Handler mark, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Reference is null)
        {
            return Page();
        }
        Person = await census.FindAsync(id, Reference, cancellationToken);
        await changes.RunAsync(mark, new MarkVotedOnPaper.Command(id, Reference), cancellationToken);
        return this.Done(t["Marked as voted. Hand over the paper ballot."], $"/budgets/{id}/census");
    }

    private PageResult Invalid() => new() { StatusCode = StatusCodes.Status422UnprocessableEntity };

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

    /// <summary>The census page is the team's: those who run the budget upload it and serve voters at a polling station.</summary>
    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Target = await access.ReadAsync(id, User, BudgetAction.Manage, cancellationToken);
        Summary = await census.SummaryAsync(id, cancellationToken);
        Pending = await census.PendingReissuesAsync(id, cancellationToken);
    }
}
