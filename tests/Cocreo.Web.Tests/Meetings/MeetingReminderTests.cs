using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Meetings;

/// <summary>
/// Reminders go out once, the configured time before the meeting, to the people registered (not those waiting), even
/// when two app instances on one database look for them at the same moment, over and over.
/// </summary>
public abstract class MeetingReminderTests<TApp>(TApp first) : IClassFixture<TApp> where TApp : CocreoApp
{
    private sealed class SecondInstance(CocreoApp first) : CocreoApp
    {
        public override string Provider => first.Provider;
        public override string ConnectionString => first.ConnectionString;

        protected override IReadOnlyDictionary<string, string?> Settings => MeetingSteps.Settings;
    }

    [Fact]
    public async Task Two_instances_send_each_reminder_once_and_only_when_it_is_due()
    {
        first.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(first);
        var soon = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(title: "Soon " + Guid.NewGuid().ToString("N")[..6], capacity: 2, startsAt: Wall(DateTime.UtcNow.AddHours(3))));
        var later = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId, MeetingSteps.Fields(title: "Later " + Guid.NewGuid().ToString("N")[..6], startsAt: Wall(DateTime.UtcNow.AddDays(3))));
        await MeetingSteps.RegisterAsync(cast.ParticipantClient, soon);
        await MeetingSteps.RegisterAsync(cast.FacilitatorClient, soon);
        await MeetingSteps.RegisterAsync(cast.OtherStaffClient, soon);
        await MeetingSteps.RegisterAsync(cast.ParticipantClient, later);
        Assert.Equal(RegistrationStatus.Waiting, (await MeetingSteps.RegistrationAsync(first, soon, cast.OtherStaff.Id)).Status);

        await using var second = new SecondInstance(first);
        // Every round reads the due meetings first (as the instances' timers firing together would), then all claim at once.
        var scopes = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : (CocreoApp)second).Services.CreateScope()).ToList();
        var reminders = scopes.Select(s => s.ServiceProvider.GetRequiredService<MeetingReminders>()).ToList();
        var due = new List<List<Meeting>>();
        foreach (var r in reminders)
        {
            due.Add(await r.DueAsync(CancellationToken.None));
        }
        Assert.All(due, d => Assert.Contains(d, m => m.Id == soon));
        var claimed = await Task.WhenAll(reminders.Select((r, i) => r.SendAsync(due[i], CancellationToken.None)));
        claimed = [.. claimed, .. await Task.WhenAll(reminders.Take(2).Select(r => r.SendDueAsync(CancellationToken.None)))];
        scopes.ForEach(s => s.Dispose());

        Assert.Equal(1, claimed.Sum());
        var sent = await first.WithDbAsync(db => db.Set<OutgoingEmail>().Where(e => e.Subject.StartsWith("Reminder: ")).ToListAsync());
        var forSoon = sent.Where(e => e.Body.Contains($"/meetings/{soon}.", StringComparison.Ordinal)).Select(e => e.To).Order().ToList();
        Assert.Equal(new[] { cast.Facilitator.Email!, cast.Participant.Email! }.Order(), forSoon);
        Assert.DoesNotContain(sent, e => e.Body.Contains($"/meetings/{later}.", StringComparison.Ordinal));
        Assert.NotNull(await first.WithDbAsync(db => db.Set<Meeting>().Where(m => m.Id == soon).Select(m => m.RemindersClaimedAt).SingleAsync()));
    }

    /// <summary>The platform's wall clock (Europe/Ljubljana) for an instant, as the form takes it.</summary>
    private static DateTime Wall(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Ljubljana"));
}

public sealed class MeetingRemindersOnSqlite(MeetingsSqliteApp app) : MeetingReminderTests<MeetingsSqliteApp>(app);

public sealed class MeetingRemindersOnPostgres(MeetingsPostgresApp app) : MeetingReminderTests<MeetingsPostgresApp>(app);
