using Cocreo.Assessment;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// Reading and saving one page of answers; shared by the staff answering page and the anonymous participants' page.
/// A question is answered with one of the scale's options, or left unanswered on purpose ("not sure"), which takes
/// back an earlier answer. A question not sent at all keeps what it had.
/// </summary>
public static class AnswerForm
{
    public const string Prefix = "Answers";

    public static string FieldName(string questionId) => $"{Prefix}[{questionId}]";

    /// <summary>Checks the posted answers of <paramref name="asked"/> and adds a message per wrong field to <paramref name="modelState"/>.</summary>
    public static void Validate(Instrument instrument, IReadOnlyCollection<Question> asked, IReadOnlyDictionary<string, string?> posted, ModelStateDictionary modelState, IStringLocalizer<AssessmentText> t)
    {
        foreach (var (field, code) in Problems(instrument, asked, posted))
        {
            modelState.AddModelError(field, t[AssessmentRules.Message(code)]);
        }
    }

    /// <summary>Refuses answers that do not fit the page (a form that bypassed <see cref="Validate"/>).</summary>
    /// <exception cref="AssessmentRuleException">An answer is to a question not asked here, or not one of the scale's options.</exception>
    public static void Check(Instrument instrument, IReadOnlyCollection<Question> asked, IReadOnlyDictionary<string, string?> posted)
    {
        foreach (var (_, code) in Problems(instrument, asked, posted))
        {
            throw new AssessmentRuleException(code);
        }
    }

    private static IEnumerable<(string Field, string Code)> Problems(Instrument instrument, IReadOnlyCollection<Question> asked, IReadOnlyDictionary<string, string?> posted)
    {
        var askedIds = asked.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (questionId, optionId) in posted)
        {
            if (!askedIds.Contains(questionId))
            {
                yield return ("", "UnknownQuestion");
            }
            else if (!string.IsNullOrEmpty(optionId) && instrument.Scale.Find(optionId) is null)
            {
                yield return (FieldName(questionId), "UnknownAnswer");
            }
        }
    }

    /// <summary>Applies the posted answers of <paramref name="asked"/> to <paramref name="respondent"/>.</summary>
    public static void Apply(Respondent respondent, IEnumerable<Question> asked, IReadOnlyDictionary<string, string?> posted, DateTime now)
    {
        foreach (var question in asked)
        {
            if (posted.TryGetValue(question.Id, out var optionId))
            {
                respondent.Answer(question.Id, string.IsNullOrEmpty(optionId) ? null : optionId, now);
            }
        }
    }

    /// <summary>The messages of a question's field on a form that failed validation.</summary>
    public static List<string> Errors(ModelStateDictionary modelState, string fieldName) =>
        modelState.TryGetValue(fieldName, out var entry) && entry is not null ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>The ids a question's group of options is described by (its note, its error), or null.</summary>
    public static string? DescribedBy(string id, bool hasNote, bool hasError)
    {
        var ids = string.Join(' ', new[] { hasNote ? id + "-note" : null, hasError ? id + "-error" : null }.OfType<string>());
        return ids.Length == 0 ? null : ids;
    }

    /// <summary>What to show as answered: what was just posted (on a form with errors) over what was saved.</summary>
    public static Dictionary<string, string> Shown(Respondent? respondent, IReadOnlyDictionary<string, string?>? posted)
    {
        var shown = respondent?.Answers.ToDictionary(a => a.QuestionId, a => a.OptionId, StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (questionId, optionId) in posted ?? new Dictionary<string, string?>())
        {
            if (string.IsNullOrEmpty(optionId))
            {
                shown.Remove(questionId);
            }
            else
            {
                shown[questionId] = optionId;
            }
        }
        return shown;
    }
}

/// <summary>The questions of one page, as the shared partial renders them.</summary>
public sealed record QuestionGroupsView(Instrument Instrument, IReadOnlyList<Node> Groups, string? Role, IReadOnlyDictionary<string, string> Answers)
{
    /// <summary>The questions of a group that this page's role is asked.</summary>
    public List<Question> QuestionsOf(Node group) => group.Questions.Where(q => q.AppliesTo(Role)).ToList();
}
