using System.Globalization;
using System.Net;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.Profiles;
using Cocreo.Web.Features.Meetings.TablePlans;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.TablePlans;

/// <summary>Sets up meetings with attributes and many registered people for the table-plan tests.</summary>
internal static class TablePlanSteps
{
    public const string Groups = "Group\nResident | 50\nBusiness | 25\nVisitor | 25";

    public static async Task SetAttributesAsync(FormClient organiser, int meetingId, string text)
    {
        var response = await organiser.SubmitAsync($"/meetings/{meetingId}/attributes", new() { ["Input.Text"] = text });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Registers <paramref name="count"/> new people (accounts made in the database: no password) with a group each (null: prefer not to say); returns the registration ids in order.</summary>
    public static Task<List<int>> RegisterPeopleAsync(CocreoApp app, int meetingId, int count, Func<int, string?> group) => app.WithDbAsync(async db =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var users = Enumerable.Range(0, count).Select(i => new CocreoUser
        {
            UserName = $"tp{tag}{i}@example.org",
            NormalizedUserName = $"TP{tag}{i}@EXAMPLE.ORG".ToUpperInvariant(),
            Email = $"tp{tag}{i}@example.org",
            NormalizedEmail = $"TP{tag}{i}@EXAMPLE.ORG".ToUpperInvariant(),
            DisplayName = $"Person {tag} {i.ToString(CultureInfo.InvariantCulture)}",
            CreatedAt = DateTime.UtcNow,
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(users);
        var registrations = users.Select(u => MeetingRegistration.For(meetingId, u.Id, MeetingNeeds.None, hasPlace: true, DateTime.UtcNow)).ToList();
        db.AddRange(registrations);
        await db.SaveChangesAsync();
        for (var i = 0; i < count; i++)
        {
            if (group(i) is { } value)
            {
                var profile = MeetingProfile.For(meetingId, registrations[i].Id);
                profile.Set(new Dictionary<string, string> { ["Group"] = value });
                db.Add(profile);
            }
        }
        await db.SaveChangesAsync();
        return registrations.Select(r => r.Id).ToList();
    });

    public static Task CheckInAsync(CocreoApp app, IEnumerable<int> registrationIds) => app.WithDbAsync(async db =>
    {
        var ids = registrationIds.ToList();
        foreach (var registration in await db.Set<MeetingRegistration>().Where(r => ids.Contains(r.Id)).ToListAsync())
        {
            registration.CheckIn(DateTime.UtcNow);
        }
        await db.SaveChangesAsync();
    });

    public static Dictionary<string, string> Form(int tables, int rounds, PlanBasis basis = PlanBasis.Registered, int held = 0, string bounds = "", IReadOnlyList<int>? hosts = null, string? seats = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Tables"] = tables.ToString(CultureInfo.InvariantCulture),
            ["Input.Rounds"] = rounds.ToString(CultureInfo.InvariantCulture),
            ["Input.SeatsPerTable"] = seats ?? "",
            ["Input.Basis"] = basis.ToString(),
            ["Input.HeldRounds"] = held.ToString(CultureInfo.InvariantCulture),
            ["Input.MixOn"] = "Group",
            ["Input.Bounds"] = bounds,
        };
        for (var i = 0; i < (hosts?.Count ?? 0); i++)
        {
            fields[$"Input.Hosts[{i}]"] = hosts![i].ToString(CultureInfo.InvariantCulture);
        }
        return fields;
    }

    /// <summary>Posts the table-plan form as the organiser's browser does (the page's own form, with its token).</summary>
    public static async Task<HttpResponseMessage> ComputeAsync(FormClient organiser, int meetingId, Dictionary<string, string> fields)
    {
        var (action, values) = await organiser.ReadFormAsync($"/meetings/{meetingId}/table-plan");
        foreach (var key in values.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            values.Remove(key);
        }
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }
        return await organiser.PostAsync(action, values);
    }

    public static Task<StoredPlan?> StoredAsync(CocreoApp app, int meetingId) =>
        app.WithDbAsync(async db => (await db.Set<MeetingTablePlan>().AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == meetingId))?.PlanValue);

    /// <summary>How many times each pair sits together over the rounds.</summary>
    public static Dictionary<(int, int), int> PairCounts(StoredPlan plan)
    {
        var counts = new Dictionary<(int, int), int>();
        foreach (var table in plan.Rounds.SelectMany(r => r))
        {
            foreach (var a in table)
            {
                foreach (var b in table.Where(b => b > a))
                {
                    counts[(a, b)] = counts.GetValueOrDefault((a, b)) + 1;
                }
            }
        }
        return counts;
    }
}
