using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;

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
}

/// <summary>Who someone is with respect to an organisation's assessment: the facts its permissions depend on.</summary>
public sealed record AssessmentAccess(string? UserId, bool IsPlatformAdmin, OrganisationRole? OrganisationRole, ProcessRole? ProcessRole)
{
    public static AssessmentAccess Anonymous { get; } = new(null, false, null, null);

    /// <summary>Works for the organisation, or runs the process the assessment belongs to.</summary>
    public bool IsInsider => OrganisationRole is not null || ProcessRole is Processes.ProcessRole.Owner or Processes.ProcessRole.Facilitator;
}

/// <summary>
/// The one place that decides who may do what with the toolkit's assessments. Assessments are the organisation's
/// own business: its staff (and the team of the process an assessment belongs to) see and answer them; platform
/// admins may see and manage them but, not working there, never answer. Anonymous participants answer Co-Master only
/// through an open link, which is decided by the link itself.
/// </summary>
public static class AssessmentPermissions
{
    public static bool Allows(AssessmentAction action, bool isCompleted, AssessmentAccess who)
    {
        var manages = who.IsInsider || who.IsPlatformAdmin;
        return action switch
        {
            AssessmentAction.View => manages,
            // Starting is about the organisation, not a process: its staff or an admin.
            AssessmentAction.Start => who.OrganisationRole is not null || who.IsPlatformAdmin,
            AssessmentAction.Answer => who.IsInsider && !isCompleted,
            AssessmentAction.Complete or AssessmentAction.ManageLinks or AssessmentAction.AddService or AssessmentAction.ChooseService => manages && !isCompleted,
            _ => false,
        };
    }
}
