using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Budgeting;

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> budget)
    {
        budget.ToTable("Budgets");
        budget.Property(b => b.Title).HasMaxLength(BudgetLimits.Title).IsRequired();
        budget.Property(b => b.District).HasMaxLength(BudgetLimits.Title);
        budget.Property(b => b.Description).HasMaxLength(BudgetLimits.LongText);
        budget.Property(b => b.Amount).HasPrecision(18, 2);
        budget.Property(b => b.Currency).HasMaxLength(3);
        budget.Property(b => b.Phase).HasConversion<string>().HasMaxLength(20);
        budget.Property(b => b.Rule).HasConversion<string>().HasMaxLength(20);
        budget.Property(b => b.Completion).HasConversion<string>().HasMaxLength(20);
        budget.Property(b => b.TieBreak).HasConversion<string>().HasMaxLength(20);
        budget.Property(b => b.Form).HasConversion<string>().HasMaxLength(20);
        budget.Property(b => b.Eligibility).HasConversion<string>().HasMaxLength(20);
        budget.Property(b => b.Version).IsConcurrencyToken();
        budget.Property(b => b.ElectionKeyCheck).HasMaxLength(64);
        budget.HasOne<Processes.Process>().WithMany().HasForeignKey(b => b.ProcessId).OnDelete(DeleteBehavior.Cascade);
        budget.HasMany(b => b.Phases).WithOne().HasForeignKey(p => p.BudgetId).OnDelete(DeleteBehavior.Cascade);
        budget.HasMany(b => b.Questions).WithOne().HasForeignKey(q => q.BudgetId).OnDelete(DeleteBehavior.Cascade);
        budget.Navigation(b => b.Phases).AutoInclude();
        budget.Navigation(b => b.Questions).AutoInclude();
        budget.HasIndex(b => b.ProcessId);
        budget.Property(b => b.Language).HasMaxLength(8);
        budget.HasMany(b => b.Translations).WithOne().HasForeignKey(t => t.BudgetId).OnDelete(DeleteBehavior.Cascade);
        // Every page that shows a budget shows its words in the reader's language: a few small rows.
        budget.Navigation(b => b.Translations).AutoInclude();
    }
}

internal sealed class BudgetTranslationConfiguration : IEntityTypeConfiguration<BudgetTranslation>
{
    public void Configure(EntityTypeBuilder<BudgetTranslation> translation)
    {
        translation.ToTable("BudgetTranslations");
        translation.Property(t => t.Language).HasMaxLength(8);
        translation.Property(t => t.Title).HasMaxLength(BudgetLimits.Title);
        translation.Property(t => t.District).HasMaxLength(BudgetLimits.Title);
        translation.Property(t => t.Description).HasMaxLength(BudgetLimits.LongText);
        translation.HasIndex(t => new { t.BudgetId, t.Language }).IsUnique();
    }
}

internal sealed class ProposalTranslationConfiguration : IEntityTypeConfiguration<ProposalTranslation>
{
    public void Configure(EntityTypeBuilder<ProposalTranslation> translation)
    {
        translation.ToTable("ProposalTranslations");
        translation.Property(t => t.Language).HasMaxLength(8);
        translation.Property(t => t.Title).HasMaxLength(BudgetLimits.Title);
        translation.Property(t => t.Description).HasMaxLength(BudgetLimits.LongText);
        translation.Property(t => t.Location).HasMaxLength(BudgetLimits.Title);
        translation.Property(t => t.ReviewReason).HasMaxLength(BudgetLimits.LongText);
        translation.Property(t => t.TranslatedBy).HasConversion<string>().HasMaxLength(20);
        translation.HasIndex(t => new { t.ProposalId, t.Language }).IsUnique();
    }
}

internal sealed class BudgetPhasePlanConfiguration : IEntityTypeConfiguration<BudgetPhasePlan>
{
    public void Configure(EntityTypeBuilder<BudgetPhasePlan> plan)
    {
        plan.ToTable("BudgetPhasePlans");
        plan.Property(p => p.Phase).HasConversion<string>().HasMaxLength(20);
        plan.HasIndex(p => new { p.BudgetId, p.Phase }).IsUnique();
        plan.Property(p => p.ScheduleProblem).HasMaxLength(2000);
        plan.HasIndex(p => p.MovesAt);
    }
}

