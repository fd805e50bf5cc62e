using System.Text;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Meetings.Harvest;
using Cocreo.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.Report;

/// <summary>What a report is drawn from: the attendance, the published harvest and the photos.</summary>
public sealed record ReportFacts(MeetingCounts Counts, IReadOnlyList<HarvestEntry> Harvest, IReadOnlyList<(int Id, string Alt)> Photos)
{
    /// <summary>The run sheet's blocks in order (id → title), for grouping the harvest by block; empty without a run sheet.</summary>
    public IReadOnlyList<HarvestBlock> Blocks { get; init; } = [];

    public IEnumerable<HarvestEntry> Decisions => Harvest.Where(h => h.Kind == HarvestKind.Decision);

    /// <summary>The Open Space sessions that have a report (title, space, report), in the grid's order of slots and spaces.</summary>
    public IReadOnlyList<(string Title, string Space, string Report)> Sessions { get; init; } = [];
}

/// <summary>
/// Writes a meeting's report as Markdown, in the organiser's language: when and where, the attendance (from the
/// registrations: registered, checked in, walk-ins), the decisions (harvested items of kind decision), the organisers'
/// sections, the published harvest grouped by label, and the photos with their descriptions.
/// </summary>
public sealed class ReportWriter(CocreoDbContext db, MeetingAttendance attendance, HarvestBlocks blocks, DateDisplay dates, IStringLocalizer<ReportText> t)
{
    public async Task<ReportFacts> FactsAsync(int meetingId, bool publishedPhotosOnly, CancellationToken cancellationToken)
    {
        var counts = await attendance.CountAsync(meetingId, cancellationToken);
        var harvest = await db.Set<HarvestItem>().AsNoTracking().Where(i => i.MeetingId == meetingId && i.Status == HarvestStatus.Published)
            .OrderBy(i => i.Id).Take(ReportLimits.HarvestItems)
            .Select(i => new HarvestEntry(i.Id, i.Kind, i.Text, i.Label, i.BlockId, i.PostedAt, i.BecameKind, i.BecameTitle, i.BecameLink))
            .ToListAsync(cancellationToken);
        var photos = await db.Set<MeetingReportPhoto>().AsNoTracking().Where(p => p.MeetingId == meetingId && (!publishedPhotosOnly || p.PublishedAt != null))
            .OrderBy(p => p.Id).Select(p => new ValueTuple<int, string>(p.Id, p.AltText)).ToListAsync(cancellationToken);
        return new ReportFacts(counts, harvest, photos)
        {
            Blocks = (await blocks.ForAsync(meetingId, cancellationToken)).Blocks,
            Sessions = await SessionReportsAsync(meetingId, cancellationToken),
        };
    }

