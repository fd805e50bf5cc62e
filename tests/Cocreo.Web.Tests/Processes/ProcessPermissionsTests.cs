using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;

namespace Cocreo.Web.Tests.Processes;

/// <summary>The allow/deny table of who may do what with a process, as the one permission class decides it.</summary>
public class ProcessPermissionsTests
{
    private static readonly Dictionary<string, ProcessAccess> People = new()
    {
        ["anonymous"] = ProcessAccess.Anonymous,
        ["signed-in stranger"] = new("u", false, null, null),
        ["participant"] = new("u", false, null, ProcessRole.Participant),
        ["observer"] = new("u", false, null, ProcessRole.Observer),
        ["facilitator"] = new("u", false, null, ProcessRole.Facilitator),
        ["owner"] = new("u", false, null, ProcessRole.Owner),
        ["own organisation's staff"] = new("u", false, OrganisationRole.Staff, null),
        ["own organisation's administrator"] = new("u", false, OrganisationRole.Administrator, null),
        ["other organisation's staff"] = new("u", false, null, null),
        ["platform admin"] = new("u", true, null, null),
    };

    // Who may, on an open public process. Everyone else may not.
    public static TheoryData<ProcessAction, string[]> OpenPublicProcess => new()
    {
        { ProcessAction.View, People.Keys.ToArray() },
        { ProcessAction.ViewMembers, ["facilitator", "owner", "own organisation's staff", "own organisation's administrator", "platform admin"] },
        { ProcessAction.Edit, ["facilitator", "owner", "own organisation's administrator", "platform admin"] },
        { ProcessAction.ManagePhases, ["facilitator", "owner", "own organisation's administrator", "platform admin"] },
        { ProcessAction.Announce, ["facilitator", "owner", "own organisation's administrator", "platform admin"] },
        { ProcessAction.ManageMembers, ["owner", "own organisation's administrator", "platform admin"] },
        { ProcessAction.Reflect, ["facilitator", "owner"] },
        { ProcessAction.Join, ["signed-in stranger", "own organisation's staff", "own organisation's administrator", "other organisation's staff", "platform admin"] },
        { ProcessAction.Leave, ["participant", "observer", "facilitator", "owner"] },
    };

    [Theory]
    [MemberData(nameof(OpenPublicProcess))]
    public void On_an_open_public_process(ProcessAction action, string[] allowed)
    {
        foreach (var (who, access) in People)
        {
            Assert.True(allowed.Contains(who) == ProcessPermissions.Allows(action, ProcessVisibility.Public, false, access), $"{action} by {who}");
        }
    }

    [Fact]
    public void A_private_process_is_seen_only_by_its_organisation_members_and_admins()
    {
        var allowed = new[] { "participant", "observer", "facilitator", "owner", "own organisation's staff", "own organisation's administrator", "platform admin" };
        foreach (var (who, access) in People)
        {
            Assert.True(allowed.Contains(who) == ProcessPermissions.Allows(ProcessAction.View, ProcessVisibility.Private, false, access), who);
            Assert.False(ProcessPermissions.Allows(ProcessAction.Join, ProcessVisibility.Private, false, access), who);
        }
    }

    [Fact]
    public void A_closed_process_cannot_change_but_its_team_can_still_reflect()
    {
        foreach (var action in new[] { ProcessAction.Edit, ProcessAction.ManagePhases, ProcessAction.Announce, ProcessAction.ManageMembers, ProcessAction.Join })
        {
            Assert.All(People.Values, access => Assert.False(ProcessPermissions.Allows(action, ProcessVisibility.Public, true, access)));
        }
        Assert.True(ProcessPermissions.Allows(ProcessAction.Reflect, ProcessVisibility.Public, true, People["facilitator"]));
        Assert.True(ProcessPermissions.Allows(ProcessAction.View, ProcessVisibility.Public, true, People["anonymous"]));
    }
}
