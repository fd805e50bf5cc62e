using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>
/// A participant answers a Co-Master survey through an anonymous link: no account, no name, no address stored. A
/// random key in a cookie on their device lets them come back and change their answers while the link is open.
/// </summary>
[EnableRateLimiting(ProcessQualityCapability.LinkRateLimit)]
public sealed class RespondModel(
    CocreoDbContext db,
    AssessmentLifecycle lifecycle,
    ProcessDirectory processes,
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
        var refusal = await LoadAsync(token, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Shown = AnswerForm.Shown(Respondent, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? go, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(token, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var asked = Groups.SelectMany(g => g.Questions).Where(q => q.AppliesTo(Link.Role)).ToList();
        AnswerForm.Validate(Instrument!, asked, Answers, ModelState, answerText);
        if (!ModelState.IsValid)
        {
            Shown = AnswerForm.Shown(Respondent, Answers);
            return Page();
        }

        var key = KeyFromCookie() ?? NewKey();
        var keyHash = Hash(key);
        var saved = await lifecycle.AnswerAsync(Link.AssessmentId, async ct =>
        {
            var assessment = await db.Set<OrganisationAssessment>()
                .Include(a => a.Respondents.Where(r => r.ResumeKeyHash == keyHash && r.ResponseLinkId == Link.Id)).ThenInclude(r => r.Answers)
                .SingleAsync(a => a.Id == Link.AssessmentId, ct);
            if (!await db.Set<ResponseLink>().AnyAsync(l => l.Id == Link.Id && l.ClosedAt == null, ct))
            {
                return false;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var respondent = assessment.Respondents.SingleOrDefault() ?? assessment.AnonymousRespondent(Link.Id, Link.Role, keyHash, now);
            AnswerForm.Apply(respondent, asked, Answers, now);
            if (go == "finish")
            {
                respondent.Finish(now);
            }
            return true;
        }, cancellationToken);
        if (!saved)
        {
            return Closed();
        }
        Response.Cookies.Append(CookiePrefix + Link.Id, key, new CookieOptions
        {
            Path = Link.Path,
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            Expires = clock.GetUtcNow().AddDays(60),
        });
        TempData["Status"] = go == "finish"
            ? t["Thank you: your answers were received. You can change them here while the link is open."].Value
            : t["Your answers are saved on this device. Come back with the same link to finish."].Value;
        return Redirect(Link.Path);
    }

    private async Task<IActionResult?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var link = await db.Set<ResponseLink>().AsNoTracking().SingleOrDefaultAsync(l => l.Token == token, cancellationToken);
        if (link is null)
        {
            return NotFound();
        }
        Link = link;
        var keyHash = KeyFromCookie() is { } key ? Hash(key) : null;
        Assessment = await db.Set<OrganisationAssessment>().AsNoTracking()
            .Include(a => a.Respondents.Where(r => keyHash != null && r.ResumeKeyHash == keyHash && r.ResponseLinkId == link.Id)).ThenInclude(r => r.Answers)
            .SingleAsync(a => a.Id == link.AssessmentId, cancellationToken);
        Instrument = AssessmentInstruments.Of(Assessment);
        if (Assessment.ProcessId is { } processId)
        {
            ProcessTitle = (await processes.FindAsync(processId, cancellationToken))?.Title;
        }
        if (IsClosed)
        {
            return Closed();
        }
        Respondent = Assessment.Respondents.SingleOrDefault();
        return null;
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