internal sealed class DemographicQuestionConfiguration : IEntityTypeConfiguration<DemographicQuestion>
{
    public void Configure(EntityTypeBuilder<DemographicQuestion> question)
    {
        question.ToTable("BudgetQuestions");
        question.Property(q => q.Text).HasMaxLength(BudgetLimits.Title);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> proposal)
    {
        proposal.ToTable("Proposals");
        proposal.Property(p => p.Title).HasMaxLength(BudgetLimits.Title).IsRequired();
        proposal.Property(p => p.Description).HasMaxLength(BudgetLimits.LongText);
        proposal.Property(p => p.Location).HasMaxLength(BudgetLimits.Title);
        proposal.Property(p => p.Category).HasMaxLength(BudgetLimits.Title);
        proposal.Property(p => p.EstimatedCost).HasPrecision(18, 2);
        proposal.Property(p => p.FinalCost).HasPrecision(18, 2);
        proposal.Property(p => p.ReviewReason).HasMaxLength(BudgetLimits.LongText);
        proposal.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        proposal.Property(p => p.Implementation).HasConversion<string>().HasMaxLength(20);
        proposal.HasOne<Budget>().WithMany().HasForeignKey(p => p.BudgetId).OnDelete(DeleteBehavior.Cascade);
        // One model: a budget project has its budget's process; a proposal of the process has no budget.
        proposal.HasOne<Processes.Process>().WithMany().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasIndex(p => new { p.ProcessId, p.BudgetId, p.Status });
        // Each order of the list reads its own index from the first proposal it shows (the id breaks ties), and stops
        // after a page: newest, most supported and random (the shuffle's key), whatever the filters.
        proposal.HasIndex(p => new { p.ProcessId, p.SubmittedAt, p.Id });
        proposal.HasIndex(p => new { p.ProcessId, p.SupportCount, p.Id });
        proposal.HasIndex(p => new { p.ProcessId, p.ShuffleKey, p.Id });
        // A list's total, counted from this index alone (it holds every column a list filters on), not from 10,000
        // rows for each page. Not a partial index: SQLite without statistics would count through the one above.
        proposal.HasIndex(p => new { p.ProcessId, p.BudgetId, p.WithdrawnAt, p.Status, p.Category }).HasDatabaseName("IX_Proposals_Listed");
        proposal.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(p => p.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        proposal.HasMany(p => p.Updates).WithOne().HasForeignKey(u => u.ProposalId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProposalId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasIndex(p => new { p.BudgetId, p.Number }).IsUnique();
        proposal.Property(p => p.Language).HasMaxLength(8);
        proposal.HasMany(p => p.Translations).WithOne().HasForeignKey(t => t.ProposalId).OnDelete(DeleteBehavior.Cascade);
        // Every list and page of proposals shows them in the reader's language.
        proposal.Navigation(p => p.Translations).AutoInclude();
    }
}

internal sealed class ProposalSupportConfiguration : IEntityTypeConfiguration<ProposalSupport>
{
    public void Configure(EntityTypeBuilder<ProposalSupport> support)
    {
        support.ToTable("ProposalSupports");
        support.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        support.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        support.HasIndex(s => new { s.ProposalId, s.UserId }).IsUnique();
    }
}

internal sealed class ProposalImageConfiguration : IEntityTypeConfiguration<ProposalImage>
{
    public void Configure(EntityTypeBuilder<ProposalImage> image)
    {
        image.ToTable("ProposalImages");
        image.Property(i => i.ContentType).HasMaxLength(20).IsRequired();
        image.Property(i => i.Content).IsRequired();
        image.Property(i => i.Thumbnail).IsRequired();
        image.Property(i => i.AltText).HasMaxLength(ImageFile.AltTextLength).IsRequired();
        image.Property(i => i.AddedByUserId).HasMaxLength(450);
        image.HasIndex(i => i.ProposalId);
        image.HasIndex(i => i.AddedByUserId);
    }
}

internal sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> update)
    {
        update.ToTable("ProgressUpdates");
        update.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        update.Property(u => u.Text).HasMaxLength(BudgetLimits.LongText);
        update.Property(u => u.AuthorName).HasMaxLength(BudgetLimits.Title);
        update.HasMany(u => u.Translations).WithOne().HasForeignKey(t => t.ProgressUpdateId).OnDelete(DeleteBehavior.Cascade);
        update.Navigation(u => u.Translations).AutoInclude();
    }
}

