using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Moderation;

/// <summary>The reports a person made to the moderators. They stay with the account deleted (moderators decided on them), naming nobody.</summary>
public sealed class ModerationPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "moderation";

    public override IReadOnlyCollection<string> Columns { get; } = ["ModerationReports.ReporterUserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        reports = await db.Set<ModerationCase>().AsNoTracking()
            .SelectMany(c => c.Reports.Where(r => r.ReporterUserId == userId), (c, r) => new { c.Kind, item = c.ItemId, reason = r.Reason.ToString(), r.Details, r.ReportedAt, r.AnsweredAt })
            .ToListAsync(cancellationToken),
    };
}
