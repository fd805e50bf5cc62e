using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Commitments;

/// <summary>Where a commitment stands.</summary>
public enum CommitmentStatus
{
    Planned,
    InProgress,
    Done,

    /// <summary>Late: it has a new deadline and the public reason.</summary>
    Delayed,

    /// <summary>Given up, with the public reason.</summary>
    Dropped,
}

/// <summary>What the process's team writes about a commitment (the form and the API share it).</summary>
/// <param name="TaskholderUserId">A staff member of the process's organisation who answers for it (optional when a unit is named).</param>
/// <param name="Unit">The unit that does it (a department, an office), optional when a person is named.</param>
public sealed record CommitmentContent(string Title, string Description, string? TaskholderUserId, string? Unit, DateOnly? Deadline, string? BudgetLine = null, decimal? BudgetAmount = null);

/// <summary>
/// What an organisation commits to do after a process (docs/commitments.md): what and why (Markdown, rendered safe), a
/// taskholder (a staff member of the organisation and/or a unit), a deadline, milestones, an optional budget line, and
/// a status. Its methods keep the rules and throw <see cref="CommitmentRuleException"/>.
/// </summary>
public sealed class Commitment
{
    public int Id { get; private set; }

    public int ProcessId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>What will be done and why, in Markdown.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The staff member who answers for it (an account id; null when only a unit is named, or the account was deleted).</summary>
    public string? TaskholderUserId { get; private set; }

    public string Unit { get; private set; } = "";

    /// <summary>The deadline now (moved when the commitment is delayed).</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>The deadline first given, kept when a delay moves it.</summary>
    public DateOnly OriginalDeadline { get; private set; }

    public string BudgetLine { get; private set; } = "";

    public decimal? BudgetAmount { get; private set; }

    public CommitmentStatus Status { get; private set; }

    /// <summary>The public reason of a delay or of dropping it; empty otherwise.</summary>
    public string StatusReason { get; private set; } = "";

    public DateTime MadeAt { get; private set; }

    public DateTime ChangedAt { get; private set; }

    public List<CommitmentMilestone> Milestones { get; private set; } = [];

    private Commitment()
    {
    }

    /// <summary>A new commitment, planned; its deadline may not be in the past (<paramref name="today"/>, from the injected clock).</summary>
    public static Commitment Make(int processId, CommitmentContent content, DateOnly today, DateTime now)
    {
        var commitment = new Commitment { ProcessId = processId, Status = CommitmentStatus.Planned, MadeAt = now };
        commitment.Write(content, today, isNew: true, now);
        return commitment;
    }

    /// <summary>Changes what it says; a changed deadline may not be in the past. False when nothing changed.</summary>
    public bool Edit(CommitmentContent content, DateOnly today, DateTime now)
    {
        var before = (Title, Description, TaskholderUserId, Unit, Deadline, BudgetLine, BudgetAmount);
        Write(content, today, isNew: false, now);
        return before != (Title, Description, TaskholderUserId, Unit, Deadline, BudgetLine, BudgetAmount);
    }

    private void Write(CommitmentContent content, DateOnly today, bool isNew, DateTime now)
    {
        var title = (content.Title ?? "").Trim();
        var description = (content.Description ?? "").Trim();
        var unit = (content.Unit ?? "").Trim();
        var taskholder = string.IsNullOrWhiteSpace(content.TaskholderUserId) ? null : content.TaskholderUserId.Trim();
        var budgetLine = (content.BudgetLine ?? "").Trim();
        if (title.Length == 0)
        {
            throw new CommitmentRuleException("TitleMissing", "Input.Title");
        }
        if (title.Length > CommitmentLimits.Title)
        {
            throw new CommitmentRuleException("TooLong", "Input.Title", CommitmentLimits.Title);
        }
        if (description.Length == 0)
        {
            throw new CommitmentRuleException("DescriptionMissing", "Input.Description");
        }
        if (description.Length > CommitmentLimits.LongText)
        {
            throw new CommitmentRuleException("TooLong", "Input.Description", CommitmentLimits.LongText);
        }
        if (unit.Length > CommitmentLimits.Title)
        {
            throw new CommitmentRuleException("TooLong", "Input.Unit", CommitmentLimits.Title);
        }
        if (taskholder is null && unit.Length == 0)
        {
            throw new CommitmentRuleException("TaskholderMissing", "Input.TaskholderUserId");
        }
        if (content.Deadline is not { } deadline)
        {
            throw new CommitmentRuleException("DeadlineMissing", "Input.Deadline");
        }
        if (deadline < today && (isNew || deadline != Deadline))
        {
            throw new CommitmentRuleException("DeadlinePast", "Input.Deadline");
        }
        if (budgetLine.Length > CommitmentLimits.Title)
        {
            throw new CommitmentRuleException("TooLong", "Input.BudgetLine", CommitmentLimits.Title);
        }
        if (content.BudgetAmount is { } amount && (amount < 0 || amount > CommitmentLimits.MaxAmount))
        {
            throw new CommitmentRuleException("AmountRange", "Input.BudgetAmount", CommitmentLimits.MaxAmount);
        }
        if (content.BudgetAmount is not null && budgetLine.Length == 0)
        {
            throw new CommitmentRuleException("BudgetLineMissing", "Input.BudgetLine");
        }
        (Title, Description, TaskholderUserId, Unit, BudgetLine, BudgetAmount) = (title, description, taskholder, unit, budgetLine, content.BudgetAmount);
        if (isNew)
        {
            OriginalDeadline = deadline;
        }
        Deadline = deadline;
        ChangedAt = now;
    }

