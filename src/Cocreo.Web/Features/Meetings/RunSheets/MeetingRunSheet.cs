using Cocreo.Meetings.RunSheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// A meeting's run sheet, stored whole in one column as the engine's JSON (<see cref="RunSheetJson"/>), with its
/// version beside it. <see cref="Version"/> is a concurrency token: saving is <c>UPDATE … WHERE Version = @expected</c>,
/// so two instances (or two requests) that both read version n cannot both store a change made on it; the loser's
/// change runner starts again, re-reads the sheet and the engine answers Conflict.
/// </summary>
public sealed class MeetingRunSheet
{
    private MeetingRunSheet()
    {
    }

    public int MeetingId { get; private set; }

    /// <summary>The engine's JSON of the whole sheet (plan, live state, grid).</summary>
    public string Json { get; private set; } = "";

    /// <summary>The sheet's version (the same as in <see cref="Json"/>); moved by every applied change.</summary>
    public long Version { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static MeetingRunSheet For(int meetingId, RunSheet sheet, DateTime now)
    {
        var stored = new MeetingRunSheet { MeetingId = meetingId };
        stored.Store(sheet, now);
        return stored;
    }

    /// <summary>The sheet as stored; null (with the problems) if the JSON cannot be read, which only a hand edit of the database would cause.</summary>
    public RunSheet? Read(out IReadOnlyList<RunSheetProblem> problems) => RunSheetJson.Read(Json, out problems);

    public void Store(RunSheet sheet, DateTime now)
    {
        Json = RunSheetJson.Write(sheet);
        Version = sheet.Version;
        UpdatedAt = now;
    }
}

internal sealed class MeetingRunSheetConfiguration : IEntityTypeConfiguration<MeetingRunSheet>
{
    public void Configure(EntityTypeBuilder<MeetingRunSheet> sheet)
    {
        sheet.ToTable("MeetingRunSheets");
        sheet.HasKey(s => s.MeetingId);
        sheet.Property(s => s.MeetingId).ValueGeneratedNever();
        sheet.Property(s => s.Json).IsRequired();
        sheet.Property(s => s.Version).IsConcurrencyToken();
        sheet.HasOne<Meeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
