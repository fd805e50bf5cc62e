using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Capabilities;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Demo;

/// <summary>
/// A living demo on first start: a demo city with its people, to which every capability adds its part (its
/// manifest's demo seed, in the order of <see cref="Capabilities"/>): processes in different phases, log entries,
/// reflections, journeys, assessments, budgets. Everything is marked as demo; demo people have no password and
/// cannot sign in.
/// </summary>
public sealed partial class DemoSeeder(CocreoDbContext db, TimeProvider clock, IEnumerable<Capability> capabilities, IServiceProvider services, ILogger<DemoSeeder> logger)
{
    public const string CityName = "Demo City (Demomesto)";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Set<Organisation>().AnyAsync(o => o.IsDemo, cancellationToken))
        {
            return;
        }
        // Log times walk forward from two months ago, so the demo reads like a real history.
        var time = new DemoClock(clock.GetUtcNow().AddDays(-60));
        var log = new ProcessLog(db, time);

        var sponsor = Person("Ana Kovač", "ana.kovac", time);
        var facilitator = Person("Marko Novak", "marko.novak", time);
        var librarian = Person("Nina Zupan", "nina.zupan", time);
        var citizens = new[] { "Luka", "Eva", "Jan", "Maja", "Tim", "Sara", "Žiga", "Lara", "Nejc", "Zala" }
            .Select((name, i) => Person(name, $"participant{i + 1}", time)).ToList();
        db.Users.AddRange([sponsor, facilitator, librarian, .. citizens]);

        var city = Organisation.Create(CityName, OrganisationType.Municipality, SizeBand.Medium, "SI", ["sl", "en"], time.Now, isDemo: true);
        city.AddMember(sponsor.Id, OrganisationRole.Administrator, time.Now);
        city.AddMember(facilitator.Id, OrganisationRole.Staff, time.Now);
        city.AddMember(librarian.Id, OrganisationRole.Staff, time.Now);
        // The demo city is listed like a real, verified organisation; the decision is in the administrators' log.
        city.Verify("Demo organisation", "Cocreo", time.Now);
        db.Add(city);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(AdministratorLogEntry.Record(null, "Cocreo", city, "organisation.verified", time.Now));
        await db.SaveChangesAsync(cancellationToken);

        var demo = new DemoCity(city.Id, sponsor, facilitator, librarian, citizens, time, log);
        foreach (var seed in capabilities.Select(c => c.DemoSeed).OfType<Type>())
        {
            await ((IDemoSeed)ActivatorUtilities.CreateInstance(services, seed)).SeedAsync(demo, cancellationToken);
        }
        LogSeeded(logger, CityName);
    }

    private static CocreoUser Person(string name, string handle, DemoClock time) => new()
    {
        UserName = $"{handle}@demo.cocreo.invalid",
        NormalizedUserName = $"{handle}@demo.cocreo.invalid".ToUpperInvariant(),
        Email = $"{handle}@demo.cocreo.invalid",
        NormalizedEmail = $"{handle}@demo.cocreo.invalid".ToUpperInvariant(),
        EmailConfirmed = false,
        DisplayName = name,
        CreatedAt = time.Now,
        IsDemo = true,
        SecurityStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        // Demo people have no password and are locked out for good: nobody can sign in as them.
        LockoutEnd = new DateTimeOffset(3000, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo organisation {Name} and its processes")]
    private static partial void LogSeeded(ILogger logger, string name);
}
