using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>
/// A participant answers a Co-Master survey through an anonymous link: no account, no name, no address stored. A
/// random key in a cookie on their device lets them come back and change their answers while the link is open.
/// </summary>
[EnableRateLimiting(ProcessQualityCapability.LinkRateLimit)]
public sealed class RespondModel(
    ResponseLinks links,
    AssessmentDirectory assessments,
    ProcessDirectory processes,
    ChangeRunner changes,
    TimeProvider clock,
    IStringLocalizer<ProcessQualityText> t,
    IStringLocalizer<AssessmentText> answerText) : PageModel
{
    private const string CookiePrefix = "cocreo.respond.";

    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    public ResponseLink Link { get; private set; } = null!;
    public OrganisationAssessment Assessment { get; private set; } = null!;
    public Instrument? Instrument { get; private set; }
    public string? ProcessTitle { get; private set; }
    public Respondent? Respondent { get; private set; }
    public IReadOnlyDictionary<string, string> Shown { get; private set; } = new Dictionary<string, string>();
    public bool IsClosed => !Link.IsOpen || Assessment.IsCompleted || Instrument is null;
    public IReadOnlyList<Node> Groups => Instrument!.Root.HoldsQuestions ? [Instrument.Root] : Instrument.Root.Children;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        return IsClosed ? Closed() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? go, [FromServices] RespondThroughLink.Handler respond, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (IsClosed)
        {
            return Closed();
        }
        // What was typed is shown again if the answers are refused.
        Shown = AnswerForm.Shown(Respondent, Answers);
        AnswerForm.Validate(Instrument!, RespondThroughLink.Questions(Assessment, Link.Role), Answers, ModelState, answerText);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var key = KeyFromCookie() ?? NewKey();
        await changes.RunAsync(respond, new RespondThroughLink.Command(token, Hash(key), Answers, Finish: go == "finish"), cancellationToken);
        Response.Cookies.Append(CookiePrefix + Link.Id, key, new CookieOptions
        {
            Path = Link.Path,
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            Expires = clock.GetUtcNow().AddDays(60),
        });
        return this.Done(go == "finish"
            ? t["Thank you: your answers were received. You can change them here while the link is open."]
            : t["Your answers are saved on this device. Come back with the same link to finish."], Link.Path);
    }

    private async Task LoadAsync(string token, CancellationToken cancellationToken)
    {
        Link = RefusedException.IfMissing(await links.WithTokenAsync(token, forChange: false, cancellationToken));
        var keyHash = KeyFromCookie() is { } key ? Hash(key) : null;
        Assessment = (await assessments.WithAnonymousSheetAsync(Link.AssessmentId, Link.Id, keyHash, cancellationToken))!;
        Instrument = AssessmentInstruments.Of(Assessment);
        if (Assessment.ProcessId is { } processId)
        {
            ProcessTitle = (await processes.FindAsync(processId, cancellationToken))?.Title;
        }
        Respondent = Assessment.Respondents.SingleOrDefault();
        Shown = AnswerForm.Shown(Respondent, null);
    }

    private PageResult Closed()
    {
        // Gone: the link existed, and says so, but accepts nothing any more.
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    private string? KeyFromCookie() =>
        Request.Cookies.TryGetValue(CookiePrefix + Link.Id, out var key) && key.Length is > 20 and < 100 ? key : null;

    private static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
