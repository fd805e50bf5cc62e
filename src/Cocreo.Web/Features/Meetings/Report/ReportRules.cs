namespace Cocreo.Web.Features.Meetings.Report;

/// <summary>The messages for rules a meeting's report enforces (see <see cref="ReportRuleException"/>).</summary>
public static class ReportRules
{
    public static string Message(string code) => code switch
    {
        "SectionTooLong" => "Each section can have at most {0} characters.",
        "AltMissing" => "Describe the photo for people who cannot see it.",
        "AltTooLong" => "The description can have at most {0} characters.",
        "TooManyPhotos" => "A report can have at most {0} photos.",
        "NothingToPublish" => "Write the report first: save a draft, then publish it.",
        _ => "This change is not allowed.",
    };
}