internal sealed class ProgressUpdateTranslationConfiguration : IEntityTypeConfiguration<ProgressUpdateTranslation>
{
    public void Configure(EntityTypeBuilder<ProgressUpdateTranslation> translation)
    {
        translation.ToTable("ProgressUpdateTranslations");
        translation.Property(t => t.Language).HasMaxLength(8);
        translation.Property(t => t.Text).HasMaxLength(BudgetLimits.LongText);
        translation.HasIndex(t => new { t.ProgressUpdateId, t.Language }).IsUnique();
    }
}

/// <summary>
/// The voters and the ballots are two tables with nothing in common but the budget: no foreign key between them,
/// no time, random identifiers that the application sets (never generated in sequence by the database).
/// </summary>
internal sealed class BudgetVoterConfiguration : IEntityTypeConfiguration<BudgetVoter>
{
    public void Configure(EntityTypeBuilder<BudgetVoter> voter)
    {
        voter.ToTable(BallotTables.Voters);
        voter.Property(v => v.Id).ValueGeneratedNever();
        voter.Property(v => v.VoterKey).HasMaxLength(80).IsRequired();
        voter.Property(v => v.Channel).HasConversion<string>().HasMaxLength(10);
        voter.HasOne<Budget>().WithMany().HasForeignKey(v => v.BudgetId).OnDelete(DeleteBehavior.Cascade);
        voter.HasIndex(v => new { v.BudgetId, v.VoterKey }).IsUnique();
    }
}

internal sealed class BudgetBallotConfiguration : IEntityTypeConfiguration<BudgetBallot>
{
    public void Configure(EntityTypeBuilder<BudgetBallot> ballot)
    {
        ballot.ToTable(BallotTables.Ballots);
        ballot.Property(b => b.Id).ValueGeneratedNever();
        ballot.Property(b => b.Projects).HasMaxLength(4000).IsRequired();
        ballot.Property(b => b.Points).HasMaxLength(4000);
        ballot.Property(b => b.Answers).HasMaxLength(200);
        ballot.HasOne<Budget>().WithMany().HasForeignKey(b => b.BudgetId).OnDelete(DeleteBehavior.Cascade);
        ballot.HasIndex(b => b.BudgetId);
    }
}

internal sealed class SealedBallotConfiguration : IEntityTypeConfiguration<SealedBallot>
{
    public void Configure(EntityTypeBuilder<SealedBallot> ballot)
    {
        ballot.ToTable(BallotTables.Sealed);
        ballot.Property(b => b.Id).ValueGeneratedNever();
        ballot.Property(b => b.Receipt).HasMaxLength(VotingCodes.ReceiptLength).IsRequired();
        ballot.Property(b => b.ChangeCodeHash).HasMaxLength(64).IsFixedLength();
        ballot.Property(b => b.Sealed).IsRequired();
        ballot.HasOne<Budget>().WithMany().HasForeignKey(b => b.BudgetId).OnDelete(DeleteBehavior.Cascade);
        ballot.HasIndex(b => new { b.BudgetId, b.Receipt }).IsUnique();
        ballot.HasIndex(b => b.ChangeCodeHash).IsUnique();
    }
}

internal sealed class BallotReceiptEntryConfiguration : IEntityTypeConfiguration<BallotReceiptEntry>
{
    public void Configure(EntityTypeBuilder<BallotReceiptEntry> receipt)
    {
        receipt.ToTable(BallotTables.Receipts);
        receipt.Property(r => r.Id).ValueGeneratedNever();
        receipt.Property(r => r.Receipt).HasMaxLength(VotingCodes.ReceiptLength).IsRequired();
        receipt.HasOne<Budget>().WithMany().HasForeignKey(r => r.BudgetId).OnDelete(DeleteBehavior.Cascade);
        receipt.HasIndex(r => new { r.BudgetId, r.Receipt }).IsUnique();
    }
}

internal sealed class CensusEntryConfiguration : IEntityTypeConfiguration<CensusEntry>
{
    public void Configure(EntityTypeBuilder<CensusEntry> entry)
    {
        entry.ToTable("CensusEntries");
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.Reference).HasMaxLength(100).IsRequired();
        entry.Property(e => e.Name).HasMaxLength(BudgetLimits.Title);
        entry.Property(e => e.Email).HasMaxLength(256);
        entry.Property(e => e.CodeHash).HasMaxLength(64);
        entry.HasOne<Budget>().WithMany().HasForeignKey(e => e.BudgetId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.BudgetId, e.Reference }).IsUnique();
        entry.HasIndex(e => new { e.BudgetId, e.CodeHash });
        entry.HasIndex(e => new { e.BudgetId, e.Email });
    }
}

