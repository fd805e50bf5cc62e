using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.Profiles;

/// <summary>
/// A person's answers to meetings' mixing attributes (stakeholder group, district, age band ...). Deleting the account
/// deletes them (the registration itself stays as a nameless place, see <see cref="MeetingPersonalData"/>).
/// </summary>
public sealed class ProfilePersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "meetingAnswers";

    public override IReadOnlyCollection<string> Columns { get; } = [];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<MeetingProfile>().AsNoTracking()
            .Join(db.Set<MeetingRegistration>().Where(r => r.UserId == userId), p => p.RegistrationId, r => r.Id, (p, r) => p)
            .OrderBy(p => p.RegistrationId).ToListAsync(cancellationToken);
        return rows.Select(p => new { meeting = p.MeetingId, answers = p.Values }).ToList();
    }

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await db.Set<MeetingProfile>()
            .Join(db.Set<MeetingRegistration>().Where(r => r.UserId == userId), p => p.RegistrationId, r => r.Id, (p, r) => p)
            .ToListAsync(cancellationToken);
        db.RemoveRange(rows);
    }
}
