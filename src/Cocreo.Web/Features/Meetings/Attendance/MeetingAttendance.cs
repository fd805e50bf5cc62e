using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings;

/// <summary>A meeting's counts: places taken (walk-ins included), waiting, checked in, walk-ins, and how many asked for each need.</summary>
public sealed record MeetingCounts(int Registered, int Waiting, int CheckedIn, int WalkIns, int Cancelled);

/// <summary>Who registered, with their needs: for the meeting's organisers only.</summary>
public sealed record AttendeeRow(int RegistrationId, string Name, bool WalkIn, RegistrationStatus Status, int? Position, DateTime? CheckedInAt, MeetingNeeds Needs, string Code);

/// <summary>Reads a meeting's attendance: the counts for anyone who runs it, and the list with needs for its organisers.</summary>
public sealed class MeetingAttendance(CocreoDbContext db)
{
    public async Task<MeetingCounts> CountAsync(int meetingId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<MeetingRegistration>().AsNoTracking().Where(r => r.MeetingId == meetingId)
            .GroupBy(r => new { r.Status, CheckedIn = r.CheckedInAt != null, WalkIn = r.IsWalkIn })
            .Select(g => new { g.Key.Status, g.Key.CheckedIn, g.Key.WalkIn, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new MeetingCounts(
            rows.Where(r => r.Status == RegistrationStatus.Registered).Sum(r => r.Count),
            rows.Where(r => r.Status == RegistrationStatus.Waiting).Sum(r => r.Count),
            rows.Where(r => r.CheckedIn && r.Status == RegistrationStatus.Registered).Sum(r => r.Count),
            rows.Where(r => r.WalkIn && r.Status == RegistrationStatus.Registered).Sum(r => r.Count),
            rows.Where(r => r.Status == RegistrationStatus.Cancelled).Sum(r => r.Count));
    }

    /// <summary>The active registrations (places first, then the waiting list in order), filtered by a name or code when <paramref name="search"/> is given.</summary>
    public async Task<List<AttendeeRow>> ListAsync(int meetingId, string? search, CancellationToken cancellationToken)
    {
        var rows = await db.Set<MeetingRegistration>().AsNoTracking()
            .Where(r => r.MeetingId == meetingId && r.Status != RegistrationStatus.Cancelled)
            .GroupJoin(db.Users, r => r.UserId, u => u.Id, (r, users) => new { r, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { Registration = x.r, Name = u != null ? u.DisplayName : null })
            .ToListAsync(cancellationToken);
        var waitingOrder = rows.Where(x => x.Registration.Status == RegistrationStatus.Waiting)
            .OrderBy(x => x.Registration.QueuedAt).ThenBy(x => x.Registration.Id)
            .Select((x, i) => (x.Registration.Id, Position: i + 1)).ToDictionary(p => p.Id, p => p.Position);
        var list = rows
            .Select(x => new AttendeeRow(x.Registration.Id, x.Name ?? x.Registration.WalkInName ?? "", x.Registration.IsWalkIn, x.Registration.Status,
                waitingOrder.TryGetValue(x.Registration.Id, out var p) ? p : null, x.Registration.CheckedInAt, x.Registration.Needs, x.Registration.Code))
            .OrderBy(r => r.Status == RegistrationStatus.Waiting).ThenBy(r => r.Position).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var code = MeetingRegistration.NormalizeCode(search);
            list = list.Where(r => r.Name.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase) || (code.Length > 0 && r.Code == code)).ToList();
        }
        return list;
    }
}
