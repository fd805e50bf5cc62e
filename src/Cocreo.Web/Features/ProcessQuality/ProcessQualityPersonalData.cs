using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>The survey links a person opened as staff; the survey's records, kept when the account goes.</summary>
public sealed class ProcessQualityPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "processQuality";

    public override IReadOnlyCollection<string> Columns { get; } = ["AssessmentResponseLinks.OpenedByUserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        linksOpened = await db.Set<ResponseLink>().AsNoTracking()
            .Where(l => l.OpenedByUserId == userId)
            .Select(l => new { assessment = l.AssessmentId, l.Role, l.OpenedAt, l.ClosedAt })
            .ToListAsync(cancellationToken),
    };
}