    /// <summary>
    /// Moves the status: delayed needs a new deadline (not in the past) and a reason, dropped a reason; the other
    /// statuses clear the reason. False when nothing changed.
    /// </summary>
    public bool ChangeStatus(CommitmentStatus status, DateOnly? newDeadline, string? reason, DateOnly today, DateTime now)
    {
        if (!Enum.IsDefined(status))
        {
            throw new CommitmentRuleException("StatusUnknown", "status");
        }
        var why = (reason ?? "").Trim();
        if (why.Length > CommitmentLimits.Reason)
        {
            throw new CommitmentRuleException("TooLong", "reason", CommitmentLimits.Reason);
        }
        if (status is CommitmentStatus.Delayed or CommitmentStatus.Dropped && why.Length == 0)
        {
            throw new CommitmentRuleException(status == CommitmentStatus.Delayed ? "DelayReasonMissing" : "DropReasonMissing", "reason");
        }
        var deadline = Deadline;
        if (status == CommitmentStatus.Delayed)
        {
            if (newDeadline is not { } moved)
            {
                throw new CommitmentRuleException("NewDeadlineMissing", "newDeadline");
            }
            if (moved < today)
            {
                throw new CommitmentRuleException("DeadlinePast", "newDeadline");
            }
            deadline = moved;
        }
        else
        {
            why = status == CommitmentStatus.Dropped ? why : "";
        }
        if (status == Status && why == StatusReason && deadline == Deadline)
        {
            return false;
        }
        (Status, StatusReason, Deadline, ChangedAt) = (status, why, deadline, now);
        return true;
    }

    /// <summary>The taskholder's account was deleted: the commitment stays with its unit.</summary>
    public void ForgetTaskholder() => TaskholderUserId = null;

    /// <summary>Adds a milestone (title and date) at its place by date.</summary>
    public CommitmentMilestone AddMilestone(string title, DateOnly? date, DateTime now)
    {
        var name = (title ?? "").Trim();
        if (name.Length == 0)
        {
            throw new CommitmentRuleException("MilestoneTitleMissing", "milestoneTitle");
        }
        if (name.Length > CommitmentLimits.Title)
        {
            throw new CommitmentRuleException("TooLong", "milestoneTitle", CommitmentLimits.Title);
        }
        if (date is not { } when)
        {
            throw new CommitmentRuleException("MilestoneDateMissing", "milestoneDate");
        }
        if (Milestones.Count >= CommitmentLimits.Milestones)
        {
            throw new CommitmentRuleException("TooManyMilestones", "milestoneTitle", CommitmentLimits.Milestones);
        }
        var milestone = new CommitmentMilestone(Id, name, when);
        Milestones.Add(milestone);
        ChangedAt = now;
        return milestone;
    }

    /// <summary>Marks a milestone done or not done; false when it already was.</summary>
    public bool MarkMilestone(int milestoneId, bool done, DateTime now)
    {
        var milestone = Milestones.SingleOrDefault(m => m.Id == milestoneId) ?? throw new CommitmentRuleException("MilestoneUnknown", "milestone");
        if (milestone.Done == done)
        {
            return false;
        }
        milestone.Done = done;
        ChangedAt = now;
        return true;
    }
}

/// <summary>A step on the way to a commitment: a title, a date, done or not.</summary>
public sealed class CommitmentMilestone
{
    public int Id { get; private set; }

    public int CommitmentId { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly Date { get; private set; }

    public bool Done { get; internal set; }

    private CommitmentMilestone()
    {
    }

    internal CommitmentMilestone(int commitmentId, string title, DateOnly date) => (CommitmentId, Title, Date) = (commitmentId, title, date);
}

public static class CommitmentLimits
{
    public const int Title = 200;
    public const int LongText = 20_000;
    public const int Reason = 2_000;
    public const int Milestones = 50;
    public const decimal MaxAmount = 1_000_000_000_000m;
}

/// <summary>A rule about commitments was broken; <see cref="CommitmentRules"/> has its message.</summary>
public sealed class CommitmentRuleException(string code, string? formField = null, params object[] arguments) : Platform.Changes.RuleException(code)
{
    public override string Text => CommitmentRules.Message(Code);

    public override string? Field => formField;

    public override object[] Arguments => arguments;
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> commitment)
    {
        commitment.ToTable("Commitments");
        commitment.Property(c => c.Title).HasMaxLength(CommitmentLimits.Title);
        commitment.Property(c => c.Description).HasMaxLength(CommitmentLimits.LongText);
        commitment.Property(c => c.TaskholderUserId).HasMaxLength(450);
        commitment.Property(c => c.Unit).HasMaxLength(CommitmentLimits.Title);
        commitment.Property(c => c.BudgetLine).HasMaxLength(CommitmentLimits.Title);
        commitment.Property(c => c.BudgetAmount).HasPrecision(18, 2);
        commitment.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        commitment.Property(c => c.StatusReason).HasMaxLength(CommitmentLimits.Reason);
        commitment.HasIndex(c => new { c.ProcessId, c.Deadline });
        commitment.HasIndex(c => c.TaskholderUserId);
        commitment.HasOne<Processes.Process>().WithMany().HasForeignKey(c => c.ProcessId).OnDelete(DeleteBehavior.Cascade);
        commitment.HasMany(c => c.Milestones).WithOne().HasForeignKey(m => m.CommitmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentMilestoneConfiguration : IEntityTypeConfiguration<CommitmentMilestone>
{
    public void Configure(EntityTypeBuilder<CommitmentMilestone> milestone)
    {
        milestone.ToTable("CommitmentMilestones");
        milestone.Property(m => m.Title).HasMaxLength(CommitmentLimits.Title);
    }
}
