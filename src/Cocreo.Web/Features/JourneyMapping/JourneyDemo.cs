using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The demo city's renewal of its residential parking permit, mapped with its users: a few dozen journeys (some
/// gathered on paper and at the desk), supported ideas, a backlog answering them and one hidden contribution, so the
/// dashboard is alive on first start. Everything is marked as demo; the randomness is seeded, so every start looks the same.
/// </summary>
public sealed class JourneyDemo(CocreoDbContext db) : IDemoSeed
{
    public Task SeedAsync(DemoCity city, CancellationToken cancellationToken) =>
        SeedAsync(db, city.Log, city.Time, city.OrganisationId, city.Sponsor, city.Facilitator, cancellationToken);

    private static readonly (string Stage, double Mood, string[] Happened, string[] Pains, string[] Ideas)[] Stages =
    [
        ("Find information", 3.1,
            ["I searched the city website and found two pages that said different things.", "A neighbour told me how it works.", "I called the city and they sent me a link."],
            ["The website and the leaflet give different prices.", "I could not find which streets belong to my zone."],
            ["One page with the rules, the price and a map of the zones.", "A zone finder: type your address, see your zone."]),
        ("Prepare and apply", 2.7,
            ["I had to find my car registration and a proof of address.", "The form asked for a document I did not have."],
            ["The form uses words I did not understand.", "It was not clear which proof of address counts."],
            ["Check the address in the population register instead of asking for proof.", "Explain each field of the form in plain words."]),
        ("Submit", 3.5,
            ["I sent it online, it took ten minutes.", "I went to the front desk because the upload did not work."],
            ["The upload failed with large photos.", "The desk is open only in the morning."],
            ["Let me submit by phone photo.", "Afternoon opening once a week."]),
        ("Wait", 1.9,
            ["I waited three weeks without news.", "I called twice to ask where my application was."],
            ["No one tells you how long it takes.", "I got a fine while waiting for the permit."],
            ["Send a message with the expected date.", "A temporary permit while the application is checked.", "Show the status of my application online."]),
        ("Decision", 3.0,
            ["The decision came by letter.", "It was approved but the letter was hard to read."],
            ["The letter is full of legal terms.", "The letter came after the date it started."],
            ["Send the decision by email too.", "Write the decision letter in plain language."]),
        ("Use and follow-up", 3.8,
            ["The permit works, the sticker is on the windscreen.", "I had to renew after a year and start over."],
            ["Renewal means filling everything in again.", "Changing the car number plate needs a new application."],
            ["Renew automatically unless something changed.", "Let me change the number plate online."]),
    ];

    private static readonly (string Channel, Channel Kind, string Actor, int Stage)[] Touchpoints =
    [
        ("web", Channel.Online, "City website", 0), ("phone", Channel.Phone, "Call centre", 0), ("letter", Channel.Letter, "Leaflet at the desk", 0),
        ("form", Channel.Online, "e-Permit form", 1), ("desk", Channel.InPerson, "Front desk clerk", 1),
        ("upload", Channel.Online, "e-Permit upload", 2), ("desk", Channel.InPerson, "Front desk", 2), ("mail", Channel.Letter, "Application by post", 2),
        ("phone", Channel.Phone, "Call centre", 3), ("email", Channel.Email, "Email to the traffic office", 3),
        ("letter", Channel.Letter, "Decision letter", 4), ("email", Channel.Email, "Decision by email", 4),
        ("sticker", Channel.InPerson, "Parking warden", 5), ("renew", Channel.Online, "Renewal form", 5),
    ];

