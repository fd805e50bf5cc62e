using Cocreo.Web.Data;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// The demo city's processes: a safer way to school, in solution design with reflections and a translation, and the
/// library's renewal, in implementation (named "library" for the toolkit's and Co-Renew's parts of the demo), and
/// last winter's gritting plan, closed and archived.
/// </summary>
public sealed class ProcessesDemo(CocreoDbContext db) : IDemoSeed
{
    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        await SchoolRouteAsync(city, cancellationToken);
        await LibraryAsync(city, cancellationToken);
        await ArchivedAsync(city, cancellationToken);
    }

    private async Task SchoolRouteAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var (cityId, sponsor, facilitator, citizens, log, time) = (city.OrganisationId, city.Sponsor, city.Facilitator, city.Citizens, city.Log, city.Time);
        var process = Process.Start(cityId, new ProcessContent(
            "A safer way to school",
            "Parents and children in the Vrtača district say the walk to the primary school is dangerous: cars park on the pavement, two crossings have no lights, and in winter the path by the stream is dark. Fewer children walk or cycle each year.",
            "Together with children, parents, teachers and neighbours, define what makes the way to school unsafe and design changes the municipality will build in next year's budget.",
            "en",
            "Ana Kovač, Head of the Mayor's Office",
            "The Mayor's Office can commit up to **€180,000** from the 2027 traffic-safety budget and can change parking rules in the district.",
            "The city council unanimously backed the process on 12 March (decision 45/2026) and agreed to adopt its recommendations unless they break the law."),
            ProcessVisibility.Public, time.Now, isDemo: true);
        process.SetScope(
            ["Where crossings, lights and speed bumps go", "Parking rules around the school", "The route and lighting of the stream path", "How children are involved in testing the changes"],
            ["The location of the school", "The city's total traffic budget", "State roads (they belong to the national agency)"]);
        process.PlanPhase(PolicyPhase.ProblemDefinition, DateOnly.FromDateTime(time.Now), DateOnly.FromDateTime(time.Now.AddDays(30)));
        process.PlanPhase(PolicyPhase.SolutionDesign, DateOnly.FromDateTime(time.Now.AddDays(31)), DateOnly.FromDateTime(time.Now.AddDays(90)));
        process.PlanPhase(PolicyPhase.Implementation, DateOnly.FromDateTime(time.Now.AddDays(91)), DateOnly.FromDateTime(time.Now.AddDays(270)));
        process.PlanPhase(PolicyPhase.Evaluation, DateOnly.FromDateTime(time.Now.AddDays(271)), DateOnly.FromDateTime(time.Now.AddDays(330)));
        process.Join(sponsor.Id, ProcessRole.Owner, time.Now);
        process.Join(facilitator.Id, ProcessRole.Facilitator, time.Now);
        db.Add(process);
        await db.SaveChangesAsync(cancellationToken);

        await log.AppendAsync(process.Id, LogActor.Named(sponsor.DisplayName, "owner"), "process.created", new { title = process.Title, canInfluence = process.CanInfluence, cannotInfluence = process.CannotInfluence, sponsor = process.SponsorName, visibility = "Public", phase = "ProblemDefinition" });
        time.Advance(TimeSpan.FromHours(3));
        await log.AppendAsync(process.Id, LogActor.Named(sponsor.DisplayName, "owner"), "phase.planned", new { phase = "SolutionDesign", plannedStart = process.Phases[1].PlannedStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        time.Advance(TimeSpan.FromHours(5));
        await log.AppendAsync(process.Id, LogActor.Named(sponsor.DisplayName, "owner"), "member.role-changed", new { member = facilitator.DisplayName, from = (string?)null, to = "facilitator" });
        foreach (var citizen in citizens.Take(8))
        {
            time.Advance(TimeSpan.FromHours(7));
            process.Join(citizen.Id, ProcessRole.Participant, time.Now);
            await log.AppendAsync(process.Id, LogActor.Private("participant"), "member.joined", new { role = "participant" });
        }
        time.Advance(TimeSpan.FromDays(2));
        process.Translate("sl", new ProcessTranslationContent(
            "Varnejša pot v šolo",
            "Starši in otroci iz soseske Vrtača pravijo, da je pot do osnovne šole nevarna: avtomobili parkirajo na pločniku, dva prehoda nimata semaforja, pot ob potoku pa je pozimi temna. Vsako leto gre peš ali s kolesom manj otrok.",
            "Skupaj z otroki, starši, učitelji in sosedi opredelimo, kaj naredi pot v šolo nevarno, in oblikujemo spremembe, ki jih bo občina zgradila v proračunu za prihodnje leto.",
            ["Kje bodo prehodi, semaforji in grbine", "Pravila parkiranja okoli šole", "Potek in osvetlitev poti ob potoku", "Kako otroci sodelujejo pri preizkušanju sprememb"],
            ["Lokacija šole", "Skupni proračun občine za promet", "Državne ceste (so v pristojnosti državne agencije)"],
            "Županov urad (Ana Kovač, vodja urada)",
            "Županov urad lahko nameni do **180.000 €** iz proračuna za prometno varnost 2027 in lahko spremeni pravila parkiranja v soseski.",
            "Mestni svet je proces soglasno podprl 12. marca (sklep 45/2026) in se zavezal, da bo sprejel njegova priporočila, razen če bi bila v nasprotju z zakonom."));
        await log.AppendAsync(process.Id, LogActor.Named(facilitator.DisplayName, "facilitator"), "translation.updated", new { language = "sl", title = "Varnejša pot v šolo" });
        time.Advance(TimeSpan.FromDays(3));
        var walk = new Announcement
        {
            ProcessId = process.Id,
            Title = "Walk-along on Saturday",
            Body = "Join us on **Saturday at 9:00** at the school gate: we will walk the routes with the children and mark every place where they feel unsafe. Bring a phone to take photos.",
            Language = process.Language,
            AuthorUserId = facilitator.Id,
            PublishedAt = time.Now,
        };
        db.Add(walk);
        await log.AppendAsync(process.Id, LogActor.Named(facilitator.DisplayName, "facilitator"), "announcement.published", new { title = "Walk-along on Saturday" });
        walk.Translate("sl", "Skupni sprehod v soboto",
            "Pridružite se nam v **soboto ob 9.00** pred šolskimi vrati: z otroki bomo prehodili poti in označili vsako mesto, kjer se ne počutijo varno. Vzemite s seboj telefon za fotografije.");
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(process.Id, LogActor.Named(facilitator.DisplayName, "facilitator"), "announcement.translated", new { announcement = walk.Id, language = "sl", title = "Skupni sprehod v soboto" });
        time.Advance(TimeSpan.FromDays(4));
        await log.AppendAsync(process.Id, LogActor.Named(facilitator.DisplayName, "facilitator"), "reflection.added", new
        {
            kind = "reflection",
            title = "The children saw what we missed",
            text = "On the walk-along the children took us to a shortcut through the car park that no adult had mentioned. It is the route most of them use. We added it to the map of problem spots.",
            phase = "ProblemDefinition",
        });
        time.Advance(TimeSpan.FromDays(20));
        process.AdvancePhase(time.Now);
        await log.AppendAsync(process.Id, LogActor.Named(sponsor.DisplayName, "owner"), "phase.advanced", new { from = "ProblemDefinition", to = "SolutionDesign" });
        time.Advance(TimeSpan.FromDays(2));
        await log.AppendAsync(process.Id, LogActor.Named(sponsor.DisplayName, "owner"), "reflection.added", new
        {
            kind = "learning",
            title = "Start with the stream path",
            text = "We planned to start with parking, but the problem definition showed the dark stream path worries parents most. We changed the order of the design workshops.",
            phase = "SolutionDesign",
        });
        await db.SaveChangesAsync(cancellationToken);
        await WorkshopAsync(city, process, cancellationToken);
    }

    /// <summary>A design workshop where two residents registered on site through the facilitator's code (workshop mode).</summary>
    private async Task WorkshopAsync(DemoCity city, Process process, CancellationToken cancellationToken)
    {
        var (facilitator, log, time) = (city.Facilitator, city.Log, city.Time);
        time.Advance(TimeSpan.FromDays(1));
        var workshop = WorkshopSession.Start(process.Id, time.Now, 3, 40);
        db.Add(workshop);
        await log.AppendAsync(process.Id, LogActor.Named(facilitator.DisplayName, "facilitator"), "workshop.started", new { hours = 3, maxPeople = 40 });
        foreach (var citizen in city.Citizens.Skip(8))
        {
            time.Advance(TimeSpan.FromMinutes(12));
            process.Join(citizen.Id, ProcessRole.Participant, time.Now);
            workshop.Count();
            await log.AppendAsync(process.Id, LogActor.Private("participant"), "member.joined", new { role = "participant", through = "workshop" });
        }
        time.Advance(TimeSpan.FromHours(2));
        workshop.End(time.Now);
        await log.AppendAsync(process.Id, LogActor.Named(facilitator.DisplayName, "facilitator"), "workshop.ended", new { registered = workshop.Registered });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task LibraryAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var (cityId, owner, facilitator, citizens, log, time) = (city.OrganisationId, city.Librarian, city.Facilitator, city.Citizens, city.Log, city.Time);
        var process = Process.Start(cityId, new ProcessContent(
            "Renewing the library's services",
            "The city library's visits fell by a third in five years, while young families and older people say they lack a place to meet, learn and get help with digital services.",
            "Redesign the library's services with their users; the renewed services are now being put in place and tested.",
            "en",
            "Nina Zupan, Director of the City Library",
            "The library can change its opening hours, services and the use of its rooms, within its yearly budget.",
            "Backed by the council's culture committee."),
            ProcessVisibility.Public, time.Now, isDemo: true);
        process.SetScope(
            ["Opening hours", "New services (digital help desk, family corner)", "How the rooms are used"],
            ["The library building", "Staff numbers"]);
        process.Join(owner.Id, ProcessRole.Owner, time.Now);
        process.Join(facilitator.Id, ProcessRole.Facilitator, time.Now);
        db.Add(process);
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(process.Id, LogActor.Named(owner.DisplayName, "owner"), "process.created", new { title = process.Title, visibility = "Public", phase = "ProblemDefinition" });
        foreach (var citizen in citizens.Skip(3))
        {
            time.Advance(TimeSpan.FromHours(5));
            process.Join(citizen.Id, ProcessRole.Participant, time.Now);
            await log.AppendAsync(process.Id, LogActor.Private("participant"), "member.joined", new { role = "participant" });
        }
        foreach (var (from, to) in new[] { ("ProblemDefinition", "SolutionDesign"), ("SolutionDesign", "Implementation") })
        {
            time.Advance(TimeSpan.FromDays(6));
            process.AdvancePhase(time.Now);
            await log.AppendAsync(process.Id, LogActor.Named(owner.DisplayName, "owner"), "phase.advanced", new { from, to });
        }
        time.Advance(TimeSpan.FromDays(1));
        await log.AppendAsync(process.Id, LogActor.Named(facilitator.DisplayName, "facilitator"), "reflection.added", new
        {
            kind = "learning",
            title = "Evening hours matter more than weekends",
            text = "We expected families to ask for Sunday opening. In the design workshops working parents asked for evenings instead. The pilot opens until 21:00 on Tuesdays and Thursdays.",
            phase = "Implementation",
        });
        await db.SaveChangesAsync(cancellationToken);
        city.Name("library", process.Id);
    }

    /// <summary>A finished process, archived: read-only, still public with its log.</summary>
    private async Task ArchivedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var (owner, log, time) = (city.Sponsor, city.Log, city.Time);
        var process = Process.Start(city.OrganisationId, new ProcessContent(
            "Winter road gritting plan 2025/26",
            "Residents of the hillside streets said their streets were gritted last, after the buses had stopped running.",
            "Agree with residents which streets are gritted first; the plan was used last winter and evaluated in spring.",
            "en",
            "Mayor's office",
            "The order in which streets are gritted and cleared, within the winter service contract.",
            "Decided by the mayor after the council's approval of the winter service budget."),
            ProcessVisibility.Public, time.Now, isDemo: true);
        process.Join(owner.Id, ProcessRole.Owner, time.Now);
        db.Add(process);
        await db.SaveChangesAsync(cancellationToken);
        var actor = LogActor.Named(owner.DisplayName, "owner");
        await log.AppendAsync(process.Id, actor, "process.created", new { title = process.Title, visibility = "Public", phase = "ProblemDefinition" });
        foreach (var (from, to) in new (string, string?)[] { ("ProblemDefinition", "SolutionDesign"), ("SolutionDesign", "Implementation"), ("Implementation", "Evaluation"), ("Evaluation", null) })
        {
            time.Advance(TimeSpan.FromDays(3));
            process.AdvancePhase(time.Now);
            await log.AppendAsync(process.Id, actor, "phase.advanced", new { from, to });
        }
        time.Advance(TimeSpan.FromDays(1));
        process.Archive(time.Now);
        await log.AppendAsync(process.Id, actor, "process.archived");
        await db.SaveChangesAsync(cancellationToken);
    }
}
