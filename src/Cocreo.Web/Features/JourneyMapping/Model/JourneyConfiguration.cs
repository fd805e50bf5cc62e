using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.JourneyMapping;

internal sealed class JourneyMapConfiguration : IEntityTypeConfiguration<JourneyMap>
{
    public void Configure(EntityTypeBuilder<JourneyMap> map)
    {
        map.Property(m => m.ServiceName).HasMaxLength(JourneyLimits.Name).IsRequired();
        map.Property(m => m.ServiceDescription).HasMaxLength(JourneyLimits.LongText);
        map.Property(m => m.JoinCode).HasMaxLength(16).IsRequired();
        map.HasIndex(m => m.JoinCode).IsUnique();
        map.HasIndex(m => m.ProcessId);
        map.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        map.HasOne<Processes.Process>().WithMany().HasForeignKey(m => m.ProcessId).OnDelete(DeleteBehavior.Restrict);
        map.HasMany(m => m.Stages).WithOne().HasForeignKey(s => s.JourneyMapId).OnDelete(DeleteBehavior.Cascade);
        map.HasMany(m => m.PainTags).WithOne().HasForeignKey(t => t.JourneyMapId).OnDelete(DeleteBehavior.Cascade);
        map.HasMany(m => m.ProfileQuestions).WithOne().HasForeignKey(q => q.JourneyMapId).OnDelete(DeleteBehavior.Cascade);
        map.Ignore(m => m.ActiveStages);
        map.Ignore(m => m.AllStages);
        map.Ignore(m => m.ActivePainTags);
        map.Ignore(m => m.ActiveQuestions);
    }
}

internal sealed class JourneyStageConfiguration : IEntityTypeConfiguration<JourneyStage>
{
    public void Configure(EntityTypeBuilder<JourneyStage> stage)
    {
        stage.Property(s => s.Name).HasMaxLength(JourneyLimits.Name).IsRequired();
        stage.Property(s => s.Description).HasMaxLength(JourneyLimits.ShortText);
        stage.HasMany(s => s.Touchpoints).WithOne().HasForeignKey(t => t.StageId).OnDelete(DeleteBehavior.Cascade);
        stage.HasIndex(s => new { s.JourneyMapId, s.Position });
        stage.Ignore(s => s.ActiveTouchpoints);
    }
}

internal sealed class TouchpointConfiguration : IEntityTypeConfiguration<Touchpoint>
{
    public void Configure(EntityTypeBuilder<Touchpoint> touchpoint)
    {
        touchpoint.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        touchpoint.Property(t => t.Actor).HasMaxLength(JourneyLimits.Name).IsRequired();
        touchpoint.Property(t => t.Description).HasMaxLength(JourneyLimits.ShortText);
    }
}

internal sealed class PainPointTagConfiguration : IEntityTypeConfiguration<PainPointTag>
{
    public void Configure(EntityTypeBuilder<PainPointTag> tag) => tag.Property(t => t.Name).HasMaxLength(JourneyLimits.TagName).IsRequired();
}

internal sealed class ProfileQuestionConfiguration : IEntityTypeConfiguration<ProfileQuestion>
{
    public void Configure(EntityTypeBuilder<ProfileQuestion> question)
    {
        question.Property(q => q.Text).HasMaxLength(JourneyLimits.Name).IsRequired();
        question.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.ProfileQuestionId).OnDelete(DeleteBehavior.Cascade);
        question.Ignore(q => q.ActiveOptions);
    }
}

internal sealed class ProfileOptionConfiguration : IEntityTypeConfiguration<ProfileOption>
{
    public void Configure(EntityTypeBuilder<ProfileOption> option)
    {
        option.Property(o => o.Label).HasMaxLength(JourneyLimits.OptionLabel).IsRequired();
        option.Property(o => o.ExpectedPercent).HasPrecision(5, 2);
    }
}

