namespace Cocreo.Web.Features.ParticipatoryTexts;

public enum SectionChangeKind
{
    Same,
    Changed,
    Added,
    Removed,
}

/// <summary>One section across two versions: as it was (null when added) and as it is (null when removed).</summary>
public sealed record SectionChange(SectionChangeKind Kind, TextVersion.SectionCopy? Before, TextVersion.SectionCopy? After)
{
    public int SectionId => (After ?? Before)!.SectionId;
}

/// <summary>
/// Two versions of a text section by section: sections are matched by their id (a section keeps it across imports),
/// so a section that moved is the same section. This says which sections changed, were added or removed, and shows
/// both wordings of a changed one; the word-by-word diff inside a section is the amendments' TextDiff, which this
/// branch does not have yet (docs/participatory-texts.md).
/// </summary>
public static class TextComparison
{
    public static IReadOnlyList<SectionChange> Of(IReadOnlyList<TextVersion.SectionCopy> before, IReadOnlyList<TextVersion.SectionCopy> after)
    {
        var old = before.ToDictionary(s => s.SectionId);
        var changes = new List<SectionChange>();
        foreach (var section in after)
        {
            if (!old.TryGetValue(section.SectionId, out var was))
            {
                changes.Add(new(SectionChangeKind.Added, null, section));
                continue;
            }
            var same = was.Heading == section.Heading && was.Articles.SequenceEqual(section.Articles);
            changes.Add(new(same ? SectionChangeKind.Same : SectionChangeKind.Changed, was, section));
        }
        var kept = after.Select(s => s.SectionId).ToHashSet();
        changes.AddRange(before.Where(s => !kept.Contains(s.SectionId)).Select(s => new SectionChange(SectionChangeKind.Removed, s, null)));
        return changes;
    }
}
