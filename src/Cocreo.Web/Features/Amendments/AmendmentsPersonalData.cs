using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// A person's amendments, supports of amendments and the versions they wrote. Deleting the account keeps the amendments
/// and versions (they are part of a text's history) naming nobody, and removes the person's supports.
/// </summary>
public sealed class AmendmentsPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "amendments";

    public override IReadOnlyCollection<string> Columns { get; } = ["Amendments.AuthorUserId", "AmendmentSupports.UserId", "TextVersions.ByUserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        amendments = await db.Set<Amendment>().AsNoTracking().Where(a => a.AuthorUserId == userId)
            .Select(a => new { a.Id, kind = a.TargetKind, target = a.TargetId, process = a.ProcessId, a.ProposedAt, a.Title, a.Body, a.Explanation, status = a.Status.ToString(), a.Reason })
            .ToListAsync(cancellationToken),
        supports = await db.Set<AmendmentSupport>().AsNoTracking().Where(s => s.UserId == userId).Select(s => new { amendment = s.AmendmentId, s.SupportedAt }).ToListAsync(cancellationToken),
        versions = await db.Set<TextVersion>().AsNoTracking().Where(v => v.ByUserId == userId)
            .Select(v => new { kind = v.TargetKind, target = v.TargetId, v.Number, v.CreatedAt, amendment = v.AmendmentId }).ToListAsync(cancellationToken),
    };

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var amendment in await db.Set<Amendment>().Where(a => a.AuthorUserId == userId).ToListAsync(cancellationToken))
        {
            amendment.ForgetAuthor();
        }
        db.RemoveRange(await db.Set<AmendmentSupport>().Where(s => s.UserId == userId).ToListAsync(cancellationToken));
        foreach (var version in await db.Set<TextVersion>().Where(v => v.ByUserId == userId).ToListAsync(cancellationToken))
        {
            version.ByUserId = "";
        }
    }
}