internal sealed class JourneyContributionConfiguration : IEntityTypeConfiguration<JourneyContribution>
{
    public void Configure(EntityTypeBuilder<JourneyContribution> contribution)
    {
        contribution.Property(c => c.TokenHash).HasMaxLength(64).IsFixedLength().IsRequired();
        contribution.HasIndex(c => c.TokenHash).IsUnique();
        contribution.Property(c => c.PublicName).HasMaxLength(JourneyLimits.PublicName);
        contribution.Property(c => c.Gathering).HasConversion<string>().HasMaxLength(20);
        contribution.Property(c => c.HiddenReason).HasMaxLength(JourneyLimits.ShortText);
        contribution.HasOne<JourneyMap>().WithMany().HasForeignKey(c => c.JourneyMapId).OnDelete(DeleteBehavior.Cascade);
        contribution.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        contribution.HasOne<Accounts.CocreoUser>().WithMany().HasForeignKey(c => c.EnteredByUserId).OnDelete(DeleteBehavior.SetNull);
        contribution.HasMany(c => c.Experiences).WithOne().HasForeignKey(e => e.ContributionId).OnDelete(DeleteBehavior.Cascade);
        contribution.HasMany(c => c.ProfileAnswers).WithOne().HasForeignKey(a => a.ContributionId).OnDelete(DeleteBehavior.Cascade);
        contribution.HasIndex(c => new { c.JourneyMapId, c.HiddenAt, c.Gathering });
        contribution.HasIndex(c => new { c.UserId, c.JourneyMapId });
        contribution.Ignore(c => c.IsAssisted);
        contribution.Ignore(c => c.IsHidden);
        contribution.Ignore(c => c.IsSubmitted);
    }
}

internal sealed class StageExperienceConfiguration : IEntityTypeConfiguration<StageExperience>
{
    public void Configure(EntityTypeBuilder<StageExperience> experience)
    {
        experience.Property(e => e.WhatHappened).HasMaxLength(JourneyLimits.ContributionText);
        experience.Property(e => e.PainPoint).HasMaxLength(JourneyLimits.ContributionText);
        experience.Property(e => e.Idea).HasMaxLength(JourneyLimits.ContributionText);
        // A stage that holds contributions cannot be deleted, only retired: the database keeps that promise too.
        experience.HasOne<JourneyStage>().WithMany().HasForeignKey(e => e.StageId).OnDelete(DeleteBehavior.Restrict);
        experience.HasMany(e => e.Touchpoints).WithOne().HasForeignKey(t => t.StageExperienceId).OnDelete(DeleteBehavior.Cascade);
        experience.HasMany(e => e.PainTags).WithOne().HasForeignKey(t => t.StageExperienceId).OnDelete(DeleteBehavior.Cascade);
        experience.HasIndex(e => new { e.ContributionId, e.StageId }).IsUnique();
        // Comparing segments: a contributor's answers joined to their stages, from the index alone.
        experience.HasIndex(e => new { e.ContributionId, e.JourneyMapId, e.IsVisible, e.StageId, e.Rating, e.Gathering, e.Channels });
        experience.Property(e => e.Gathering).HasConversion<string>().HasMaxLength(20);
        // The dashboard's scan: every column it groups and filters by, so the index alone answers it.
        experience.HasIndex(e => new { e.JourneyMapId, e.IsVisible, e.StageId, e.Rating, e.Channels, e.Gathering, e.HasPain, e.HasIdea, e.ContributionId });
        experience.HasIndex(e => new { e.JourneyMapId, e.IsVisible, e.HasIdea, e.SupportCount });
    }
}

internal sealed class ExperienceTouchpointConfiguration : IEntityTypeConfiguration<ExperienceTouchpoint>
{
    public void Configure(EntityTypeBuilder<ExperienceTouchpoint> used)
    {
        used.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        used.HasOne<Touchpoint>().WithMany().HasForeignKey(t => t.TouchpointId).OnDelete(DeleteBehavior.Restrict);
        used.HasIndex(t => new { t.StageExperienceId, t.TouchpointId }).IsUnique();
        used.Property(t => t.Gathering).HasConversion<string>().HasMaxLength(20);
        used.HasIndex(t => t.TouchpointId);
        // The lowest moments of truth: grouped by touchpoint, from the index alone.
        used.HasIndex(t => new { t.JourneyMapId, t.IsVisible, t.TouchpointId, t.Rating, t.Channels, t.Gathering, t.StageExperienceId });
    }
}

