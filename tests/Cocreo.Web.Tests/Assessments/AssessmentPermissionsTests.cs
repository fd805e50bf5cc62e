using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;

namespace Cocreo.Web.Tests.Assessments;

/// <summary>The toolkit's rules of who may do what, as a table.</summary>
public sealed class AssessmentPermissionsTests
{
    private static readonly AssessmentAccess Staff = new("staff", false, OrganisationRole.Staff, null);
    private static readonly AssessmentAccess Facilitator = new("facilitator", false, null, ProcessRole.Facilitator);
    private static readonly AssessmentAccess Participant = new("participant", false, null, ProcessRole.Participant);
    private static readonly AssessmentAccess Admin = new("admin", true, null, null);
    private static readonly AssessmentAccess Stranger = new("stranger", false, null, null);

    public static TheoryData<string, AssessmentAction, bool, bool> Table => new()
    {
        { "staff", AssessmentAction.View, false, true },
        { "staff", AssessmentAction.Answer, false, true },
        { "staff", AssessmentAction.Answer, true, false },
        { "staff", AssessmentAction.Complete, false, true },
        { "staff", AssessmentAction.Complete, true, false },
        { "staff", AssessmentAction.ChooseService, true, false },
        { "facilitator", AssessmentAction.Answer, false, true },
        { "facilitator", AssessmentAction.Start, false, false },
        { "participant", AssessmentAction.View, false, false },
        { "participant", AssessmentAction.Answer, false, false },
        { "admin", AssessmentAction.View, true, true },
        { "admin", AssessmentAction.Start, false, true },
        { "admin", AssessmentAction.ManageLinks, false, true },
        { "admin", AssessmentAction.Answer, false, false },
        { "stranger", AssessmentAction.View, false, false },
        { "anonymous", AssessmentAction.View, false, false },
        { "anonymous", AssessmentAction.Answer, false, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decides(string who, AssessmentAction action, bool completed, bool allowed)
    {
        var access = who switch
        {
            "staff" => Staff,
            "facilitator" => Facilitator,
            "participant" => Participant,
            "admin" => Admin,
            "stranger" => Stranger,
            _ => AssessmentAccess.Anonymous,
        };
        Assert.Equal(allowed, AssessmentPermissions.Allows(action, completed, access));
    }
}