    /// <summary>The reports the conveners wrote on the meeting's Open Space grid, if it has one.</summary>
    private async Task<IReadOnlyList<(string Title, string Space, string Report)>> SessionReportsAsync(int meetingId, CancellationToken cancellationToken)
    {
        var stored = await db.Set<RunSheets.MeetingRunSheet>().AsNoTracking().SingleOrDefaultAsync(s => s.MeetingId == meetingId, cancellationToken);
        if (stored?.Read(out _) is not { Grid: { } grid } sheet)
        {
            return [];
        }
        var slots = sheet.Blocks.Select((b, i) => (b.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var spaces = grid.Spaces.Select((s, i) => (s, i)).ToDictionary(x => x.s.Id, x => x);
        return grid.Sessions.Where(s => s.Report.Trim().Length > 0)
            .OrderBy(s => slots.GetValueOrDefault(s.SlotBlockId)).ThenBy(s => spaces.TryGetValue(s.SpaceId, out var x) ? x.i : int.MaxValue)
            .Select(s => (s.Title, spaces.TryGetValue(s.SpaceId, out var x) ? x.s.Name : "", s.Report))
            .ToList();
    }

    public string Write(Meeting meeting, MeetingReport report, ReportFacts facts)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(t["Report: {0}", meeting.Title]));
        md.AppendLine();
        md.AppendLine(Escape(t["{0} to {1}", dates.Show(meeting.StartsAt), dates.Show(meeting.EndsAt, "t")]) + (meeting.HasRoom ? " · " + Escape(meeting.Address) : ""));
        md.AppendLine();
        md.Append("## ").AppendLine(t["Attendance"]);
        md.AppendLine();
        md.Append("- ").AppendLine(t.Plural("{0, plural, one {# person registered} other {# people registered}}", facts.Counts.Registered - facts.Counts.WalkIns));
        md.Append("- ").AppendLine(t.Plural("{0, plural, one {# checked in} other {# checked in}}", facts.Counts.CheckedIn));
        md.Append("- ").AppendLine(t.Plural("{0, plural, one {# walk-in} other {# walk-ins}}", facts.Counts.WalkIns));
        md.AppendLine();
        var decisions = facts.Decisions.ToList();
        if (decisions.Count > 0)
        {
            md.Append("## ").AppendLine(t["Decisions"]);
            md.AppendLine();
            foreach (var d in decisions)
            {
                md.Append("- ").AppendLine(Item(d.Text) + (d.Label.Length > 0 ? $" ({Escape(d.Label)})" : ""));
            }
            md.AppendLine();
        }
        Section(md, t["Summary"], report.Summary);
        Section(md, t["What was discussed"], report.Discussion);
        if (facts.Harvest.Count > 0)
        {
            md.Append("## ").AppendLine(t["The harvest"]);
            md.AppendLine();
            // Items harvested in a block of the run sheet: under the block, in the sheet's order, with their labels.
            var inBlock = facts.Harvest.Where(h => h.BlockId is { } b && facts.Blocks.Any(x => x.Id == b)).ToList();
            foreach (var block in facts.Blocks)
            {
                var items = inBlock.Where(h => h.BlockId == block.Id).ToList();
                if (items.Count == 0)
                {
                    continue;
                }
                md.Append("### ").AppendLine(Escape(block.Title));
                md.AppendLine();
                foreach (var h in items)
                {
                    md.Append("- **").Append(Kind(h.Kind)).Append("**: ").AppendLine(Item(h.Text) + (h.Label.Length > 0 ? $" ({Escape(h.Label)})" : ""));
                }
                md.AppendLine();
            }
            foreach (var group in facts.Harvest.Except(inBlock).GroupBy(h => h.Label).OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase))
            {
                md.Append("### ").AppendLine(group.Key.Length > 0 ? Escape(group.Key) : t["Without a label"]);
                md.AppendLine();
                foreach (var h in group)
                {
                    md.Append("- **").Append(Kind(h.Kind)).Append("**: ").AppendLine(Item(h.Text));
                }
                md.AppendLine();
            }
        }
        if (facts.Sessions.Count > 0)
        {
            md.Append("## ").AppendLine(t["Open Space sessions"]);
            md.AppendLine();
            foreach (var (title, space, text) in facts.Sessions)
            {
                md.Append("### ").AppendLine(Escape(title) + (space.Length > 0 ? " (" + Escape(space) + ")" : ""));
                md.AppendLine();
                // The conveners' headings sit under the session's.
                foreach (var line in text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
                {
                    md.AppendLine(line.StartsWith('#') ? "###" + line : line);
                }
                md.AppendLine();
            }
        }
        Section(md, t["Next steps"], report.NextSteps);
        if (facts.Photos.Count > 0)
        {
            md.Append("## ").AppendLine(t["Photos"]);
            md.AppendLine();
            foreach (var (id, alt) in facts.Photos)
            {
                md.Append("![").Append(alt.Replace("]", "\\]", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal))
                    .Append("](/meetings/").Append(meeting.Id).Append("/report/photos/").Append(id).AppendLine(")");
                md.AppendLine();
            }
        }
        return md.ToString().TrimEnd() + "\n";
    }

    private string Kind(HarvestKind kind) => kind switch
    {
        HarvestKind.Idea => t["Idea"],
        HarvestKind.Question => t["Question"],
        HarvestKind.Decision => t["Decision"],
        _ => t["Note"],
    };

    private static void Section(StringBuilder md, string heading, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        md.Append("## ").AppendLine(heading);
        md.AppendLine();
        // The organisers' headings sit under the report's sections.
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            md.AppendLine(line.StartsWith('#') ? "##" + line : line);
        }
        md.AppendLine();
    }

    /// <summary>An item's text inside a list item: its lines indented so they stay in it.</summary>
    private static string Item(string text) => text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\n  ", StringComparison.Ordinal);

    private static string Escape(string text) => text.Replace("\n", " ", StringComparison.Ordinal).Replace("#", "\\#", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);
}
