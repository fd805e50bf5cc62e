using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Assessments;

/// <summary>What someone may do with the assessments of the co-creation toolkit (Co-Ready, Co-Serve, Co-Master).</summary>
public enum AssessmentAction
{
    /// <summary>See an assessment, its results and exports, and the organisation's list of them.</summary>
    View,

    /// <summary>Start an assessment or a service comparison for the organisation.</summary>
    Start,

    /// <summary>Answer signed in, as a member of staff (Co-Master: as an organiser).</summary>
    Answer,

    /// <summary>Close answering and record the result.</summary>
    Complete,

    /// <summary>Open and close the anonymous links of a Co-Master survey.</summary>
    ManageLinks,

    /// <summary>Add a candidate service to a Co-Serve comparison.</summary>
    AddService,

    /// <summary>Pick the service to renew from a Co-Serve comparison.</summary>
    ChooseService,

    /// <summary>Change the service chosen in a decided Co-Serve comparison, saying why.</summary>
    ReconsiderChoice,
}

/// <summary>What a toolkit decision is about.</summary>
public enum ToolkitSubjectKind
{
    /// <summary>The organisation's toolkit as a whole: its lists of assessments, and starting one.</summary>
    Organisation,

    /// <summary>One assessment (Co-Ready, Co-Master, or the evaluation of one Co-Serve candidate).</summary>
    Assessment,

    /// <summary>One Co-Serve comparison of candidate services.</summary>
    Comparison,
}

/// <summary>What a toolkit decision is about, and whether it is closed (an assessment completed, a comparison decided).</summary>
public readonly record struct ToolkitSubject(ToolkitSubjectKind Kind, bool IsClosed)
{
    public static ToolkitSubject Organisation { get; } = new(ToolkitSubjectKind.Organisation, false);

    public static ToolkitSubject Assessment(bool isCompleted) => new(ToolkitSubjectKind.Assessment, isCompleted);

    public static ToolkitSubject Comparison(bool isDecided) => new(ToolkitSubjectKind.Comparison, isDecided);
}

/// <summary>
/// The one place that decides who may do what with the toolkit's assessments, for all three tools. Assessments are
/// the organisation's own business: its staff (and the team of the process an assessment belongs to) see and answer
/// them; platform admins may see and manage them but, not working there, never answer. To anyone else an assessment
/// does not exist. Anonymous participants answer Co-Master only through an open link, which the link decides.
/// Who someone is is a <see cref="ProcessAccess"/>: their role in the organisation and, when the assessment belongs to
/// a process, in that process.
/// </summary>
public static class AssessmentPermissions
{
    public static bool Allows(AssessmentAction action, ToolkitSubject subject, ProcessAccess who) => Decide(action, subject, who).IsAllowed;

    public static Decision Decide(AssessmentAction action, ToolkitSubject subject, ProcessAccess who)
    {
        var staff = who.OrganisationRole is not null || who.IsPlatformAdmin;
        if (subject.Kind == ToolkitSubjectKind.Organisation)
        {
            // Starting is about the organisation, not a process: its staff or an admin.
            return action is AssessmentAction.View or AssessmentAction.Start && staff
                ? Decision.Allowed
                : NotYours("Only the organisation's staff use its co-creation toolkit.");
        }
        if (!who.IsInsider && !who.IsPlatformAdmin)
        {
            return Decision.Hidden;
        }
        return action switch
        {
            AssessmentAction.View => Decision.Allowed,
            AssessmentAction.Start => staff ? Decision.Allowed : NotYours("Only the organisation's staff use its co-creation toolkit."),
            AssessmentAction.Answer => who.IsInsider
                ? Open(subject)
                : NotYours("Only the organisation's staff and the process's team answer its assessments; platform administrators do not."),
            AssessmentAction.Complete or AssessmentAction.ManageLinks or AssessmentAction.AddService or AssessmentAction.ChooseService => Open(subject),
            // A decision may be revisited, openly: only once it was made.
            AssessmentAction.ReconsiderChoice => subject.IsClosed ? Decision.Allowed : NotNow("No service has been chosen in this comparison yet."),
            _ => NotYours("This change is not allowed."),
        };
    }

    /// <summary>Refused because the assessment is completed or the comparison decided, else allowed.</summary>
    private static Decision Open(ToolkitSubject subject) => subject switch
    {
        { IsClosed: false } => Decision.Allowed,
        { Kind: ToolkitSubjectKind.Comparison } => NotNow("A service has already been chosen in this comparison."),
        _ => NotNow("This assessment is completed: its answers can no longer change."),
    };

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(AssessmentPermissions));

    private static Decision NotNow(string reason) => Decision.NotNow(reason, typeof(AssessmentPermissions));
}
