using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings;

/// <summary>
/// The meetings a person registered for, with the needs they gave and when they were checked in. Deleting the account
/// keeps the registration as a nameless place (the meeting's counts stay right) and forgets the needs.
/// </summary>
public sealed class MeetingPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "meetings";

    public override IReadOnlyCollection<string> Columns { get; } = ["MeetingRegistrations.UserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var registrations = await db.Set<MeetingRegistration>().AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var ids = registrations.Select(r => r.MeetingId).ToList();
        var titles = await db.Set<Meeting>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => new { m.Title, m.StartsAt }, cancellationToken);
        return registrations.Select(r => new
        {
            meeting = r.MeetingId,
            title = titles.GetValueOrDefault(r.MeetingId)?.Title,
            startsAt = titles.GetValueOrDefault(r.MeetingId)?.StartsAt,
            status = r.Status.ToString(),
            registeredAt = r.QueuedAt,
            r.CancelledAt,
            r.CheckedInAt,
            checkInCode = r.Code,
            needs = new
            {
                interpretation = r.Needs.Interpretation,
                interpretationLanguage = r.Needs.InterpretationLanguage,
                signLanguage = r.Needs.SignLanguage,
                childcare = r.Needs.Childcare,
                diet = r.Needs.Diet,
                stepFreeAccess = r.Needs.StepFreeAccess,
                other = r.Needs.Other,
            },
        }).ToList();
    }

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var registration in await db.Set<MeetingRegistration>().Where(r => r.UserId == userId).ToListAsync(cancellationToken))
        {
            registration.ForgetAccount();
        }
    }
}
