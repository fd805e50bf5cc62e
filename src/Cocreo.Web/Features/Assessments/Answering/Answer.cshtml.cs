using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// A member of staff answers an assessment, page by page. Every page is saved as it is sent, so a partly answered
/// assessment can be left and resumed; "finish" marks the answers as ready to count in the result.
/// </summary>
[Authorize]
public sealed class AnswerModel(
    CocreoDbContext db,
    AssessmentLifecycle lifecycle,
    AssessmentAccessReader accessReader,
    AssessmentHomes homes,
    TimeProvider clock,
    IStringLocalizer<AssessmentText> t) : PageModel
{
    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    public OrganisationAssessment Assessment { get; private set; } = null!;
    public Instrument Instrument { get; private set; } = null!;
    public IReadOnlyList<AnswerSection> Sections { get; private set; } = [];
    public int SectionIndex { get; private set; }
    public AnswerSection Section => Sections[SectionIndex];
    public string? Role { get; private set; }
    public string HomePath { get; private set; } = "/";
    public Respondent? Respondent { get; private set; }
    public IReadOnlyDictionary<string, string> Shown { get; private set; } = new Dictionary<string, string>();
    public int AskedCount { get; private set; }
    public int AnsweredCount { get; private set; }
    public bool IsLast => SectionIndex == Sections.Count - 1;

    public string SectionPath(int index) => $"/assessments/{Assessment.Id}/answer/{Sections[index].Id}";

    public async Task<IActionResult> OnGetAsync(int id, string? section, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, section, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Shown = AnswerForm.Shown(Respondent, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? section, string? go, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, section, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var asked = Section.QuestionsFor(Role).ToList();
        AnswerForm.Validate(Instrument, asked, Answers, ModelState, t);
        if (!ModelState.IsValid)
        {
            Shown = AnswerForm.Shown(Respondent, Answers);
            return Page();
        }

        var userId = User.UserId()!;
        var finish = go == "finish";
        var saved = await lifecycle.AnswerAsync(id, async ct =>
        {
            var assessment = await db.Set<OrganisationAssessment>()
                .Include(a => a.Respondents.Where(r => r.UserId == userId)).ThenInclude(r => r.Answers)
                .SingleAsync(a => a.Id == id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var respondent = assessment.RespondentFor(userId, Role, now);
            AnswerForm.Apply(respondent, asked, Answers, now);
            if (finish)
            {
                respondent.Finish(now);
            }
            return true;
        }, cancellationToken);

        if (!saved)
        {
            TempData["Status"] = t.Message("AssessmentCompleted");
            return Redirect(HomePath);
        }
        switch (go)
        {
            case "finish":
                TempData["Status"] = t["Thank you: your answers are saved and count in the result."].Value;
                return Redirect(HomePath);
            case "later":
                TempData["Status"] = t["Your answers are saved. You can continue where you left off at any time."].Value;
                return Redirect(HomePath);
            case "previous" when SectionIndex > 0:
                return Redirect(SectionPath(SectionIndex - 1));
            case "next" when !IsLast:
                return Redirect(SectionPath(SectionIndex + 1));
            default:
                TempData["Status"] = t["Your answers are saved."].Value;
                return Redirect(SectionPath(SectionIndex));
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, string? section, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        var assessment = await db.Set<OrganisationAssessment>().AsNoTracking()
            .Include(a => a.Respondents.Where(r => r.UserId == userId)).ThenInclude(r => r.Answers)
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }
        Assessment = assessment;
        var access = await accessReader.ForAsync(User, assessment, cancellationToken);
        if (!AssessmentPermissions.Allows(AssessmentAction.View, false, access))
        {
            return NotFound();
        }
        HomePath = await homes.PathAsync(assessment, cancellationToken);
        if (assessment.IsCompleted)
        {
            TempData["Status"] = t.Message("AssessmentCompleted");
            return Redirect(HomePath);
        }
        if (!AssessmentPermissions.Allows(AssessmentAction.Answer, assessment.IsCompleted, access))
        {
            return this.Denied();
        }
        var instrument = AssessmentInstruments.Of(assessment);
        if (instrument is null)
        {
            TempData["Status"] = t.Message("InstrumentMissing");
            return Redirect(HomePath);
        }
        Instrument = instrument;
        Sections = AssessmentInstruments.Sections(instrument);
        SectionIndex = section is null ? 0 : Sections.ToList().FindIndex(s => s.Id == section);
        if (SectionIndex < 0)
        {
            return NotFound();
        }
        Role = AssessmentInstruments.StaffRole(instrument);
        Respondent = assessment.Respondents.SingleOrDefault();
        var askedAll = instrument.Questions.Where(q => q.AppliesTo(Role)).ToList();
        AskedCount = askedAll.Count;
        AnsweredCount = Respondent is null ? 0 : askedAll.Count(q => Respondent.AnswerTo(q.Id) is not null);
        return null;
    }
}
