using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Tests.Assessments;

/// <summary>The toolkit's rules of who may do what, as a table, with the reason of each refusal.</summary>
public sealed class AssessmentPermissionsTests
{
    private static readonly ProcessAccess Staff = new("staff", false, OrganisationRole.Staff, null);
    private static readonly ProcessAccess Facilitator = new("facilitator", false, null, ProcessRole.Facilitator);
    private static readonly ProcessAccess Participant = new("participant", false, null, ProcessRole.Participant);
    private static readonly ProcessAccess Admin = new("admin", true, null, null);
    private static readonly ProcessAccess Stranger = new("stranger", false, null, null);

    private const string Open = "open";
    private const string Closed = "closed";

    /// <summary>Who, what, on an open or closed assessment, and the decision: allowed, hidden, or the start of the reason.</summary>
    public static TheoryData<string, AssessmentAction, string, string> Table => new()
    {
        { "staff", AssessmentAction.View, Open, "allowed" },
        { "staff", AssessmentAction.Answer, Open, "allowed" },
        { "staff", AssessmentAction.Answer, Closed, "This assessment is completed" },
        { "staff", AssessmentAction.Complete, Open, "allowed" },
        { "staff", AssessmentAction.Complete, Closed, "This assessment is completed" },
        { "staff", AssessmentAction.ManageLinks, Closed, "This assessment is completed" },
        { "facilitator", AssessmentAction.Answer, Open, "allowed" },
        { "facilitator", AssessmentAction.Start, Open, "Only the organisation's staff" },
        { "participant", AssessmentAction.View, Open, "hidden" },
        { "participant", AssessmentAction.Answer, Open, "hidden" },
        { "admin", AssessmentAction.View, Closed, "allowed" },
        { "admin", AssessmentAction.ManageLinks, Open, "allowed" },
        { "admin", AssessmentAction.Answer, Open, "Only the organisation's staff and the process's team answer" },
        { "stranger", AssessmentAction.View, Open, "hidden" },
        { "anonymous", AssessmentAction.View, Open, "hidden" },
        { "anonymous", AssessmentAction.Answer, Open, "hidden" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decides_on_an_assessment(string who, AssessmentAction action, string state, string expected) =>
        Assert.StartsWith(expected, Describe(AssessmentPermissions.Decide(action, ToolkitSubject.Assessment(state == Closed), Person(who))), StringComparison.Ordinal);

    public static TheoryData<string, AssessmentAction, string, string> Comparisons => new()
    {
        { "staff", AssessmentAction.AddService, Open, "allowed" },
        { "staff", AssessmentAction.AddService, Closed, "A service has already been chosen" },
        { "staff", AssessmentAction.ChooseService, Closed, "A service has already been chosen" },
        { "staff", AssessmentAction.ReconsiderChoice, Open, "No service has been chosen" },
        { "staff", AssessmentAction.ReconsiderChoice, Closed, "allowed" },
        { "admin", AssessmentAction.ReconsiderChoice, Closed, "allowed" },
        { "participant", AssessmentAction.ReconsiderChoice, Closed, "hidden" },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Decides_on_a_comparison(string who, AssessmentAction action, string state, string expected) =>
        Assert.StartsWith(expected, Describe(AssessmentPermissions.Decide(action, ToolkitSubject.Comparison(state == Closed), Person(who))), StringComparison.Ordinal);

    /// <summary>The organisation's toolkit (its lists, starting) is its staff's: others are told so, not shown a missing page.</summary>
    [Theory]
    [InlineData("staff", AssessmentAction.Start, "allowed")]
    [InlineData("admin", AssessmentAction.Start, "allowed")]
    [InlineData("staff", AssessmentAction.View, "allowed")]
    [InlineData("facilitator", AssessmentAction.View, "Only the organisation's staff use its co-creation toolkit.")]
    [InlineData("participant", AssessmentAction.Start, "Only the organisation's staff use its co-creation toolkit.")]
    [InlineData("stranger", AssessmentAction.View, "Only the organisation's staff use its co-creation toolkit.")]
    public void Decides_on_the_organisations_toolkit(string who, AssessmentAction action, string expected) =>
        Assert.StartsWith(expected, Describe(AssessmentPermissions.Decide(action, ToolkitSubject.Organisation, Person(who))), StringComparison.Ordinal);

    [Fact]
    public void A_refusal_because_of_the_state_says_so_to_anyone_and_one_because_of_the_person_asks_strangers_to_sign_in()
    {
        Assert.Equal(DecisionKind.NotNow, AssessmentPermissions.Decide(AssessmentAction.Answer, ToolkitSubject.Assessment(true), Staff).Kind);
        Assert.Equal(DecisionKind.NotYours, AssessmentPermissions.Decide(AssessmentAction.Answer, ToolkitSubject.Assessment(false), Admin).Kind);
        Assert.Equal(RefusalKind.SignIn, AssessmentPermissions.Decide(AssessmentAction.Start, ToolkitSubject.Organisation, ProcessAccess.Anonymous).ToRefusal(false)!.Kind);
    }

    private static ProcessAccess Person(string who) => who switch
    {
        "staff" => Staff,
        "facilitator" => Facilitator,
        "participant" => Participant,
        "admin" => Admin,
        "stranger" => Stranger,
        _ => ProcessAccess.Anonymous,
    };

    /// <summary>"allowed", "hidden", or the reason (rows give its start, so they stay short).</summary>
    private static string Describe(Decision decision) => decision.Kind switch
    {
        DecisionKind.Allowed => "allowed",
        DecisionKind.Hidden => "hidden",
        _ => decision.Reason!,
    };
}
