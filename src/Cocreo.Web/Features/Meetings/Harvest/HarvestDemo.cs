using Cocreo.Web.Data;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Meetings.Report;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>
/// The demo's harvest of the past walk through the old town: two residents named harvesters, a dozen items of each
/// kind (notes, ideas, questions, decisions) labelled by the walk's stops, most published, some still waiting for a
/// facilitator, and the report published the day after the walk. Called from <see cref="MeetingsDemo"/> in one line.
/// </summary>
public static class HarvestDemo
{
    private static readonly string[] Stops = ["Stop 1 · The fountain", "Stop 2 · Ribji trg", "Stop 3 · The school gate", "Stop 4 · The riverside steps", ""];

    private static readonly Dictionary<HarvestKind, string[]> Texts = new()
    {
        [HarvestKind.Note] =
        [
            "Delivery vans park on the pavement every morning between 7 and 10.", "The fountain's steps are where teenagers meet after school.",
            "Three shopkeepers say their customers come by bus, not by car.", "The riverside steps have no handrail on the lower half.",
            "Benches were removed in 2019 because of noise complaints.", "Most people on the walk had not seen the courtyard behind the library.",
            "Cyclists and pedestrians share the bridge without markings.", "The school gate opens straight onto the road.",
            "Several residents mentioned the lack of shade at noon.", "A wheelchair user could not get past the café tables on Ribji trg.",
            "Night buses stop running at 23:30.", "The market sets up on Tuesdays and Saturdays only.",
        ],
        [HarvestKind.Idea] =
        [
            "Plant trees on the fountain square instead of parasols.", "A loading zone for deliveries before 10, kept free of parked cars.",
            "Open the library courtyard as a quiet garden in summer.", "Paint a crossing at the school gate and add a speed cushion.",
            "A handrail the full length of the riverside steps.", "Fixed benches with backrests, spaced so groups do not gather at night.",
            "A weekly car-free Sunday on the main street.", "Drinking fountains at every stop of the walk.",
            "Mark a cycle lane on the bridge.", "Café tables only on one side of Ribji trg, leaving 1.5 m free.",
            "Extend the night buses to 1:00 on Fridays and Saturdays.", "A small playground by the riverside.",
        ],
        [HarvestKind.Question] =
        [
            "Who pays for the trees' watering in the first three years?", "Can the loading zone be enforced without cameras?",
            "Would the library need extra staff to open the courtyard?", "How do other old towns handle night noise from terraces?",
            "Is the bridge wide enough for a cycle lane?", "What do the shopkeepers on the main street think of a car-free Sunday?",
            "Can the riverside steps get a ramp, or only a handrail?", "Who decides where café tables may stand?",
            "How many people use the night buses now?", "Could the market come on Thursdays too?",
            "Where would the playground's noise reach?", "What did the 2019 bench removal actually change?",
        ],
        [HarvestKind.Decision] =
        [
            "The team asks the parks department for a tree plan for the fountain square.", "A trial loading zone on Stari trg from next month.",
            "The library and the team meet about the courtyard before the summer.", "The crossing at the school gate goes to the traffic committee.",
            "The handrail on the riverside steps is reported to maintenance today.", "The bench question goes into the conversation as a statement.",
            "The car-free Sunday becomes a proposal for the residents' evening.", "Drinking fountains: the team collects prices.",
            "The bridge: the cycling association is invited to the next walk.", "Café tables: the team writes to the bar owners' association.",
            "Night buses: the question is forwarded to the transport company.", "The next walk is in the spring, along the riverside.",
        ],
    };

    public static async Task SeedAsync(CocreoDbContext db, DemoCity city, Meeting walk, CancellationToken cancellationToken)
    {
        var harvesters = city.Citizens.Take(2).ToList();
        foreach (var harvester in harvesters)
        {
            db.Add(MeetingHarvester.Name(walk.Id, harvester.Id, walk.StartsAt.AddDays(-1)));
        }
        var published = new List<int>();
        var items = new List<HarvestItem>();
        var n = 0;
        foreach (var (kind, texts) in Texts)
        {
            for (var i = 0; i < texts.Length; i++, n++)
            {
                var author = n % 3 == 2 ? city.Facilitator.Id : harvesters[n % 2].Id;
                var item = HarvestItem.Post(walk, kind, texts[i], Stops[i % Stops.Length], null, author, walk.StartsAt.AddMinutes(5 + (n * 2)));
                items.Add(item);
            }
        }
        db.AddRange(items);
        await db.SaveChangesAsync(cancellationToken);
        var moderated = walk.EndsAt.AddMinutes(15);
        foreach (var (item, i) in items.Select((item, i) => (item, i)))
        {
            // Every sixth item still waits for a facilitator; one was hidden (a name in it).
            if (i % 6 == 5)
            {
                continue;
            }
            item.Moderate(i != 4, moderated);
            if (item.IsPublished)
            {
                published.Add(item.Id);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        var facilitator = LogActor.Named(city.Facilitator.DisplayName, "facilitator");
        await city.Log.AppendAsync(walk.ProcessId, facilitator, "meeting.harvest-published", new { meeting = walk.Id, items = published }, cancellationToken);
        await city.Log.AppendAsync(walk.ProcessId, facilitator, "meeting.harvest-hidden", new { meeting = walk.Id, items = new[] { items[4].Id } }, cancellationToken);

        var report = MeetingReport.For(walk, walk.EndsAt.AddHours(20));
        report.Write(
            "Eight people walked the old town's five most-mentioned places with the traffic planners: residents, two shopkeepers and a wheelchair user who showed us where the pavements stop working.",
            "At each stop a resident host read out what the conversation said about the place, and the group looked and talked for ten minutes. **Shade, deliveries and the riverside steps** came up most.",
            "- The team reports back at the residents' evening.\n- The decisions below have owners in the team; progress goes in the process's announcements.",
            walk.EndsAt.AddHours(20));
        db.Add(report);
        var writer = new ReportWriter(db, new MeetingAttendance(db), new HarvestBlocks(new RunSheets.RunSheetStore(db)), new DateDisplay(new ConfigurationBuilder().Build()),
            new StringLocalizer<ReportText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));
        var facts = await writer.FactsAsync(walk.Id, publishedPhotosOnly: false, cancellationToken);
        // The seeder runs in the invariant culture, which has no plural rules: the report is written in the process's language.
        var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            var language = System.Globalization.CultureInfo.GetCultureInfo(walk.Language is "sl" ? "sl" : "en");
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (language, language);
            report.Publish(writer.Write(walk, report, facts), walk.EndsAt.AddHours(21));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(walk.ProcessId, facilitator, "meeting.report.published", new
        {
            meeting = walk.Id,
            title = walk.Title,
            publication = report.Publications,
            registered = facts.Counts.Registered,
            checkedIn = facts.Counts.CheckedIn,
            walkIns = facts.Counts.WalkIns,
            harvested = facts.Harvest.Count,
            decisions = facts.Decisions.Count(),
        }, cancellationToken);
    }
}
