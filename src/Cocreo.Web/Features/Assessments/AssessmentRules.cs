namespace Cocreo.Web.Features.Assessments;

/// <summary>The messages for rules assessments enforce (see <see cref="AssessmentRuleException"/>).</summary>
public static class AssessmentRules
{
    public static string Message(string code) => code switch
    {
        "AssessmentCompleted" => "This assessment is completed: its answers can no longer change.",
        "NoFinishedAnswers" => "Nobody has finished answering yet: finish your answers first.",
        "LinkClosed" => "This link is closed: it no longer accepts answers.",
        "ServiceAlreadyChosen" => "A service has already been chosen in this comparison.",
        "ServiceNotEvaluated" => "Choose a service that has been evaluated.",
        "InstrumentMissing" => "This installation of Cocreo does not have the instrument version these answers were given to, so they cannot be scored.",
        _ => "This change is not allowed.",
    };
}
