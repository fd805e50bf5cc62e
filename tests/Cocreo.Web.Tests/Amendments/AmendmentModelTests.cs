using Cocreo.Web.Features.Amendments;
using Xunit;

namespace Cocreo.Web.Tests.Amendments;

public sealed class AmendmentModelTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
    private static readonly AmendedText Base = new("Evening opening", "The library opens at nine.\n\nIt closes at six.");

    private static Amendment Open() =>
        Amendment.Propose("process-proposal", 1, 1, 1, Base, "Evening opening", "The library opens at eight.\n\nIt closes at six.", "Earlier for commuters.", "u1", Now);

    [Fact]
    public void An_amendment_must_change_the_text()
    {
        var refused = Assert.Throws<AmendmentRuleException>(() => Amendment.Propose("process-proposal", 1, 1, 1, Base, Base.Title, Base.Body + "\n", "", "u1", Now));
        Assert.Equal("NoChange", refused.Code);
    }

    [Fact]
    public void Rebase_re_applies_the_change_onto_the_new_version()
    {
        var amendment = Open();
        Assert.True(amendment.NeedsRebase(2));
        Assert.True(amendment.Rebase(2, new AmendedText("Evening opening", "The library opens at nine.\n\nIt closes at eight."), null, null, Now));
        Assert.Equal("The library opens at eight.\n\nIt closes at eight.", amendment.Body);
        Assert.Equal(2, amendment.BaseVersion);
        Assert.False(amendment.NeedsRebase(2));
    }

    [Fact]
    public void Rebase_with_a_conflict_is_refused_and_keeps_the_amendment()
    {
        var amendment = Open();
        var refused = Assert.Throws<AmendmentRuleException>(() => amendment.Rebase(2, new AmendedText("Evening opening", "The library opens at ten.\n\nIt closes at six."), null, null, Now));
        Assert.Equal("RebaseConflict", refused.Code);
        Assert.Equal(1, amendment.BaseVersion);
        Assert.True(amendment.Rebase(2, new AmendedText("Evening opening", "The library opens at ten.\n\nIt closes at six."), "Evening opening", "Opens at eight.", Now));
        Assert.Equal("Opens at eight.", amendment.Body);
    }

    [Fact]
    public void Reject_needs_a_reason_and_only_rejected_ones_are_promoted()
    {
        var amendment = Open();
        Assert.Throws<AmendmentRuleException>(() => amendment.Promote(5));
        Assert.Equal("ReasonMissing", Assert.Throws<AmendmentRuleException>(() => amendment.Reject("  ", Now)).Code);
        Assert.True(amendment.Reject("Staff hours.", Now));
        Assert.False(amendment.Reject("Again.", Now));
        amendment.Promote(5);
        Assert.Equal(5, amendment.PromotedProposalId);
        Assert.Equal("AlreadyPromoted", Assert.Throws<AmendmentRuleException>(() => amendment.Promote(6)).Code);
    }
}
