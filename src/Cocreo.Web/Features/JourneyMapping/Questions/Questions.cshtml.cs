using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The organisation's optional questions about contributors (for segments, and to see who is missing against the
/// population it expects) and the pain-point tags offered with one tap. Both are retired, never deleted.
/// </summary>
public sealed class QuestionsModel(JourneyAccessReader journeys, ChangeRunner changes, IStringLocalizer<JourneyText> t) : JourneyPage(journeys)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.Edit, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAddQuestionAsync(int id, string? text, string? options, [FromServices] AddProfileQuestion.Handler add, CancellationToken cancellationToken) =>
        ChangeAsync(id, add, new AddProfileQuestion.Command(id, text ?? "", Options(options, "new-question-options")), t["The question was added."], cancellationToken);

    public Task<IActionResult> OnPostChangeQuestionAsync(int id, int questionId, string? text, string? options, [FromServices] ChangeProfileQuestion.Handler change, CancellationToken cancellationToken) =>
        ChangeAsync(id, change, new ChangeProfileQuestion.Command(id, questionId, text ?? "", Options(options, $"q{questionId}-options")), t["The question was changed."], cancellationToken);

    public Task<IActionResult> OnPostRetireQuestionAsync(int id, int questionId, [FromServices] RetireProfileQuestion.Handler retire, CancellationToken cancellationToken) =>
        ChangeAsync(id, retire, new RetireProfileQuestion.Command(id, questionId), t["The question was retired; the answers already given are kept."], cancellationToken);

    public Task<IActionResult> OnPostAddTagAsync(int id, string? name, [FromServices] AddPainTag.Handler add, CancellationToken cancellationToken) =>
        ChangeAsync(id, add, new AddPainTag.Command(id, name ?? ""), t["The tag was added."], cancellationToken);

    public Task<IActionResult> OnPostRetireTagAsync(int id, int tagId, [FromServices] RetirePainTag.Handler retire, CancellationToken cancellationToken) =>
        ChangeAsync(id, retire, new RetirePainTag.Command(id, tagId), t["The tag was retired; contributions keep it."], cancellationToken);

    /// <summary>The answers as typed, one a line; a line that cannot be read is an error on the field, naming the line.</summary>
    private List<ProfileOptionSpec> Options(string? lines, string field)
    {
        var (specs, problems) = ProfileOptionLines.Read(lines);
        foreach (var (line, text) in problems)
        {
            ModelState.AddModelError(field, t["Line {0} (“{1}”): write the answer, then optionally a bar and the expected share between 0 and 100, like “65 or older | 22”.", line, text]);
        }
        return specs;
    }

    /// <summary>Loads the page first, so that it can be shown again with a message.</summary>
    private async Task<IActionResult> ChangeAsync<TCommand>(int id, IChange<TCommand, JourneyTarget, Done> handler, TCommand command, string done, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.Edit, cancellationToken);
        return await RunAsync(changes, handler, command, done, $"/journeys/{id}/questions", cancellationToken);
    }
}
