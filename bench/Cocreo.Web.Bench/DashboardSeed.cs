using System.Diagnostics;
using Process = Cocreo.Web.Features.Processes.Process;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Bench;

/// <summary>
/// A journey map the size the issue asks for: 8 stages with 3 touchpoints each, 3 profile questions, 5 tags; each
/// journey tells most stages with touchpoints, tags, texts and ideas; ideas are supported; a few contributions are
/// hidden. Seeded with a fixed random seed through the domain model, in batches.
/// </summary>
public sealed record DashboardSeed(int MapId, CocreoUser Admin, int Contributions, int Experiences, int Supports, IReadOnlyList<(string Label, string Query)> Filters)
{
    public const int Stages = 8;

    public static async Task<DashboardSeed> CreateAsync(CocreoApp app, int journeys)
    {
        var admin = await app.CreateUserAsync("Bench Admin", platformAdmin: true);
        var random = new Random(7);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var now = DateTime.UtcNow;
        var city = Organisation.Create("Bench City", OrganisationType.Municipality, SizeBand.Large, "SI", ["sl"], now);
        db.Add(city);
        await db.SaveChangesAsync();
        var process = Process.Start(city.Id, new ProcessContent("Renewing a permit", "Slow.", "Renew it.", "en", "Sponsor", "", ""), ProcessVisibility.Public, now);
        process.SetScope(["Everything"], []);
        db.Add(process);
        await db.SaveChangesAsync();
        var map = JourneyMap.Start(city.Id, process.Id, "Permit", "", ContributionTokens.NewJoinCode(),
            Enumerable.Range(1, Stages).Select(i => $"Stage {i}"), ["Inconsistent information", "Hard to navigate", "Jargon", "Channels that don't connect", "No help when needed"], now);
        db.Add(map);
        await db.SaveChangesAsync();
        var channels = Enum.GetValues<Channel>();
        foreach (var (stage, i) in map.ActiveStages.Select((s, i) => (s, i)))
        {
            for (var k = 0; k < 3; k++)
            {
                map.AddTouchpoint(stage.Id, channels[(i + k) % channels.Length], $"Touchpoint {i + 1}.{k + 1}", "");
            }
        }
        map.AddProfileQuestion("Age", [new("Under 25", 15), new("25 to 44", 35), new("45 to 64", 30), new("65 or older", 20)]);
        map.AddProfileQuestion("District", Enumerable.Range(1, 5).Select(i => new ProfileOptionSpec($"District {i}", 20)).ToList());
        map.AddProfileQuestion("Digital use", [new("Daily", null), new("Sometimes", null), new("Never", null)]);
        await db.SaveChangesAsync();
        var stages = map.ActiveStages.ToList();
        var tags = map.PainTags.ToList();
        var questions = map.ActiveQuestions.ToList();
        var mapId = map.Id;

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var experiences = 0;
        const int batch = 500;
        for (var start = 0; start < journeys; start += batch)
        {
            for (var person = start; person < Math.Min(journeys, start + batch); person++)
            {
                var assisted = random.Next(10) == 0;
                var contribution = assisted
                    ? JourneyContribution.StartAssisted(mapId, ContributionTokens.Hash($"bench-{person}"), (Gathering)(1 + random.Next(3)), admin.Id, now)
                    : JourneyContribution.StartOnline(mapId, ContributionTokens.Hash($"bench-{person}"), null, now);
                for (var s = 0; s < stages.Count; s++)
                {
                    if (random.Next(10) == 0)
                    {
                        continue;
                    }
                    var rating = Math.Clamp((int)Math.Round(3 + Math.Sin(s) * 1.2 + random.NextDouble() * 2 - 1), 1, 5);
                    var used = stages[s].Touchpoints.Where(_ => random.Next(3) == 0).Select(t => t.Id).ToList();
                    var painTags = rating <= 2 ? tags.Where(_ => random.Next(4) == 0).Select(t => t.Id).ToList() : [];
                    contribution.Record(map, stages[s].Id, new StageAccount(rating, used,
                        random.Next(2) == 0 ? "What happened at this stage, in a sentence or two." : null,
                        rating <= 2 && random.Next(2) == 0 ? "It took far too long." : null,
                        painTags,
                        random.Next(4) == 0 ? $"Idea {person}.{s}: make it simpler." : null), now);
                }
                contribution.Describe(map, questions.ToDictionary(q => q.Id, q => random.Next(5) == 0 ? (int?)null : q.ActiveOptions.ElementAt(random.Next(q.ActiveOptions.Count())).Id), now);
                if (contribution.Experiences.Count > 0)
                {
                    contribution.Submit(null, now);
                }
                if (person % 200 == 199)
                {
                    contribution.Hide("Bench: hidden.", now);
                }
                experiences += contribution.Experiences.Count;
                db.Add(contribution);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var ideas = await db.Set<StageExperience>().Where(e => e.JourneyMapId == mapId && e.Idea != null).Select(e => new { e.Id, e.ContributionId }).ToListAsync();
        var contributionIds = await db.Set<JourneyContribution>().Where(c => c.JourneyMapId == mapId).Select(c => c.Id).ToListAsync();
        var supports = 0;
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < ideas.Count; i++)
        {
            var idea = ideas[i];
            var n = random.Next(10) == 0 ? random.Next(5, 40) : random.Next(3);
            foreach (var supporter in Enumerable.Range(0, n).Select(_ => contributionIds[random.Next(contributionIds.Count)]).Distinct().Where(c => c != idea.ContributionId))
            {
                db.Add(new IdeaSupport { StageExperienceId = idea.Id, SupporterContributionId = supporter, CreatedAt = now });
                counts[idea.Id] = counts.GetValueOrDefault(idea.Id) + 1;
                supports++;
            }
            if (i % 2000 == 1999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        foreach (var group in counts.GroupBy(c => c.Value))
        {
            var ids = group.Select(g => g.Key).ToList();
            await db.Set<StageExperience>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.SupportCount, group.Key));
        }
        // Fresh statistics, as a database in use would have (both SQLite and PostgreSQL know ANALYZE).
        await db.Database.ExecuteSqlRawAsync("ANALYZE");

        var age = questions[0].ActiveOptions.ToList();
        var district = questions[1].ActiveOptions.ToList();
        var filters = new List<(string, string)>
        {
            ("none", ""),
            ("segment: age 65+", Query(("segment", age[3].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            ("segments: age 25–44 and district 2", Query(("segment", age[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("segment", district[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            ("assisted only", Query(("gathering", "assisted"))),
            ("online only, compare by age", Query(("gathering", "online"), ("compare", questions[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            ("channel: phone", Query(("channel", "Phone"))),
            ("age 45–64 + in person + channel online + compare by district", Query(("segment", age[2].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("gathering", "InPerson"), ("channel", "Online"), ("compare", questions[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        };
        var contributions = await db.Set<JourneyContribution>().CountAsync(c => c.JourneyMapId == mapId);
        return new DashboardSeed(mapId, admin, contributions, experiences, supports, filters);
    }

    /// <summary>The dashboard's queries alone (no page rendering), in a fresh scope each time as a request would have.</summary>
    public async Task<(List<double> Times, int Kept)> TimeQueriesAsync(CocreoApp app, string query, int iterations)
    {
        var values = QueryHelpers.ParseQuery(query);
        var filter = JourneyFilter.Parse(values.TryGetValue("segment", out var s) ? s.ToArray() : [], values.TryGetValue("gathering", out var g) ? g.ToString() : null, values.TryGetValue("channel", out var c) ? c.ToString() : null);
        int? compare = values.TryGetValue("compare", out var q) ? int.Parse(q.ToString(), System.Globalization.CultureInfo.InvariantCulture) : null;
        var times = new List<double>();
        var kept = 0;
        for (var i = 0; i < iterations + 3; i++)
        {
            using var scope = app.Services.CreateScope();
            var directory = scope.ServiceProvider.GetRequiredService<JourneyDirectory>();
            var dashboard = scope.ServiceProvider.GetRequiredService<JourneyDashboard>();
            var watch = Stopwatch.StartNew();
            var map = await directory.Maps().SingleAsync(m => m.Id == MapId);
            var data = await dashboard.BuildAsync(map, filter, compare, CancellationToken.None);
            watch.Stop();
            kept = data.Contributions;
            if (i >= 3)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        return (times, kept);
    }

    private static string Query(params (string Key, string Value)[] pairs) =>
        QueryHelpers.AddQueryString("", pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
}
