using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Assessments;

internal sealed class OrganisationAssessmentConfiguration : IEntityTypeConfiguration<OrganisationAssessment>
{
    public void Configure(EntityTypeBuilder<OrganisationAssessment> assessment)
    {
        assessment.ToTable("Assessments");
        assessment.Property(a => a.InstrumentId).HasMaxLength(AssessmentLimits.Id).IsRequired();
        assessment.Property(a => a.InstrumentVersion).HasMaxLength(AssessmentLimits.Id).IsRequired();
        assessment.Property(a => a.Title).HasMaxLength(AssessmentLimits.Title).IsRequired();
        assessment.Property(a => a.StartedByUserId).HasMaxLength(450).IsRequired();
        assessment.Property(a => a.Version).IsConcurrencyToken();
        assessment.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        assessment.HasOne<Processes.Process>().WithMany().HasForeignKey(a => a.ProcessId).OnDelete(DeleteBehavior.Restrict);
        assessment.HasMany(a => a.Respondents).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        assessment.HasIndex(a => new { a.OrganisationId, a.InstrumentId, a.CompletedAt });
    }
}

internal sealed class RespondentConfiguration : IEntityTypeConfiguration<Respondent>
{
    public void Configure(EntityTypeBuilder<Respondent> respondent)
    {
        respondent.ToTable("AssessmentRespondents");
        respondent.Property(r => r.Role).HasMaxLength(AssessmentLimits.Id);
        respondent.Property(r => r.ResumeKeyHash).HasMaxLength(64).IsFixedLength();
        respondent.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        // One sheet per staff member (anonymous participants have no user id; NULLs never collide).
        respondent.HasIndex(r => new { r.AssessmentId, r.UserId }).IsUnique();
        respondent.HasIndex(r => r.ResumeKeyHash).IsUnique();
        respondent.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RespondentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GivenAnswerConfiguration : IEntityTypeConfiguration<GivenAnswer>
{
    public void Configure(EntityTypeBuilder<GivenAnswer> answer)
    {
        answer.ToTable("AssessmentAnswers");
        answer.Property(a => a.QuestionId).HasMaxLength(AssessmentLimits.Id).IsRequired();
        answer.Property(a => a.OptionId).HasMaxLength(AssessmentLimits.Id).IsRequired();
        answer.HasIndex(a => new { a.RespondentId, a.QuestionId }).IsUnique();
    }
}

public static class AssessmentLimits
{
    public const int Id = 100;
    public const int Title = 200;
    public const int Description = 2_000;
}
