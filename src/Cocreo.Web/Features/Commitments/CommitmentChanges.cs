using System.Globalization;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Commitments;

/// <summary>Checks shared by the changes that name a taskholder, and the day it is for the organisation.</summary>
public sealed class CommitmentChecks(OrganisationMembership organisations, DateDisplay dates)
{
    /// <summary>Today in the platform's time zone, from the change's clock.</summary>
    public DateOnly Today(DateTime now) => DateOnly.FromDateTime(dates.Local(now));

    /// <summary>Refuses a taskholder who is not a staff member of the organisation (a unit alone is fine).</summary>
    public async Task RequireStaffAsync(int organisationId, string? taskholderUserId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(taskholderUserId) && await organisations.RoleOfAsync(organisationId, taskholderUserId.Trim(), cancellationToken) is null)
        {
            throw new CommitmentRuleException("TaskholderNotStaff", "Input.TaskholderUserId");
        }
    }

    /// <summary>What the log says about a date: ISO, the same in every language.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The process's team makes a commitment: what and why, a taskholder who is staff of the organisation and/or a unit,
/// a deadline not in the past, an optional budget line, and milestones. Planned at first. A resubmitted form makes it
/// once. The log says what, by when and which unit; never the taskholder's name.
/// </summary>
public static class MakeCommitment
{
    public sealed record Milestone(string Title, DateOnly? Date);

    public sealed record Command(int ProcessId, CommitmentContent Content, Guid SubmissionId, IReadOnlyList<Milestone>? Milestones = null) : IProcessCommitmentsCommand, ISubmittedOnce;

    public sealed class Handler(CommitmentAccess access, CommitmentChecks checks, CocreoDbContext db) : CommitmentsChange<Command, int>(access, CommitmentAction.Manage)
    {
        public override async Task<int> RunAsync(Change<CommitmentsTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process.Process;
            await checks.RequireStaffAsync(process.OrganisationId, command.Content.TaskholderUserId, cancellationToken);
            var commitment = Commitment.Make(process.Id, command.Content, checks.Today(change.Now), change.Now);
            foreach (var milestone in command.Milestones ?? [])
            {
                commitment.AddMilestone(milestone.Title, milestone.Date, change.Now);
            }
            db.Add(commitment);
            await change.SaveAsync(cancellationToken);
            change.Log("commitment.made", new
            {
                commitment = commitment.Id, title = commitment.Title, unit = commitment.Unit, deadline = CommitmentChecks.Iso(commitment.Deadline),
                milestones = commitment.Milestones.Count, budget = commitment.BudgetAmount,
            });
            return commitment.Id;
        }
    }
}

/// <summary>The process's team changes what a commitment says (a changed deadline may not be in the past). Nothing changed: no log entry.</summary>
public static class EditCommitment
{
    public sealed record Command(int CommitmentId, CommitmentContent Content) : ICommitmentCommand;

    public sealed class Handler(CommitmentAccess access, CommitmentChecks checks) : CommitmentChange<Command, bool>(access, CommitmentAction.Manage)
    {
        public override async Task<bool> RunAsync(Change<CommitmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var commitment = change.Target.Commitment;
            if (command.Content.TaskholderUserId != commitment.TaskholderUserId)
            {
                await checks.RequireStaffAsync(change.Target.Commitments.Process.Process.OrganisationId, command.Content.TaskholderUserId, cancellationToken);
            }
            if (!commitment.Edit(command.Content, checks.Today(change.Now), change.Now))
            {
                return false;
            }
            change.Log("commitment.edited", new { commitment = commitment.Id, title = commitment.Title, unit = commitment.Unit, deadline = CommitmentChecks.Iso(commitment.Deadline), budget = commitment.BudgetAmount });
            return true;
        }
    }
}

/// <summary>
/// The taskholder or the process's team says where a commitment stands: delayed with a new deadline and the public
/// reason, dropped with the reason. The same status again changes nothing.
/// </summary>
public static class ChangeCommitmentStatus
{
    public sealed record Command(int CommitmentId, CommitmentStatus Status, DateOnly? NewDeadline, string? Reason) : ICommitmentCommand;

    public sealed class Handler(CommitmentAccess access, CommitmentChecks checks) : CommitmentChange<Command, bool>(access, CommitmentAction.ChangeStatus)
    {
        public override Task<bool> RunAsync(Change<CommitmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var commitment = change.Target.Commitment;
            if (!commitment.ChangeStatus(command.Status, command.NewDeadline, command.Reason, checks.Today(change.Now), change.Now))
            {
                return Task.FromResult(false);
            }
            change.Log("commitment.status-changed", new
            {
                commitment = commitment.Id, status = commitment.Status.ToString(), deadline = CommitmentChecks.Iso(commitment.Deadline), reason = commitment.StatusReason,
            });
            return Task.FromResult(true);
        }
    }
}

/// <summary>The process's team adds a milestone (title and date) to a commitment.</summary>
public static class AddCommitmentMilestone
{
    public sealed record Command(int CommitmentId, string Title, DateOnly? Date) : ICommitmentCommand;

    public sealed class Handler(CommitmentAccess access) : CommitmentChange<Command, int>(access, CommitmentAction.Manage)
    {
        public override async Task<int> RunAsync(Change<CommitmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            var milestone = change.Target.Commitment.AddMilestone(command.Title, command.Date, change.Now);
            await change.SaveAsync(cancellationToken);
            change.Log("commitment.milestone-added", new { commitment = command.CommitmentId, milestone = milestone.Id, title = milestone.Title, date = CommitmentChecks.Iso(milestone.Date) });
            return milestone.Id;
        }
    }
}

/// <summary>The process's team marks a milestone done (or not done after all). The same again changes nothing.</summary>
public static class MarkCommitmentMilestone
{
    public sealed record Command(int CommitmentId, int MilestoneId, bool Done) : ICommitmentCommand;

    public sealed class Handler(CommitmentAccess access) : CommitmentChange<Command, bool>(access, CommitmentAction.Manage)
    {
        public override Task<bool> RunAsync(Change<CommitmentTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!change.Target.Commitment.MarkMilestone(command.MilestoneId, command.Done, change.Now))
            {
                return Task.FromResult(false);
            }
            change.Log(command.Done ? "commitment.milestone-done" : "commitment.milestone-reopened", new { commitment = command.CommitmentId, milestone = command.MilestoneId });
            return Task.FromResult(true);
        }
    }
}
