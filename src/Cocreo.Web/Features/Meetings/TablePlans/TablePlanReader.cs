using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>A stored plan with the names of the people in it, for the organisers' pages and the table cards.</summary>
public sealed record TablePlanView(MeetingTablePlan Stored, StoredPlan Plan, TablePlanSettings Settings, IReadOnlyDictionary<int, string> Names, IReadOnlyList<RoundCue> Questions)
{
    public string Name(int registrationId) => Names.TryGetValue(registrationId, out var name) ? name : "";
}

/// <summary>One round of a person's itinerary: the table and its host's name.</summary>
public sealed record ItineraryStop(int Round, int? Table, string? Host, string? Question, DateTimeOffset? Start = null);

/// <summary>Reads table plans for the organisers, and a person's own itinerary for them alone.</summary>
public sealed class TablePlanReader(CocreoDbContext db, ITableRoundQuestions questions)
{
    public async Task<MeetingTablePlan?> StoredAsync(int meetingId, CancellationToken cancellationToken) =>
        await db.Set<MeetingTablePlan>().AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == meetingId, cancellationToken);

    /// <summary>The plan with names (organisers only: the caller has checked).</summary>
    public async Task<TablePlanView?> ViewAsync(int meetingId, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(meetingId, cancellationToken);
        if (stored?.PlanValue is not { } plan || stored.SettingsValue is not { } settings)
        {
            return null;
        }
        var ids = plan.Rounds.SelectMany(r => r.SelectMany(t => t)).Concat(settings.Hosts.OfType<int>()).Distinct().ToList();
        return new TablePlanView(stored, plan, settings, await NamesAsync(meetingId, ids, cancellationToken), await questions.QuestionsAsync(meetingId, plan.Rounds.Count, cancellationToken));
    }

    /// <summary>The registered people of a meeting by registration id with their names (for choosing hosts).</summary>
    public async Task<IReadOnlyDictionary<int, string>> RegisteredAsync(int meetingId, CancellationToken cancellationToken)
    {
        var ids = await db.Set<MeetingRegistration>().AsNoTracking().Where(r => r.MeetingId == meetingId && r.Status == RegistrationStatus.Registered)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        return await NamesAsync(meetingId, ids, cancellationToken);
    }

    /// <summary>The itinerary of the person's own registration; null when they have none or there is no plan.</summary>
    public async Task<IReadOnlyList<ItineraryStop>?> ItineraryAsync(int meetingId, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return null;
        }
        var registrationId = await db.Set<MeetingRegistration>().AsNoTracking()
            .Where(r => r.MeetingId == meetingId && r.UserId == userId && r.Status == RegistrationStatus.Registered).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (registrationId is not { } id || (await StoredAsync(meetingId, cancellationToken))?.PlanValue is not { } plan)
        {
            return null;
        }
        var tables = plan.ItineraryOf(id);
        if (tables.All(t => t is null))
        {
            return null;
        }
        var hostIds = tables.Select((t, r) => t is { } table && plan.Rounds[r][table - 1].FirstOrDefault() is var first && plan.Hosts.Contains(first) ? first : (int?)null).ToList();
        var names = await NamesAsync(meetingId, hostIds.OfType<int>().Distinct().ToList(), cancellationToken);
        var asked = await questions.QuestionsAsync(meetingId, plan.Rounds.Count, cancellationToken);
        return tables.Select((t, r) => new ItineraryStop(r + 1, t, hostIds[r] is { } h ? names.GetValueOrDefault(h) : null, r < asked.Count ? asked[r].Question : null, r < asked.Count ? asked[r].Start : null)).ToList();
    }

    private async Task<IReadOnlyDictionary<int, string>> NamesAsync(int meetingId, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Set<MeetingRegistration>().AsNoTracking()
            .Where(r => r.MeetingId == meetingId && ids.Contains(r.Id))
            .GroupJoin(db.Users, r => r.UserId, u => u.Id, (r, users) => new { r, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { x.r, Name = u != null ? u.DisplayName : null })
            .ToListAsync(cancellationToken);
        // The whole registration is read: a walk-in's name is sealed and opened as the record is read.
        return rows.ToDictionary(r => r.r.Id, r => r.Name ?? r.r.WalkInName ?? "");
    }
}