    private static async Task SeedAsync(CocreoDbContext db, ProcessLog log, TimeProvider time, int cityId, CocreoUser owner, CocreoUser facilitator, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var process = Process.Start(cityId, new ProcessContent(
            "Renewing the residential parking permit",
            "Residents say getting a parking permit takes weeks, needs papers the city already has, and the decision letter is hard to read. Many ask for help at the desk or by phone.",
            "Map the permit's journey with the residents who use it, find where it hurts most and plan the renewal of the service with them.",
            "en",
            "Ana Kovač, Head of the Mayor's Office",
            "The Mayor's Office can change the permit's procedure, forms, letters and channels.",
            "Part of the city's digital services programme."),
            ProcessVisibility.Public, now, isDemo: true);
        process.SetScope(["The steps, forms and letters of the permit", "How and where residents apply and get help"], ["The price of the permit (set by council decree)", "The parking zones"]);
        process.Join(owner.Id, ProcessRole.Owner, now);
        process.Join(facilitator.Id, ProcessRole.Facilitator, now);
        db.Add(process);
        await db.SaveChangesAsync(cancellationToken);
        var team = LogActor.Named(owner.DisplayName, "owner");
        await log.AppendAsync(process.Id, team, "process.created", new { title = process.Title, visibility = "Public", phase = "ProblemDefinition" });

        var map = JourneyMap.Start(cityId, process.Id, "Residential parking permit",
            "The permit that lets residents park in their own zone. About **6,000** residents apply or renew each year, online, at the front desk or by post.",
            ContributionTokens.NewJoinCode(), Stages.Select(s => s.Stage), ["Inconsistent information", "Hard to navigate", "Jargon", "Channels that don't connect", "No help when needed"], now, isDemo: true);
        db.Add(map);
        await db.SaveChangesAsync(cancellationToken);
        var stages = map.ActiveStages.ToList();
        foreach (var (_, kind, actor, stage) in Touchpoints)
        {
            map.AddTouchpoint(stages[stage].Id, kind, actor, "");
        }
        var age = map.AddProfileQuestion("Age", [new("Under 35", 30), new("35 to 64", 48), new("65 or older", 22)]);
        var district = map.AddProfileQuestion("District", [new("Centre", 40), new("Vrtača", 35), new("Rakovnik", 25)]);
        var digital = map.AddProfileQuestion("How do you usually deal with the city?", [new("Online", null), new("Phone", null), new("In person", null)]);
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(process.Id, team, "journey.created", new { journey = map.Id, service = map.ServiceName, stages = stages.Select(s => s.Name).ToList() });

        var random = new Random(2026);
        var tags = map.PainTags.OrderBy(t => t.Id).ToList();
        var contributions = new List<JourneyContribution>();
        for (var person = 0; person < 42; person++)
        {
            var assisted = person % 5 == 4;
            var (_, hash) = ContributionTokens.New();
            var contribution = assisted
                ? JourneyContribution.StartAssisted(map.Id, hash, person % 10 == 4 ? Gathering.Paper : Gathering.InPerson, facilitator.Id, now)
                : JourneyContribution.StartOnline(map.Id, hash, null, now);
            // Older residents are fewer online: the "who is missing" view has something to show.
            var ageOption = assisted && person % 2 == 0 ? age.Options[2] : age.Options[random.Next(10) < 4 ? 0 : 1];
            for (var s = 0; s < stages.Count; s++)
            {
                if (random.NextDouble() < 0.15)
                {
                    continue;
                }
                var story = Stages[s];
                var rating = (int)Math.Clamp(Math.Round(story.Mood + (random.NextDouble() - 0.5) * 2.6 - (assisted && s == 1 ? 0.8 : 0)), 1, 5);
                var used = stages[s].Touchpoints.Where(_ => random.NextDouble() < 0.5).Select(t => t.Id).ToList();
                var painTags = rating <= 2 ? tags.Where(_ => random.NextDouble() < 0.3).Select(t => t.Id).ToList() : [];
                contribution.Record(map, stages[s].Id, new StageAccount(rating, used,
                    random.NextDouble() < 0.6 ? Pick(random, story.Happened) : null,
                    rating <= 3 && random.NextDouble() < 0.6 ? Pick(random, story.Pains) : null,
                    painTags,
                    random.NextDouble() < 0.35 ? Pick(random, story.Ideas) : null), now);
            }
            if (contribution.Experiences.Count == 0)
            {
                continue;
            }
            contribution.Describe(map, new Dictionary<int, int?>
            {
                [age.Id] = ageOption.Id,
                [district.Id] = random.Next(10) < 7 ? district.Options[random.Next(2)].Id : district.Options[2].Id,
                [digital.Id] = assisted ? digital.Options[1 + random.Next(2)].Id : digital.Options[random.Next(10) < 8 ? 0 : 1].Id,
            }, now);
            contribution.Submit(person == 7 ? "Mojca from Vrtača" : null, now);
            db.Add(contribution);
            contributions.Add(contribution);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var c in contributions)
        {
            await log.AppendAsync(process.Id, c.IsAssisted ? LogActor.Named(facilitator.DisplayName, "facilitator") : JourneyTarget.ServiceUser,
                c.IsAssisted ? "contribution.entered" : "contribution.submitted", new { contribution = c.Id, stages = c.Experiences.Count, gathering = c.Gathering.ToString() });
        }

        var ideas = contributions.SelectMany(c => c.Experiences.Where(e => e.Idea is not null)).ToList();
        foreach (var supporter in contributions)
        {
            foreach (var idea in ideas.Where(i => i.ContributionId != supporter.Id && random.NextDouble() < (i.Idea!.Contains("temporary", StringComparison.Ordinal) || i.Idea.Contains("status", StringComparison.Ordinal) ? 0.3 : 0.06)))
            {
                db.Add(new IdeaSupport { StageExperienceId = idea.Id, SupporterContributionId = supporter.Id, CreatedAt = now });
                idea.SupportCount += 1;
                await log.AppendAsync(process.Id, JourneyTarget.ServiceUser, "idea.supported", new { idea = idea.Id });
            }
        }

        var spam = contributions[^1];
        spam.Hide("It named a member of staff and insulted them.", now);
        await log.AppendAsync(process.Id, team, "contribution.hidden", new { journey = map.Id, contribution = spam.Id, reason = spam.HiddenReason });
        // The shared moderation records the decision too: the process's queue and public moderation log list it.
        var moderation = Moderation.ModerationCase.Open(JourneyContributions.Kind, spam.Id, process.Id);
        moderation.Hide(spam.HiddenReason!, now);
        db.Add(moderation);

        var wait = stages[3];
        var status = BacklogItem.Add(map.Id, new BacklogContent("Show where my application is, and when to expect the decision",
            "Applicants will see the status of their application online and get a message with the expected decision date. This answers the many people who waited without news.",
            wait.Id, "Traffic Office, digital services team", BacklogStatus.InProgress), now);
        var temporary = BacklogItem.Add(map.Id, new BacklogContent("A temporary permit while the application is checked",
            "From the day you apply, the confirmation works as a permit for 30 days.", wait.Id, "Traffic Office", BacklogStatus.Planned), now);
        var letter = BacklogItem.Add(map.Id, new BacklogContent("The decision letter in plain language",
            "We rewrote the letter with residents; it now fits on one page.", stages[4].Id, "Legal Department", BacklogStatus.Done), now);
        var zones = BacklogItem.Add(map.Id, new BacklogContent("Change the price of the permit",
            "The price is set by council decree and is outside this process. We passed the comments on to the council.", null, "Mayor's Office", BacklogStatus.NotDoing), now);
        foreach (var e in contributions.SelectMany(c => c.Experiences).Where(e => e.StageId == wait.Id))
        {
            if (e.Idea is { } idea && (idea.Contains("status", StringComparison.Ordinal) || idea.Contains("expected date", StringComparison.Ordinal)))
            {
                status.Link(e.Id, InputKind.Idea, now);
            }
            if (e.Idea is { } t2 && t2.Contains("temporary", StringComparison.Ordinal))
            {
                temporary.Link(e.Id, InputKind.Idea, now);
            }
            if (e.HasPain && status.Links.Count < 12)
            {
                status.Link(e.Id, InputKind.PainPoint, now);
            }
        }
        foreach (var e in contributions.SelectMany(c => c.Experiences).Where(e => e.StageId == stages[4].Id && e.PainPoint is not null).Take(6))
        {
            letter.Link(e.Id, InputKind.PainPoint, now);
        }
        db.AddRange(status, temporary, letter, zones);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var item in new[] { status, temporary, letter, zones })
        {
            await log.AppendAsync(process.Id, team, "backlog.added", new { journey = map.Id, item = item.Id, title = item.Title, status = item.Status.ToString(), owner = item.Owner });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Pick(Random random, string[] texts) => texts[random.Next(texts.Length)];
}
