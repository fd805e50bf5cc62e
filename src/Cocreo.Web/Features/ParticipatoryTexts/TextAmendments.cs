using Cocreo.Web.Data;
using Cocreo.Web.Features.Amendments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>An amendment a version took, with the name of its section ("2. Walking first", "Preamble").</summary>
public sealed record TakenAmendment(AcceptedAmendment Amendment, string Section);

/// <summary>
/// Which accepted amendments each published version took: an amendment accepted after version N−1 was published and
/// before version N was goes with version N (accepting changes the working draft, publishing makes it public); those
/// accepted since the last version wait for the next (<see cref="Next"/>). Read through the amendments' own list
/// (<see cref="AmendmentList.AcceptedAsync"/>), never their table; nothing stored, so versions published before this
/// list existed show theirs too.
/// </summary>
public sealed class TextAmendments(CocreoDbContext db, AmendmentList amendments, IStringLocalizer<ParticipatoryTextsText> t)
{
    /// <summary>The key of <see cref="TakenAsync"/>'s answer for the amendments the next version will take.</summary>
    public const int Next = 0;

    /// <summary>For each version number, the amendments it took, oldest first; key <see cref="Next"/>: accepted since the last version.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<TakenAmendment>>> TakenAsync(int textId, IReadOnlyList<TextVersion> versions, CancellationToken cancellationToken)
    {
        var sections = await db.Set<TextSection>().AsNoTracking().Where(s => s.TextId == textId)
            .Select(s => new { s.Id, s.Heading, s.Position, s.Removed }).ToListAsync(cancellationToken);
        var draftPreamble = sections.Any(s => s.Position == 1 && s.Heading.Length == 0 && !s.Removed);
        var accepted = await amendments.AcceptedAsync(TextSectionDebateTargets.DebateKind, sections.Select(s => s.Id).ToList(), cancellationToken);
        var ordered = versions.OrderBy(v => v.Number).ToList();
        var taken = new Dictionary<int, IReadOnlyList<TakenAmendment>>();
        foreach (var group in accepted.GroupBy(a => ordered.FirstOrDefault(v => a.DecidedAt <= v.PublishedAt)))
        {
            var number = group.Key?.Number ?? Next;
            var copies = group.Key?.Sections.ToDictionary(s => s.SectionId) ?? [];
            var preamble = group.Key is { } version ? TextNames.HasPreamble(version.Sections) : draftPreamble;
            taken[number] = group.Select(a => new TakenAmendment(a, copies.TryGetValue(a.TargetId, out var copy)
                ? TextNames.Section(t, copy.Heading, copy.Number, preamble)
                : sections.FirstOrDefault(s => s.Id == a.TargetId) is { } s ? TextNames.Section(t, s.Heading, s.Position, draftPreamble) : "")).ToList();
        }
        return taken;
    }
}
