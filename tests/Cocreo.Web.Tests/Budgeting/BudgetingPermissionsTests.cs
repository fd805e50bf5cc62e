using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>The rules of who may do what with a budget, phase by phase, without a server.</summary>
public sealed class BudgetingPermissionsTests
{
    private static readonly ProcessAccess Resident = new("resident", false, null, ProcessRole.Participant);
    private static readonly ProcessAccess Stranger = new("stranger", false, null, null);
    private static readonly ProcessAccess Facilitator = new("facilitator", false, OrganisationRole.Staff, ProcessRole.Facilitator);
    private static readonly ProcessAccess OrganisationStaff = new("staff", false, OrganisationRole.Staff, null);
    private static readonly ProcessAccess OrganisationAdmin = new("admin", false, OrganisationRole.Administrator, null);

    private static BudgetFacts In(BudgetPhase phase, bool published = false, bool closed = false, ProcessVisibility visibility = ProcessVisibility.Public) =>
        new(phase, published, closed, visibility);

    [Theory]
    [InlineData(BudgetPhase.Proposals, true, true)]
    [InlineData(BudgetPhase.Review, false, true)]
    [InlineData(BudgetPhase.Voting, false, false)]
    [InlineData(BudgetPhase.Results, false, false)]
    [InlineData(BudgetPhase.Implementation, false, false)]
    public void Residents_propose_while_proposals_are_collected_and_support_until_voting(BudgetPhase phase, bool propose, bool support)
    {
        Assert.Equal(propose, BudgetingPermissions.Allows(BudgetAction.Propose, In(phase), Resident));
        Assert.Equal(support, BudgetingPermissions.Allows(BudgetAction.Support, In(phase), Resident));
        // Pictures of one's own proposal change only while proposals are collected, not under review.
        Assert.Equal(propose, BudgetingPermissions.Allows(BudgetAction.IllustrateOwnProposal, In(phase), Resident));
        Assert.False(BudgetingPermissions.Allows(BudgetAction.IllustrateOwnProposal, In(phase), ProcessAccess.Anonymous));
        Assert.Equal(propose, BudgetingPermissions.Allows(BudgetAction.Propose, In(phase), Stranger));
        Assert.False(BudgetingPermissions.Allows(BudgetAction.Propose, In(phase), ProcessAccess.Anonymous));
        Assert.True(BudgetingPermissions.Allows(BudgetAction.View, In(phase), ProcessAccess.Anonymous));
    }

    [Fact]
    public void Staff_review_until_voting_opens_and_enter_paper_ballots_until_results_are_published()
    {
        Assert.True(BudgetingPermissions.Allows(BudgetAction.Review, In(BudgetPhase.Review), Facilitator));
        Assert.False(BudgetingPermissions.Allows(BudgetAction.Review, In(BudgetPhase.Voting), Facilitator));
        Assert.False(BudgetingPermissions.Allows(BudgetAction.Review, In(BudgetPhase.Review), Resident));
        Assert.False(BudgetingPermissions.Allows(BudgetAction.EnterPaperBallots, In(BudgetPhase.Review), Facilitator));
        Assert.True(BudgetingPermissions.Allows(BudgetAction.EnterPaperBallots, In(BudgetPhase.Voting), Facilitator));
        Assert.True(BudgetingPermissions.Allows(BudgetAction.EnterPaperBallots, In(BudgetPhase.Results), OrganisationAdmin));
        Assert.False(BudgetingPermissions.Allows(BudgetAction.EnterPaperBallots, In(BudgetPhase.Results, published: true), Facilitator));
        Assert.False(BudgetingPermissions.Allows(BudgetAction.EnterPaperBallots, In(BudgetPhase.Voting), OrganisationStaff));
        Assert.False(BudgetingPermissions.Allows(BudgetAction.ReportProgress, In(BudgetPhase.Results), Facilitator));
        Assert.True(BudgetingPermissions.Allows(BudgetAction.ReportProgress, In(BudgetPhase.Implementation, published: true), Facilitator));
    }

    [Fact]
    public void A_closed_process_changes_no_more_and_a_private_one_is_seen_only_by_its_people()
    {
        foreach (var action in Enum.GetValues<BudgetAction>().Where(a => a != BudgetAction.View))
        {
            Assert.False(BudgetingPermissions.Allows(action, In(BudgetPhase.Proposals, closed: true), OrganisationAdmin), action.ToString());
        }
        Assert.False(BudgetingPermissions.Allows(BudgetAction.View, In(BudgetPhase.Voting, visibility: ProcessVisibility.Private), Stranger));
        Assert.False(BudgetingPermissions.Allows(BudgetAction.Propose, In(BudgetPhase.Proposals, visibility: ProcessVisibility.Private), Stranger));
        Assert.True(BudgetingPermissions.Allows(BudgetAction.Propose, In(BudgetPhase.Proposals, visibility: ProcessVisibility.Private), Resident));
    }
}
