using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Moderation;

/// <summary>
/// How one process is moderated, as its team set it on the process's moderation page; a process without a row uses
/// the platform's defaults (<see cref="ModerationOptions"/>).
/// </summary>
public sealed class ModerationSettings
{
    public int ProcessId { get; private set; }

    /// <summary>Reports from this many different people hide an item until the moderators look; 0 never; null: the platform's default.</summary>
    public int? HideAfterReports { get; private set; }

    /// <summary>New comments, proposals and contributions wait for a moderator before the public sees them.</summary>
    public bool PreModeration { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    private ModerationSettings()
    {
    }

    public static ModerationSettings For(int processId) => new() { ProcessId = processId };

    public const int MostReports = 100;

    /// <summary>Sets the threshold (null: the platform's default) and pre-moderation; returns whether anything changed.</summary>
    public bool Change(int? hideAfterReports, bool preModeration)
    {
        if (hideAfterReports is < 0 or > MostReports)
        {
            throw new ModerationRuleException("ThresholdRange", "hideAfterReports");
        }
        if (HideAfterReports == hideAfterReports && PreModeration == preModeration)
        {
            return false;
        }
        HideAfterReports = hideAfterReports;
        PreModeration = preModeration;
        Version = Guid.NewGuid();
        return true;
    }
}

internal sealed class ModerationSettingsConfiguration : IEntityTypeConfiguration<ModerationSettings>
{
    public void Configure(EntityTypeBuilder<ModerationSettings> settings)
    {
        settings.ToTable("ModerationSettings");
        settings.HasKey(s => s.ProcessId);
        settings.Property(s => s.ProcessId).ValueGeneratedNever();
        settings.Property(s => s.Version).IsConcurrencyToken();
    }
}
