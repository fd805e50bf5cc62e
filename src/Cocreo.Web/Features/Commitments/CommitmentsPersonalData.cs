using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Commitments;

/// <summary>
/// The commitments a staff member is the taskholder of. Deleting the account forgets them as taskholder: the
/// commitment stays with its unit (or with nobody named), as the organisation's record.
/// </summary>
public sealed class CommitmentsPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "commitments";

    public override IReadOnlyCollection<string> Columns { get; } = ["Commitments.TaskholderUserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        taskholderOf = await db.Set<Commitment>().AsNoTracking().Where(c => c.TaskholderUserId == userId).OrderBy(c => c.Id)
            .Select(c => new { commitment = c.Id, process = c.ProcessId, c.Title, c.Deadline, link = $"/processes/{c.ProcessId}/commitments/{c.Id}" })
            .ToListAsync(cancellationToken),
    };

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var commitment in await db.Set<Commitment>().Where(c => c.TaskholderUserId == userId).ToListAsync(cancellationToken))
        {
            commitment.ForgetTaskholder();
        }
    }
}
