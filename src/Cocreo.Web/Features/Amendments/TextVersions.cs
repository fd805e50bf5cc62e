using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Amendments;

/// <summary>What a version was at its making, for pages: the number, the text, when, by whom or which amendment.</summary>
public sealed record VersionView(int Number, string Title, string Body, DateTime At, string? ByUserId, int? AmendmentId);

/// <summary>
/// The versions of amendable texts, for the capabilities that own them (they call <see cref="RecordAsync"/> inside their
/// own change on every edit: an author's edit, an accepted amendment) and for the versions and compare pages. A thing
/// with no stored version has one version, its text as it is (so old proposals compare too); the first recorded change
/// stores that as version 1 before its own.
/// </summary>
public sealed class TextVersions(CocreoDbContext db)
{
    /// <summary>The current version number (1 when none is stored).</summary>
    public async Task<int> CurrentAsync(string kind, int id, CancellationToken cancellationToken) =>
        await db.Set<TextVersion>().Where(v => v.TargetKind == kind && v.TargetId == id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 1;

    /// <summary>
    /// Records a change of the text: stores version 1 from <paramref name="before"/> when no version is stored yet, then
    /// the next version with <paramref name="after"/>; returns its number. Two parallel changes both taking the same
    /// number fail on the unique key, and the change runner starts the loser again.
    /// </summary>
    public async Task<int> RecordAsync(string kind, int id, int processId, VersionView before, Amendments.AmendedText after, string? byUserId, int? amendmentId, DateTime now,
        CancellationToken cancellationToken)
    {
        var current = await db.Set<TextVersion>().Where(v => v.TargetKind == kind && v.TargetId == id).MaxAsync(v => (int?)v.Number, cancellationToken);
        if (current is null)
        {
            db.Add(new TextVersion
            {
                TargetKind = kind, TargetId = id, ProcessId = processId, Number = 1, Title = before.Title, Body = before.Body, CreatedAt = before.At, ByUserId = before.ByUserId,
            });
        }
        var number = (current ?? 1) + 1;
        db.Add(new TextVersion
        {
            TargetKind = kind, TargetId = id, ProcessId = processId, Number = number, Title = after.Title, Body = after.Body, CreatedAt = now, ByUserId = byUserId,
            AmendmentId = amendmentId,
        });
        return number;
    }

    /// <summary>
    /// Every version, oldest first; <paramref name="original"/> (the thing's text as it is, when and by whom it was first
    /// written) stands for version 1 when none is stored.
    /// </summary>
    public async Task<IReadOnlyList<VersionView>> ListAsync(string kind, int id, VersionView original, CancellationToken cancellationToken)
    {
        var stored = await db.Set<TextVersion>().AsNoTracking().Where(v => v.TargetKind == kind && v.TargetId == id).OrderBy(v => v.Number)
            .Select(v => new VersionView(v.Number, v.Title, v.Body, v.CreatedAt, v.ByUserId, v.AmendmentId)).ToListAsync(cancellationToken);
        return stored.Count == 0 ? [original with { Number = 1 }] : stored;
    }

    /// <summary>The text of one version, or null when there is no such version.</summary>
    public async Task<VersionView?> FindAsync(string kind, int id, int number, VersionView original, CancellationToken cancellationToken) =>
        (await ListAsync(kind, id, original, cancellationToken)).FirstOrDefault(v => v.Number == number);
}
