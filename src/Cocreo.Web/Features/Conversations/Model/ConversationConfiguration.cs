using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Conversations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.ToTable("Conversations");
        conversation.Property(c => c.Question).HasMaxLength(ConversationLimits.Question).IsRequired();
        conversation.Property(c => c.Context).HasMaxLength(ConversationLimits.Context);
        conversation.Property(c => c.Access).HasConversion<string>().HasMaxLength(20);
        conversation.Property(c => c.Moderation).HasConversion<string>().HasMaxLength(20);
        conversation.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        conversation.Property(c => c.Language).HasMaxLength(8);
        conversation.HasIndex(c => c.ProcessId);
        conversation.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        conversation.HasOne<Processes.Process>().WithMany().HasForeignKey(c => c.ProcessId).OnDelete(DeleteBehavior.Restrict);
        conversation.Ignore(c => c.IsOpen);
        conversation.Ignore(c => c.Settings);
    }
}

internal sealed class ConversationStatementConfiguration : IEntityTypeConfiguration<ConversationStatement>
{
    public void Configure(EntityTypeBuilder<ConversationStatement> statement)
    {
        statement.ToTable("ConversationStatements");
        statement.Property(s => s.Text).HasMaxLength(ConversationLimits.LongestStatementLimit).IsRequired();
        statement.Property(s => s.NormalizedText).HasMaxLength(ConversationLimits.LongestStatementLimit * 2).IsRequired();
        statement.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        statement.Property(s => s.RejectedReason).HasMaxLength(ConversationLimits.Reason);
        statement.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
        statement.HasOne<ConversationParticipant>().WithMany().HasForeignKey(s => s.AuthorParticipantId).OnDelete(DeleteBehavior.Restrict);
        statement.HasIndex(s => new { s.ConversationId, s.NormalizedText });
        statement.HasIndex(s => new { s.AuthorParticipantId, s.CreatedAt });
        statement.Ignore(s => s.IsVotable);
    }
}

internal sealed class ConversationParticipantConfiguration : IEntityTypeConfiguration<ConversationParticipant>
{
    public void Configure(EntityTypeBuilder<ConversationParticipant> participant)
    {
        participant.ToTable("ConversationParticipants");
        participant.Property(p => p.KeyHash).HasMaxLength(64);
        participant.HasOne<Conversation>().WithMany().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
        participant.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        // One participant per account and per key in a conversation: a parallel first vote loses on the key and, tried again, finds the other.
        participant.HasIndex(p => new { p.ConversationId, p.UserId }).IsUnique();
        participant.HasIndex(p => new { p.ConversationId, p.KeyHash }).IsUnique();
    }
}

internal sealed class ConversationVoteConfiguration : IEntityTypeConfiguration<ConversationVote>
{
    public void Configure(EntityTypeBuilder<ConversationVote> vote)
    {
        vote.ToTable("ConversationVotes");
        vote.Property(v => v.Choice).HasConversion<string>().HasMaxLength(10);
        vote.HasOne<Conversation>().WithMany().HasForeignKey(v => v.ConversationId).OnDelete(DeleteBehavior.Cascade);
        vote.HasOne<ConversationParticipant>().WithMany().HasForeignKey(v => v.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        vote.HasOne<ConversationStatement>().WithMany().HasForeignKey(v => v.StatementId).OnDelete(DeleteBehavior.Restrict);
        // A repeat vote replaces the choice and never counts twice, also when two requests race: the second loses on this key.
        vote.HasIndex(v => new { v.ParticipantId, v.StatementId }).IsUnique();
        vote.HasIndex(v => new { v.ConversationId, v.VotedAt });
        vote.HasIndex(v => v.StatementId);
    }
}

internal sealed class ConversationMapSnapshotConfiguration : IEntityTypeConfiguration<ConversationMapSnapshot>
{
    public void Configure(EntityTypeBuilder<ConversationMapSnapshot> snapshot)
    {
        snapshot.ToTable("ConversationMapSnapshots");
        snapshot.HasKey(s => s.ConversationId);
        snapshot.Property(s => s.ConversationId).ValueGeneratedNever();
        snapshot.Property(s => s.Fingerprint).HasMaxLength(200);
        snapshot.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationQuestionConfiguration : IEntityTypeConfiguration<ConversationQuestion>
{
    public void Configure(EntityTypeBuilder<ConversationQuestion> question)
    {
        question.ToTable("ConversationQuestions");
        question.Property(q => q.Text).HasMaxLength(ConversationQuestions.TextLength).IsRequired();
        question.HasOne<Conversation>().WithMany().HasForeignKey(q => q.ConversationId).OnDelete(DeleteBehavior.Cascade);
        question.HasIndex(q => new { q.ConversationId, q.Position });
        question.Ignore(q => q.Draft);
    }
}

internal sealed class ConversationAnswerConfiguration : IEntityTypeConfiguration<ConversationAnswer>
{
    public void Configure(EntityTypeBuilder<ConversationAnswer> answer)
    {
        answer.ToTable("ConversationAnswers");
        answer.HasOne<Conversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
        answer.HasOne<ConversationParticipant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        answer.HasOne<ConversationQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        // One answer per participant and question: answering again replaces it, and two requests at once count once.
        answer.HasIndex(a => new { a.ParticipantId, a.QuestionId }).IsUnique();
        answer.HasIndex(a => new { a.ConversationId, a.QuestionId });
        answer.HasIndex(a => a.QuestionId);
    }
}

internal sealed class ConversationTranslationConfiguration : IEntityTypeConfiguration<ConversationTranslation>
{
    public void Configure(EntityTypeBuilder<ConversationTranslation> translation)
    {
        translation.ToTable("ConversationTranslations");
        translation.Property(t => t.Language).HasMaxLength(8);
        translation.Property(t => t.Question).HasMaxLength(ConversationLimits.Question);
        translation.Property(t => t.Context).HasMaxLength(ConversationLimits.Context);
        translation.Property(t => t.TranslatedBy).HasConversion<string>().HasMaxLength(20);
        translation.HasOne<Conversation>().WithMany().HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
        translation.HasIndex(t => new { t.ConversationId, t.Language }).IsUnique();
    }
}
