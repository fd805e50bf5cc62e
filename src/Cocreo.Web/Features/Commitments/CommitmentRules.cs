namespace Cocreo.Web.Features.Commitments;

/// <summary>The messages of <see cref="CommitmentRuleException"/> (English keys of <see cref="CommitmentText"/>).</summary>
public static class CommitmentRules
{
    public static string Message(string code) => code switch
    {
        "TitleMissing" => "Enter a title.",
        "DescriptionMissing" => "Say what will be done and why.",
        "TooLong" => "This can have at most {0, plural, one {# character} other {# characters}}.",
        "TaskholderMissing" => "Name who does it: a staff member of the organisation, a unit, or both.",
        "TaskholderNotStaff" => "The taskholder must be a staff member of the process's organisation. Choose one from the list, or name a unit only.",
        "DeadlineMissing" => "Enter the deadline.",
        "DeadlinePast" => "The deadline is in the past. Enter today or a later date.",
        "AmountRange" => "The amount is a number from 0 to {0}.",
        "BudgetLineMissing" => "Name the budget line the amount comes from.",
        "StatusUnknown" => "Choose planned, in progress, done, delayed or dropped.",
        "DelayReasonMissing" => "Say why it is delayed: people see the reason with the new deadline.",
        "DropReasonMissing" => "Say why it is dropped: people see the reason.",
        "NewDeadlineMissing" => "Enter the new deadline of the delayed commitment.",
        "MilestoneTitleMissing" => "Enter the milestone's title.",
        "MilestoneDateMissing" => "Enter the milestone's date.",
        "TooManyMilestones" => "A commitment can have at most {0} milestones.",
        "MilestoneUnknown" => "This milestone is not one of this commitment's.",
        _ => code,
    };
}
