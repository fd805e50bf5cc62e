using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>The shortlists a person started or decided as staff; an organisation's records, kept when the account goes.</summary>
public sealed class ServiceSelectionPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "serviceSelection";

    public override IReadOnlyCollection<string> Columns { get; } = ["ServiceShortlist.StartedByUserId", "ServiceShortlist.ChosenByUserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        shortlists = await db.Set<ServiceShortlist>().AsNoTracking()
            .Where(s => s.StartedByUserId == userId || s.ChosenByUserId == userId)
            .Select(s => new { s.Id, s.Title, started = s.StartedByUserId == userId, s.StartedAt, chose = s.ChosenByUserId == userId, s.ChosenAt, s.ChoiceReason })
            .ToListAsync(cancellationToken),
    };
}
