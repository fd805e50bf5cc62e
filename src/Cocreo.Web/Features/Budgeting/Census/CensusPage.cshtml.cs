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
/// only time the codes can be read); at a polling station staff look a person up, give a new code or mark that they
/// got a paper ballot.
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes)]
[RequestSizeLimit(MaxFileBytes + 100_000)]
[RefuseRequestsOver(MaxFileBytes + 100_000)]
public sealed class CensusPageModel(Census census, BudgetAccess access, ChangeRunner changes, IStringLocalizer<BudgetingText> t) : PageModel
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

    public async Task<IActionResult> OnPostReissueAsync(int id, [FromServices] ReissueVotingCode.Handler reissue, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Reference is null)
        {
            return Page();
        }
        Person = await census.FindAsync(id, Reference, cancellationToken);
        NewCode = await changes.RunAsync(reissue, new ReissueVotingCode.Command(id, Reference), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Page();
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
        Count = await census.CountAsync(id, cancellationToken);
    }
}
