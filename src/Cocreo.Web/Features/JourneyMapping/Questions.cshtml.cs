using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The organisation's optional questions about contributors (for segments, and to see who is missing against the
/// population it expects) and the pain-point tags offered with one tap. Both are retired, never deleted.
/// </summary>
public sealed class QuestionsModel(JourneyDirectory directory, JourneyChanges changes, IStringLocalizer<JourneyText> t) : PageModel
{
    public JourneyView Journey { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAddQuestionAsync(int id, string? text, string? options, CancellationToken cancellationToken) =>
        WithOptionsAsync(id, options, "new-question-options", (change, specs) =>
        {
            var question = change.Map.AddProfileQuestion(text ?? "", specs);
            change.Log("profile-question.added", new { journey = id, question = question.Text, options = Described(question) });
        }, t["The question was added."], cancellationToken);

    public Task<IActionResult> OnPostChangeQuestionAsync(int id, int questionId, string? text, string? options, CancellationToken cancellationToken) =>
        WithOptionsAsync(id, options, $"q{questionId}-options", (change, specs) =>
        {
            change.Map.ChangeProfileQuestion(questionId, text ?? "", specs);
            var question = change.Map.ProfileQuestion(questionId);
            change.Log("profile-question.changed", new { journey = id, questionId, question = question.Text, options = Described(question) });
        }, t["The question was changed."], cancellationToken);

    public Task<IActionResult> OnPostRetireQuestionAsync(int id, int questionId, CancellationToken cancellationToken) =>
        ChangeAsync(id, change =>
        {
            change.Map.RetireProfileQuestion(questionId);
            change.Log("profile-question.retired", new { journey = id, questionId, question = change.Map.ProfileQuestion(questionId).Text });
        }, t["The question was retired; the answers already given are kept."], cancellationToken);

    public Task<IActionResult> OnPostAddTagAsync(int id, string? name, CancellationToken cancellationToken) =>
        ChangeAsync(id, change =>
        {
            var tag = change.Map.AddPainTag(name ?? "");
            change.Log("pain-tag.added", new { journey = id, tag = tag.Name });
        }, t["The tag was added."], cancellationToken);

    public Task<IActionResult> OnPostRetireTagAsync(int id, int tagId, CancellationToken cancellationToken) =>
        ChangeAsync(id, change =>
        {
            var tag = change.Map.RetirePainTag(tagId);
            change.Log("pain-tag.retired", new { journey = id, tag = tag.Name });
        }, t["The tag was retired; contributions keep it."], cancellationToken);

    private Task<IActionResult> WithOptionsAsync(int id, string? options, string field, Action<JourneyChange, List<ProfileOptionSpec>> change, string done, CancellationToken cancellationToken)
    {
        var (specs, problems) = ProfileOptionLines.Read(options);
        foreach (var (line, text) in problems)
        {
            ModelState.AddModelError(field, t["Line {0} (“{1}”): write the answer, then optionally a bar and the expected share between 0 and 100, like “65 or older | 22”.", line, text]);
        }
        return ChangeAsync(id, c => change(c, specs), done, cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(int id, Action<JourneyChange> change, string done, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        var outcome = await changes.RunAsync(id, User, JourneyAction.Edit, (c, _) =>
        {
            change(c);
            return Task.CompletedTask;
        }, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        if (outcome.Result == ChangeResult.Broken)
        {
            ModelState.AddModelError("", t[JourneyRules.Message(outcome.RuleCode!)]);
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        TempData["Status"] = done;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (journey, refusal) = await directory.LoadAsync(this, id, JourneyAction.Edit, cancellationToken);
        Journey = journey!;
        return refusal;
    }

    private static List<object> Described(ProfileQuestion question) =>
        question.ActiveOptions.Select(o => (object)new { answer = o.Label, expectedPercent = o.ExpectedPercent }).ToList();
}
