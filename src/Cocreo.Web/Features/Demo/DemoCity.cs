using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Demo;

/// <summary>A capability's part of the demo city (named by its manifest's <c>DemoSeed</c>), run once on first start.</summary>
public interface IDemoSeed
{
    Task SeedAsync(DemoCity city, CancellationToken cancellationToken);
}

/// <summary>
/// The demo city as the seeds share it: its organisation, its people, a log and a clock that walks forward so the
/// demo reads like a real history, and the processes earlier seeds created, by name, for later ones to build on.
/// </summary>
public sealed class DemoCity(int organisationId, CocreoUser sponsor, CocreoUser facilitator, CocreoUser librarian, IReadOnlyList<CocreoUser> citizens, DemoClock time, ProcessLog log)
{
    private readonly Dictionary<string, int> processes = [];

    public int OrganisationId => organisationId;

    /// <summary>The head of the mayor's office, who sponsors most processes.</summary>
    public CocreoUser Sponsor => sponsor;

    public CocreoUser Facilitator => facilitator;

    /// <summary>The director of the city library.</summary>
    public CocreoUser Librarian => librarian;

    /// <summary>Residents who take part; demo people cannot sign in.</summary>
    public IReadOnlyList<CocreoUser> Citizens => citizens;

    public DemoClock Time => time;

    /// <summary>The log, writing at the demo clock's time.</summary>
    public ProcessLog Log => log;

    public void Name(string name, int processId) => processes[name] = processId;

    public int Process(string name) => processes.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"The demo has no process called '{name}' (seeds run in the order of Capabilities.All).");
}

/// <summary>A clock for the demo that starts in the past and moves a little with every reading.</summary>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public DateTime Now => now.UtcDateTime;

    public void Advance(TimeSpan step) => now += step;

    public override DateTimeOffset GetUtcNow()
    {
        now += TimeSpan.FromSeconds(37);
        return now;
    }
}
