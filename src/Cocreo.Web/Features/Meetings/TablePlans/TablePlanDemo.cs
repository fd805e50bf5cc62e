using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Meetings.Profiles;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>
/// The demo's World Café in the old town's process, about two weeks ahead: two attributes with population shares
/// (stakeholder group, age band), 24 people registered with their answers (some preferred not to say), four table
/// hosts, and a computed table plan for 4 tables and 3 rounds with a bound (at least one resident per table).
/// </summary>
public sealed class TablePlanDemo(CocreoDbContext db, TimeProvider clock)
{
    public const string Title = "World Café: what are the old town's streets for?";

    public async Task SeedAsync(DemoCity city, Process process, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var planned = now.AddDays(-12);
        var start = now.AddDays(14).Date.AddHours(16);
        var cafe = Meeting.Plan(process.OrganisationId, process.Id, new MeetingDetails(
            Title,
            "Three rounds of twenty minutes at tables of six: residents, shopkeepers and visitors talk about what the old town's streets should be for. Every round you sit with new people; the hosts stay at their tables and tell the next round what the last one said.\n\nYour tables for each round appear on this page once the table plan is made.",
            start, start.AddHours(2), MeetingKind.InPerson,
            new MeetingPlace("City library, Kersnikova 2", "Reading room", true, true, true, "Tables are spread out; the reading room is on the ground floor."),
            null, 30, true), planned, process.Language, isDemo: true);
        db.Add(cafe);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(process.Id, LogActor.Named(city.Facilitator.DisplayName, "facilitator"), "meeting.planned", MeetingLogData.Of(cafe), cancellationToken);

        var attributes = MeetingAttributeSet.Parse("Stakeholder group\nResident | 70\nBusiness | 15\nVisitor | 15\n\nAge band\nUnder 30 | 25\n30 to 59 | 50\n60 or older | 25");
        var set = MeetingAttributeSet.For(cafe.Id);
        set.Set(attributes);
        db.Add(set);

        var names = new[] { "Alja", "Bor", "Cvetka", "Dejan", "Ema", "Filip", "Gaja", "Hana", "Igor", "Jana", "Klemen", "Lea", "Miha", "Neža" };
        var people = city.Citizens.Concat(names.Select((name, i) => new CocreoUser
        {
            UserName = $"cafe{i + 1}@demo.cocreo.invalid",
            NormalizedUserName = $"CAFE{i + 1}@DEMO.COCREO.INVALID",
            Email = $"cafe{i + 1}@demo.cocreo.invalid",
            NormalizedEmail = $"CAFE{i + 1}@DEMO.COCREO.INVALID",
            DisplayName = name,
            CreatedAt = planned,
            IsDemo = true,
            SecurityStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
        })).ToList();
        db.Users.AddRange(people.Skip(city.Citizens.Count));
        var registrations = people.Select((p, i) => MeetingRegistration.For(cafe.Id, p.Id, MeetingNeeds.None, hasPlace: true, planned.AddHours(3 * (i + 1)))).ToList();
        db.AddRange(registrations);
        await db.SaveChangesAsync(cancellationToken);

        // Answers: mostly residents, a few from business and visitors; young people under-represented; two said nothing.
        string[] groups = ["Resident", "Resident", "Business", "Resident", "Visitor", "Resident", "Resident", "Business", "Resident", "Visitor", "Resident", "Business"];
        string[] ages = ["30 to 59", "60 or older", "30 to 59", "60 or older", "Under 30", "30 to 59", "30 to 59", "60 or older"];
        for (var i = 0; i < registrations.Count - 2; i++)
        {
            var profile = MeetingProfile.For(cafe.Id, registrations[i].Id);
            profile.Set(new Dictionary<string, string> { ["Stakeholder group"] = groups[i % groups.Length], ["Age band"] = ages[i % ages.Length] });
            db.Add(profile);
        }
        await db.SaveChangesAsync(cancellationToken);

        // Its run sheet: a World Café of three rounds with a question each, so the table cards and itineraries show them.
        var sheet = Cocreo.Meetings.RunSheets.RunSheetTemplates.Create(Cocreo.Meetings.RunSheets.MeetingFormat.WorldCafe, new Cocreo.Meetings.RunSheets.FormatParameters
        {
            Start = new DateTimeOffset(DateTime.SpecifyKind(cafe.StartsAt, DateTimeKind.Utc)),
            TotalMinutes = (int)(cafe.EndsAt - cafe.StartsAt).TotalMinutes,
            Rounds = 3,
            RoundMinutes = 20,
            RoundQuestions = ["Who are the old town's streets for today?", "What should they be for in ten years?", "What could we change this year to get there?"],
            Language = "en",
        });
        db.Add(RunSheets.MeetingRunSheet.For(cafe.Id, sheet, planned));
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(process.Id, LogActor.Named(city.Facilitator.DisplayName, "facilitator"), "meeting.runsheet.created",
            new { meeting = cafe.Id, format = nameof(Cocreo.Meetings.RunSheets.MeetingFormat.WorldCafe), blocks = sheet.Blocks.Count, version = sheet.Version }, cancellationToken);

        var settings = new TablePlanSettings(4, 3, 8, registrations.Take(4).Select(r => (int?)r.Id).ToList(), ["Stakeholder group", "Age band"],
            [new BoundSetting("Stakeholder group", "Resident", 1, null)]);
        var (result, problems, _, present, _) = await ComputeTablePlan.PlanAsync(db, new MeetingProfiles(db), new ComputeTablePlan.Command(cafe.Id, settings, PlanBasis.Registered, 0), now, cancellationToken);
        if (result is null)
        {
            throw new InvalidOperationException("The demo's table plan cannot be computed: " + string.Join(" ", problems.Select(p => p.Message)));
        }
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(process.Id, LogActor.Named(city.Facilitator.DisplayName, "facilitator"), "meeting.tableplan",
            new { meeting = cafe.Id, people = present, absent = 0, tables = 4, rounds = 3, held = 0, repeatedMeetings = result.RepeatedMeetings, boundViolations = result.BoundViolations, provenOptimal = result.ProvenOptimal },
            cancellationToken);
    }
}