internal sealed class ExperiencePainTagConfiguration : IEntityTypeConfiguration<ExperiencePainTag>
{
    public void Configure(EntityTypeBuilder<ExperiencePainTag> tagged)
    {
        tagged.HasOne<PainPointTag>().WithMany().HasForeignKey(t => t.PainPointTagId).OnDelete(DeleteBehavior.Restrict);
        tagged.HasIndex(t => new { t.StageExperienceId, t.PainPointTagId }).IsUnique();
        tagged.Property(t => t.Gathering).HasConversion<string>().HasMaxLength(20);
        tagged.HasIndex(t => t.PainPointTagId);
        tagged.HasIndex(t => new { t.JourneyMapId, t.IsVisible, t.PainPointTagId, t.StageId, t.Channels, t.Gathering, t.StageExperienceId });
    }
}

internal sealed class ProfileAnswerConfiguration : IEntityTypeConfiguration<ProfileAnswer>
{
    public void Configure(EntityTypeBuilder<ProfileAnswer> answer)
    {
        answer.HasOne<ProfileQuestion>().WithMany().HasForeignKey(a => a.ProfileQuestionId).OnDelete(DeleteBehavior.Restrict);
        answer.HasOne<ProfileOption>().WithMany().HasForeignKey(a => a.ProfileOptionId).OnDelete(DeleteBehavior.Restrict);
        answer.HasIndex(a => new { a.ContributionId, a.ProfileQuestionId }).IsUnique();
        // Segment filters ask "contributions that gave this answer".
        answer.HasIndex(a => new { a.ProfileOptionId, a.ContributionId });
        answer.HasIndex(a => new { a.ProfileQuestionId, a.ContributionId, a.ProfileOptionId });
    }
}

internal sealed class IdeaSupportConfiguration : IEntityTypeConfiguration<IdeaSupport>
{
    public void Configure(EntityTypeBuilder<IdeaSupport> support)
    {
        support.HasOne<StageExperience>().WithMany().HasForeignKey(s => s.StageExperienceId).OnDelete(DeleteBehavior.Cascade);
        support.HasOne<JourneyContribution>().WithMany().HasForeignKey(s => s.SupporterContributionId).OnDelete(DeleteBehavior.Restrict);
        // One support per contributor per idea, even when two requests race.
        support.HasIndex(s => new { s.StageExperienceId, s.SupporterContributionId }).IsUnique();
        support.HasIndex(s => s.SupporterContributionId);
    }
}

internal sealed class BacklogItemConfiguration : IEntityTypeConfiguration<BacklogItem>
{
    public void Configure(EntityTypeBuilder<BacklogItem> item)
    {
        item.Property(i => i.Title).HasMaxLength(JourneyLimits.Name).IsRequired();
        item.Property(i => i.Description).HasMaxLength(JourneyLimits.LongText);
        item.Property(i => i.Owner).HasMaxLength(JourneyLimits.Name);
        item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        item.HasOne<JourneyMap>().WithMany().HasForeignKey(i => i.JourneyMapId).OnDelete(DeleteBehavior.Cascade);
        item.HasOne<JourneyStage>().WithMany().HasForeignKey(i => i.StageId).OnDelete(DeleteBehavior.SetNull);
        item.HasMany(i => i.Links).WithOne().HasForeignKey(l => l.BacklogItemId).OnDelete(DeleteBehavior.Cascade);
        item.HasIndex(i => new { i.JourneyMapId, i.Status });
    }
}

internal sealed class BacklogLinkConfiguration : IEntityTypeConfiguration<BacklogLink>
{
    public void Configure(EntityTypeBuilder<BacklogLink> link)
    {
        link.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        link.HasOne<StageExperience>().WithMany().HasForeignKey(l => l.StageExperienceId).OnDelete(DeleteBehavior.Cascade);
        link.HasIndex(l => new { l.BacklogItemId, l.StageExperienceId, l.Kind }).IsUnique();
        link.HasIndex(l => l.StageExperienceId);
    }
}
