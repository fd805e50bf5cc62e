using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Tests.JourneyMapping;

/// <summary>Who may do what with a journey map, decided in one place.</summary>
public sealed class JourneyPermissionsTests
{
    private static readonly ProcessAccess Anonymous = ProcessAccess.Anonymous;
    private static readonly ProcessAccess Participant = new("p", false, null, ProcessRole.Participant);
    private static readonly ProcessAccess Facilitator = new("f", false, OrganisationRole.Staff, ProcessRole.Facilitator);
    private static readonly ProcessAccess Staff = new("s", false, OrganisationRole.Staff, null);
    private static readonly ProcessAccess Outsider = new("o", false, null, null);
    private static readonly ProcessAccess Admin = new("a", true, null, null);

    private static readonly JourneySubject OpenPublic = new(ProcessVisibility.Public, false, true);

    [Fact]
    public void Anyone_who_can_see_the_process_may_contribute_while_the_map_is_open()
    {
        Assert.True(JourneyPermissions.Allows(JourneyAction.Contribute, OpenPublic, Anonymous));
        Assert.True(JourneyPermissions.Allows(JourneyAction.Contribute, OpenPublic, Participant));
        Assert.False(JourneyPermissions.Allows(JourneyAction.Contribute, OpenPublic with { MapOpen = false }, Anonymous));
        Assert.False(JourneyPermissions.Allows(JourneyAction.Contribute, OpenPublic with { ProcessClosed = true }, Anonymous));
        Assert.False(JourneyPermissions.Allows(JourneyAction.Contribute, OpenPublic with { Visibility = ProcessVisibility.Private }, Anonymous));
        Assert.True(JourneyPermissions.Allows(JourneyAction.Contribute, OpenPublic with { Visibility = ProcessVisibility.Unlisted }, Anonymous));
    }

    [Fact]
    public void The_team_runs_the_map_and_the_organisations_staff_may_enter_assisted_contributions_and_read_the_dashboard()
    {
        foreach (var action in new[] { JourneyAction.Create, JourneyAction.Edit, JourneyAction.Moderate, JourneyAction.ManageBacklog })
        {
            Assert.True(JourneyPermissions.Allows(action, OpenPublic, Facilitator), action.ToString());
            Assert.True(JourneyPermissions.Allows(action, OpenPublic, Admin), action.ToString());
            Assert.False(JourneyPermissions.Allows(action, OpenPublic, Staff), action.ToString());
            Assert.False(JourneyPermissions.Allows(action, OpenPublic, Participant), action.ToString());
            Assert.False(JourneyPermissions.Allows(action, OpenPublic, Anonymous), action.ToString());
        }
        foreach (var action in new[] { JourneyAction.EnterAssisted, JourneyAction.ViewDashboard })
        {
            Assert.True(JourneyPermissions.Allows(action, OpenPublic, Staff), action.ToString());
            Assert.True(JourneyPermissions.Allows(action, OpenPublic, Facilitator), action.ToString());
            Assert.False(JourneyPermissions.Allows(action, OpenPublic, Outsider), action.ToString());
            Assert.False(JourneyPermissions.Allows(action, OpenPublic, Participant), action.ToString());
        }
    }

    [Fact]
    public void Paper_forms_can_still_be_typed_in_after_the_map_closes_but_not_after_the_process_closes()
    {
        Assert.True(JourneyPermissions.Allows(JourneyAction.EnterAssisted, OpenPublic with { MapOpen = false }, Staff));
        Assert.False(JourneyPermissions.Allows(JourneyAction.EnterAssisted, OpenPublic with { ProcessClosed = true }, Staff));
        Assert.False(JourneyPermissions.Allows(JourneyAction.Edit, OpenPublic with { ProcessClosed = true }, Facilitator));
        Assert.True(JourneyPermissions.Allows(JourneyAction.ViewDashboard, OpenPublic with { ProcessClosed = true }, Facilitator));
    }

    [Fact]
    public void A_refusal_says_whether_it_is_who_the_person_is_or_the_state_of_the_map_and_the_process()
    {
        var participant = JourneyPermissions.Decide(JourneyAction.Edit, OpenPublic, Participant);
        Assert.Equal(DecisionKind.NotYours, participant.Kind);
        Assert.Equal("Only the process's owner and facilitators, and the organisation's administrators, change the journey map.", participant.Reason);
        Assert.Equal(DecisionKind.NotYours, JourneyPermissions.Decide(JourneyAction.ViewDashboard, OpenPublic, Outsider).Kind);

        var closedMap = JourneyPermissions.Decide(JourneyAction.Contribute, OpenPublic with { MapOpen = false }, Anonymous);
        Assert.Equal(DecisionKind.NotNow, closedMap.Kind);
        Assert.Equal("This journey map is not taking contributions now.", closedMap.Reason);
        var closedProcess = JourneyPermissions.Decide(JourneyAction.Edit, OpenPublic with { ProcessClosed = true }, Facilitator);
        Assert.Equal(DecisionKind.NotNow, closedProcess.Kind);
        Assert.Equal("The process is closed: it can no longer change.", closedProcess.Reason);

        // A private process's map does not exist for outsiders, whatever they ask.
        Assert.Equal(DecisionKind.Hidden, JourneyPermissions.Decide(JourneyAction.Edit, OpenPublic with { Visibility = ProcessVisibility.Private }, Outsider).Kind);
        Assert.Equal(DecisionKind.Hidden, JourneyPermissions.Decide(JourneyAction.View, OpenPublic with { Visibility = ProcessVisibility.Private }, Anonymous).Kind);
    }
}
