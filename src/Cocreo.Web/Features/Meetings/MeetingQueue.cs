using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings;

/// <summary>The places of a meeting and its waiting list, counted and moved inside a change (tracked).</summary>
public sealed class MeetingQueue(CocreoDbContext db, MeetingMail mail)
{
    /// <summary>How many hold a place (walk-ins included).</summary>
    public Task<int> TakenAsync(int meetingId, CancellationToken cancellationToken) =>
        db.Set<MeetingRegistration>().CountAsync(r => r.MeetingId == meetingId && r.Status == RegistrationStatus.Registered, cancellationToken);

    /// <summary>Whether a new registration gets a place: no limit, or a place is free and nobody waits before it.</summary>
    public async Task<bool> HasPlaceAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        if (meeting.Capacity is not { } capacity)
        {
            return true;
        }
        var waiting = await db.Set<MeetingRegistration>().AnyAsync(r => r.MeetingId == meeting.Id && r.Status == RegistrationStatus.Waiting, cancellationToken);
        return !waiting && await TakenAsync(meeting.Id, cancellationToken) < capacity;
    }

    /// <summary>Gives free places to the waiting list in order and queues an e-mail to each promoted person. Returns how many were promoted.</summary>
    public async Task<int> PromoteAsync(Meeting meeting, DateTime now, CancellationToken cancellationToken)
    {
        if (meeting.IsCancelled || meeting.HasEnded(now))
        {
            return 0;
        }
        var free = meeting.Capacity is { } capacity ? capacity - await TakenAsync(meeting.Id, cancellationToken) : int.MaxValue;
        if (free <= 0)
        {
            return 0;
        }
        var next = await db.Set<MeetingRegistration>()
            .Where(r => r.MeetingId == meeting.Id && r.Status == RegistrationStatus.Waiting)
            .OrderBy(r => r.QueuedAt).ThenBy(r => r.Id)
            .Take(Math.Min(free, 10_000))
            .ToListAsync(cancellationToken);
        foreach (var registration in next)
        {
            registration.Promote(now);
        }
        await mail.QueueAsync(meeting, next.Where(r => r.UserId is not null).Select(r => r.UserId!).ToList(), MeetingMail.Kind.Promoted, cancellationToken);
        return next.Count;
    }

    /// <summary>A waiting registration's place in the queue (1 = next), or null when it does not wait.</summary>
    public async Task<int?> PositionAsync(MeetingRegistration registration, CancellationToken cancellationToken)
    {
        if (registration.Status != RegistrationStatus.Waiting)
        {
            return null;
        }
        var ahead = await db.Set<MeetingRegistration>().CountAsync(r => r.MeetingId == registration.MeetingId && r.Status == RegistrationStatus.Waiting
            && (r.QueuedAt < registration.QueuedAt || (r.QueuedAt == registration.QueuedAt && r.Id < registration.Id)), cancellationToken);
        return ahead + 1;
    }
}