internal sealed class PaperBallotEntryConfiguration : IEntityTypeConfiguration<PaperBallotEntry>
{
    public void Configure(EntityTypeBuilder<PaperBallotEntry> entry)
    {
        entry.ToTable("PaperBallotEntries");
        entry.Property(e => e.Serial).HasMaxLength(40).IsRequired();
        entry.Property(e => e.Projects).HasMaxLength(4000);
        entry.Property(e => e.Points).HasMaxLength(4000);
        entry.Property(e => e.EnteredByName).HasMaxLength(BudgetLimits.Title);
        entry.Property(e => e.ConfirmedByName).HasMaxLength(BudgetLimits.Title);
        entry.HasOne<Budget>().WithMany().HasForeignKey(e => e.BudgetId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.BudgetId, e.Serial }).IsUnique();
    }
}

internal sealed class CodeReissueRequestConfiguration : IEntityTypeConfiguration<CodeReissueRequest>
{
    public void Configure(EntityTypeBuilder<CodeReissueRequest> request)
    {
        request.ToTable("CodeReissueRequests");
        request.Property(r => r.Reason).HasMaxLength(CodeReissueRequest.ReasonLength).IsRequired();
        request.Property(r => r.RequestedByUserId).HasMaxLength(450).IsRequired();
        request.Property(r => r.RequestedByName).HasMaxLength(BudgetLimits.Title);
        request.Property(r => r.DecidedByUserId).HasMaxLength(450);
        request.Property(r => r.DecidedByName).HasMaxLength(BudgetLimits.Title);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.HasOne<Budget>().WithMany().HasForeignKey(r => r.BudgetId).OnDelete(DeleteBehavior.Cascade);
        // A new census replaces the people, and with them their requests (the log keeps that there were some).
        request.HasOne<CensusEntry>().WithMany().HasForeignKey(r => r.CensusEntryId).OnDelete(DeleteBehavior.Cascade);
        request.HasIndex(r => new { r.BudgetId, r.Number }).IsUnique();
        request.HasIndex(r => new { r.BudgetId, r.Status });
        request.HasIndex(r => r.CensusEntryId);
    }
}

internal sealed class ReconciliationDecisionConfiguration : IEntityTypeConfiguration<ReconciliationDecision>
{
    public void Configure(EntityTypeBuilder<ReconciliationDecision> decision)
    {
        decision.ToTable("BudgetReconciliationDecisions");
        decision.Property(d => d.Reason).HasMaxLength(ReconciliationDecision.ReasonLength).IsRequired();
        decision.Property(d => d.DecidedByUserId).HasMaxLength(450).IsRequired();
        decision.Property(d => d.DecidedByName).HasMaxLength(BudgetLimits.Title);
        decision.HasOne<Budget>().WithMany().HasForeignKey(d => d.BudgetId).OnDelete(DeleteBehavior.Cascade);
        decision.HasIndex(d => d.BudgetId);
    }
}

internal sealed class BudgetResultConfiguration : IEntityTypeConfiguration<BudgetResult>
{
    public void Configure(EntityTypeBuilder<BudgetResult> result)
    {
        result.ToTable("BudgetResults");
        result.HasKey(r => r.BudgetId);
        result.Property(r => r.BudgetId).ValueGeneratedNever();
        result.Property(r => r.BallotDigest).HasMaxLength(64).IsFixedLength();
        result.HasOne<Budget>().WithOne().HasForeignKey<BudgetResult>(r => r.BudgetId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The table names the ballot box writes to with plain SQL.</summary>
public static class BallotTables
{
    public const string Voters = "BudgetVoters";
    public const string Ballots = "BudgetBallots";
    public const string Sealed = "SealedBallots";
    public const string Receipts = "BallotReceipts";
}

public static class BudgetLimits
{
    public const int Title = 200;
    public const int LongText = 20_000;
    public const int Comment = 4_000;
    public const int Categories = 30;
    public const int Questions = 3;
    public const int CensusRows = 500_000;
}
