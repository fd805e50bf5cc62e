using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Assessments;

/// <summary>The messages for rules assessments enforce (see <see cref="AssessmentRuleException"/>).</summary>
public static class AssessmentRules
{
    private const string NotAllowed = "This change is not allowed.";

    /// <summary>Every rule's message by its code, in English (the key of its translation in AssessmentText).</summary>
    public static IReadOnlyDictionary<string, string> Messages { get; } = new Dictionary<string, string>
    {
        ["AssessmentCompleted"] = "This assessment is completed: its answers can no longer change.",
        ["NoFinishedAnswers"] = "Nobody has finished answering yet: finish your answers first.",
        ["LinkClosed"] = "This link is closed: it no longer accepts answers.",
        ["ServiceAlreadyChosen"] = "A service has already been chosen in this comparison.",
        ["ServiceNotEvaluated"] = "Choose a service that has been evaluated.",
        ["ServiceNotChosen"] = "No service has been chosen in this comparison yet.",
        ["ServiceAlreadyTheChoice"] = "This service is already the one chosen: choose another one.",
        ["InstrumentMissing"] = "This installation of Cocreo does not have the instrument version these answers were given to, so they cannot be scored.",
        [""] = NotAllowed,
    };

    public static string Message(string code) => Messages.TryGetValue(code, out var message) ? message : NotAllowed;

    /// <summary>The rule's message in the reader's language (the toolkit's pages share these translations).</summary>
    public static string Message(this IStringLocalizer<AssessmentText> text, string code) => text[Message(code)].Value;
}
