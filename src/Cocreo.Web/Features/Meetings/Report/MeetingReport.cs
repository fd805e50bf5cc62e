using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Meetings.Report;

public static class ReportLimits
{
    public const int Section = 20_000;

    /// <summary>The published report as Markdown: the sections, the counts and the whole harvest.</summary>
    public const int Published = 400_000;

    public const int Photos = 12;

    /// <summary>Published harvest items a report lists at most.</summary>
    public const int HarvestItems = 2_000;
}

/// <summary>
/// A meeting's report: the organisers' draft (three Markdown sections) and, once published, the whole report as it
/// was published (<see cref="PublishedMarkdown"/>: the counts, decisions, the harvest by label and the sections, as
/// Markdown). Editing the draft after publishing leaves the published version as it is until it is published again.
/// </summary>
public sealed class MeetingReport
{
    public int MeetingId { get; private set; }
    public int ProcessId { get; private set; }
    public string Summary { get; private set; } = "";
    public string Discussion { get; private set; } = "";
    public string NextSteps { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }
    public string? PublishedMarkdown { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public int Publications { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    /// <summary>The draft changed since it was last published (or was never published).</summary>
    public bool HasChangesToPublish => PublishedAt is null || UpdatedAt > PublishedAt;

    private MeetingReport()
    {
    }

    public static MeetingReport For(Meeting meeting, DateTime now) => new() { MeetingId = meeting.Id, ProcessId = meeting.ProcessId, UpdatedAt = now };

    /// <summary>Changes the draft; false when nothing changed.</summary>
    public bool Write(string? summary, string? discussion, string? nextSteps, DateTime now)
    {
        var (s, d, n) = (Clean(summary), Clean(discussion), Clean(nextSteps));
        if (s == Summary && d == Discussion && n == NextSteps)
        {
            return false;
        }
        (Summary, Discussion, NextSteps, UpdatedAt) = (s, d, n, now);
        return true;
    }

    /// <summary>Publishes <paramref name="markdown"/> as the report; false when it is what was published already.</summary>
    public bool Publish(string markdown, DateTime now)
    {
        if (markdown == PublishedMarkdown)
        {
            return false;
        }
        if (markdown.Length > ReportLimits.Published)
        {
            markdown = markdown[..ReportLimits.Published];
        }
        (PublishedMarkdown, PublishedAt) = (markdown, now);
        Publications++;
        return true;
    }

    /// <summary>
    /// A photo was removed: its image goes from the published report at once (a trailing photos heading left without
    /// any image goes too) and from the draft's sections where someone had placed it, so no page shows a broken
    /// image. The publication stays the one it was (not counted as a new one).
    /// </summary>
    public void ForgetPhoto(int photoId)
    {
        var image = new System.Text.RegularExpressions.Regex($@"^[ \t]*!\[(?:[^\]\\]|\\.)*\]\(/meetings/{MeetingId}/report/photos/{photoId}\)[ \t]*(?:\r?\n(?:[ \t]*\r?\n)?|$)",
            System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (PublishedMarkdown is { } published)
        {
            var without = image.Replace(published, "");
            if (without != published)
            {
                // The photos section is the last: its heading goes when its last image went.
                without = System.Text.RegularExpressions.Regex.Replace(without.TrimEnd(), @"\n## [^\n]*$", "", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                PublishedMarkdown = without.TrimEnd() + "\n";
            }
        }
        (Summary, Discussion, NextSteps) = (image.Replace(Summary, ""), image.Replace(Discussion, ""), image.Replace(NextSteps, ""));
    }

    private static string Clean(string? text)
    {
        var value = (text ?? "").Trim();
        return value.Length > ReportLimits.Section ? throw new ReportRuleException("SectionTooLong", ReportLimits.Section) : value;
    }
}

/// <summary>A photo of the meeting in its report: re-encoded (only pixels, see <see cref="ImageFile"/>), with its description.</summary>
public sealed class MeetingReportPhoto
{
    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public int Width { get; private set; }
    public int Height { get; private set; }
    public string AltText { get; private set; } = "";
    public DateTime AddedAt { get; private set; }

    /// <summary>When the report that shows it was published (null: only in the draft).</summary>
    public DateTime? PublishedAt { get; private set; }

    private MeetingReportPhoto()
    {
    }

    public static MeetingReportPhoto From(int meetingId, ImageFile file, string? altText, DateTime now)
    {
        var alt = (altText ?? "").Trim();
        if (alt.Length == 0)
        {
            throw new ReportRuleException("AltMissing");
        }
        if (alt.Length > ImageFile.AltTextLength)
        {
            throw new ReportRuleException("AltTooLong", ImageFile.AltTextLength);
        }
        return new MeetingReportPhoto
        {
            MeetingId = meetingId,
            ContentType = file.ContentType,
            Content = file.Full.Content,
            Width = file.Full.Width,
            Height = file.Full.Height,
            AltText = alt,
            AddedAt = now,
        };
    }

    public void Publish(DateTime now) => PublishedAt ??= now;
}

public sealed class ReportRuleException(string code, params object[] arguments) : RuleException(code)
{
    public override string Text => ReportRules.Message(Code);

    public override object[] Arguments => arguments;

    public override string? Field => Code switch
    {
        "SectionTooLong" => "Input.Summary",
        "AltMissing" or "AltTooLong" => "photoAlt",
        "TooManyPhotos" => "photo",
        _ => null,
    };
}

internal sealed class MeetingReportConfiguration : IEntityTypeConfiguration<MeetingReport>
{
    public void Configure(EntityTypeBuilder<MeetingReport> report)
    {
        report.ToTable("MeetingReports");
        report.HasKey(r => r.MeetingId);
        report.Property(r => r.MeetingId).ValueGeneratedNever();
        report.Property(r => r.Summary).HasMaxLength(ReportLimits.Section);
        report.Property(r => r.Discussion).HasMaxLength(ReportLimits.Section);
        report.Property(r => r.NextSteps).HasMaxLength(ReportLimits.Section);
        report.Property(r => r.PublishedMarkdown).HasMaxLength(ReportLimits.Published);
        // Two organisers publishing at once: the second is tried again on what the first saved.
        report.Property(r => r.Publications).IsConcurrencyToken();
        report.HasOne<Meeting>().WithOne().HasForeignKey<MeetingReport>(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        report.HasIndex(r => r.ProcessId);
        report.Ignore(r => r.IsPublished);
        report.Ignore(r => r.HasChangesToPublish);
    }
}

internal sealed class MeetingReportPhotoConfiguration : IEntityTypeConfiguration<MeetingReportPhoto>
{
    public void Configure(EntityTypeBuilder<MeetingReportPhoto> photo)
    {
        photo.ToTable("MeetingReportPhotos");
        photo.Property(p => p.ContentType).HasMaxLength(40).IsRequired();
        photo.Property(p => p.AltText).HasMaxLength(ImageFile.AltTextLength).IsRequired();
        photo.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        photo.HasIndex(p => p.MeetingId);
    }
}
