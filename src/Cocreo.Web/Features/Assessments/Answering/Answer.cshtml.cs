using Cocreo.Assessment;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// A member of staff answers an assessment, page by page. Every page is saved as it is sent, so a partly answered
/// assessment can be left and resumed; "finish" marks the answers as ready to count in the result.
/// </summary>
[Authorize]
public sealed class AnswerModel(
    AssessmentAccessReader assessments,
    AssessmentHomes homes,
    ChangeRunner changes,
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
        await LoadAsync(id, section, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? section, string? go, [FromServices] AnswerAssessment.Handler answer, CancellationToken cancellationToken)
    {
        await LoadAsync(id, section, cancellationToken);
        // What was typed is shown again if the answers are refused.
        Shown = AnswerForm.Shown(Respondent, Answers);
        AnswerForm.Validate(Instrument, Section.QuestionsFor(Role).ToList(), Answers, ModelState, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await changes.RunAsync(answer, new AnswerAssessment.Command(id, Section.Id, Answers, Finish: go == "finish"), cancellationToken);
        return go switch
        {
            "finish" => this.Done(t["Thank you: your answers are saved and count in the result."], HomePath),
            "later" => this.Done(t["Your answers are saved. You can continue where you left off at any time."], HomePath),
            "previous" when SectionIndex > 0 => Redirect(SectionPath(SectionIndex - 1)),
            "next" when !IsLast => Redirect(SectionPath(SectionIndex + 1)),
            _ => this.Done(t["Your answers are saved."], SectionPath(SectionIndex)),
        };
    }

    private async Task LoadAsync(int id, string? section, CancellationToken cancellationToken)
    {
        var view = await assessments.ReadAsync(id, User, AssessmentAction.Answer, instrumentId: null, AnswersLoaded.Own, cancellationToken);
        Assessment = view.Assessment;
        Instrument = view.Instrument ?? throw AssessmentRules.Refusal("InstrumentMissing");
        HomePath = await homes.PathAsync(Assessment, cancellationToken);
        Sections = AssessmentInstruments.Sections(Instrument);
        SectionIndex = section is null ? 0 : Sections.ToList().FindIndex(s => s.Id == section);
        if (SectionIndex < 0)
        {
            throw new RefusedException(Refusal.NotFound);
        }
        Role = AssessmentInstruments.StaffRole(Instrument);
        Respondent = Assessment.Respondents.SingleOrDefault();
        Shown = AnswerForm.Shown(Respondent, null);
        var askedAll = Instrument.Questions.Where(q => q.AppliesTo(Role)).ToList();
        AskedCount = askedAll.Count;
        AnsweredCount = Respondent is null ? 0 : askedAll.Count(q => Respondent.AnswerTo(q.Id) is not null);
    }
}
