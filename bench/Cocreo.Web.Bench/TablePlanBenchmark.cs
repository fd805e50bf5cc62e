using System.Diagnostics;
using System.Globalization;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.Profiles;
using Cocreo.Web.Features.Meetings.TablePlans;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Bench;

/// <summary>
/// A World Café's table plan computed from the page (issue 18: 200 participants, 20 tables, 4 rounds, 3 diversity
/// attributes in ≤ 5 s, with the repeated pairs reported): for each of RUNS fresh meetings, PEOPLE registered people
/// with answers drawn unevenly on three attributes (group 5 values, district 6, age band 4; a different draw per run),
/// the first TABLES of them hosting; the organiser's form posted as a browser does and the time to its answer taken
/// (the whole request: reading the people, the planner within the page's limits, saving the plan, the log).
///   cocreo-web-bench tableplan [people] [tables] [rounds] [runs] [sqlite|postgres]
/// </summary>
public static class TablePlanBenchmark
{
    private static readonly (string Name, string[] Values, double[] Weights)[] Attributes =
    [
        ("Group", ["Resident", "Business", "Civil society", "Public servant", "Visitor"], [50, 15, 15, 10, 10]),
        ("District", ["Centre", "North", "South", "East", "West", "Outskirts"], [30, 20, 15, 15, 10, 10]),
        ("Age", ["Under 25", "25 to 44", "45 to 64", "65 and over"], [15, 35, 30, 20]),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var (people, tables, rounds, runs) = (Arg(0, 200), Arg(1, 20), Arg(2, 4), Arg(3, 5));
        var postgres = args.Length > 4 && args[4] == "postgres";
        Console.WriteLine($"Table plan from the page: {people} people, {tables} tables, {rounds} rounds, 3 attributes, {tables} hosts; {runs} runs on {(postgres ? "PostgreSQL" : "SQLite")}.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}. Page limits: {ComputeTablePlan.Options.TimeLimit?.TotalSeconds} s of local search, {ComputeTablePlan.Options.CpSatDeterministicTime} CP-SAT units.");
        CocreoApp app = postgres ? new BenchPostgresApp() : new BenchSqliteApp();
        try
        {
            await app.InitializeAsync();
            var cast = await Scenarios.ProcessWithCastAsync(app);
            var text = string.Join("\n\n", Attributes.Select(a => a.Name + "\n" + string.Join("\n", a.Values.Select((v, i) => $"{v} | {a.Weights[i].ToString(CultureInfo.InvariantCulture)}"))));
            Console.WriteLine("| run | answer (s) | processor of the process (s) | repeated meetings | bound violations |");
            Console.WriteLine("|---:|---:|---:|---:|---:|");
            var failures = 0;
            for (var run = 1; run <= runs; run++)
            {
                var start = DateTime.UtcNow.Date.AddDays(3 + run).AddHours(17);
                var planned = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/meetings", new()
                {
                    ["Input.Title"] = $"World Café {run}",
                    ["Input.Description"] = "Four rounds.",
                    ["Input.StartsAt"] = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                    ["Input.EndsAt"] = start.AddHours(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                    ["Input.Kind"] = "InPerson",
                    ["Input.Address"] = "Trg 1",
                    ["Input.Capacity"] = "",
                    ["Input.RegistrationOpen"] = "true",
                    ["Input.ReminderHours"] = "24",
                });
                var meetingId = Scenarios.IdFrom(planned, "/meetings/");
                var attributes = await cast.OwnerClient.SubmitAsync($"/meetings/{meetingId}/attributes", new() { ["Input.Text"] = text });
                if ((int)attributes.StatusCode != 302)
                {
                    throw new InvalidOperationException($"the attributes were refused: {attributes.StatusCode}");
                }
                var registrations = await RegisterAsync(app, meetingId, people, new Random(run));
                var (action, values) = await cast.FacilitatorClient.ReadFormAsync($"/meetings/{meetingId}/table-plan");
                foreach (var key in values.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
                {
                    values.Remove(key);
                }
                values["Input.Tables"] = tables.ToString(CultureInfo.InvariantCulture);
                values["Input.Rounds"] = rounds.ToString(CultureInfo.InvariantCulture);
                values["Input.SeatsPerTable"] = "";
                values["Input.Basis"] = nameof(PlanBasis.Registered);
                values["Input.HeldRounds"] = "0";
                values["Input.Bounds"] = "";
                for (var a = 0; a < Attributes.Length; a++)
                {
                    values[$"Input.MixOn[{a}]"] = Attributes[a].Name;
                }
                for (var t = 0; t < tables; t++)
                {
                    values[$"Input.Hosts[{t}]"] = registrations[t].ToString(CultureInfo.InvariantCulture);
                }
                var processor = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var response = await cast.FacilitatorClient.PostAsync(action, values);
                var seconds = watch.Elapsed.TotalSeconds;
                var used = (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds;
                var plan = await app.WithDbAsync(db => db.Set<MeetingTablePlan>().AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == meetingId));
                if ((int)response.StatusCode != 302 || plan?.PlanValue is not { } stored)
                {
                    Console.WriteLine($"| {run} | {seconds:F2} | {used:F2} | refused: {response.StatusCode} | |");
                    failures++;
                    continue;
                }
                Console.WriteLine($"| {run} | {seconds:F2} | {used:F2} | {stored.RepeatedMeetings} | {stored.BoundViolations} |");
            }
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static Task<List<int>> RegisterAsync(CocreoApp app, int meetingId, int count, Random random) => app.WithDbAsync(async db =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var users = Enumerable.Range(0, count).Select(i => new CocreoUser
        {
            UserName = $"tp{tag}{i}@example.org",
            NormalizedUserName = $"TP{tag}{i}@EXAMPLE.ORG",
            Email = $"tp{tag}{i}@example.org",
            NormalizedEmail = $"TP{tag}{i}@EXAMPLE.ORG",
            DisplayName = $"Person {tag} {i.ToString(CultureInfo.InvariantCulture)}",
            CreatedAt = DateTime.UtcNow,
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(users);
        var registrations = users.Select(u => MeetingRegistration.For(meetingId, u.Id, MeetingNeeds.None, hasPlace: true, DateTime.UtcNow)).ToList();
        db.AddRange(registrations);
        await db.SaveChangesAsync();
        foreach (var registration in registrations)
        {
            var profile = MeetingProfile.For(meetingId, registration.Id);
            profile.Set(Attributes.ToDictionary(a => a.Name, a => Draw(a.Values, a.Weights, random)));
            db.Add(profile);
        }
        await db.SaveChangesAsync();
        return registrations.Select(r => r.Id).ToList();
    });

    private static string Draw(string[] values, double[] weights, Random random)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return values[i];
            }
        }
        return values[^1];
    }
}
