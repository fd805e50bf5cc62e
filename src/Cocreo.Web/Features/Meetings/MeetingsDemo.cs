using Cocreo.Web.Features.Demo;

namespace Cocreo.Web.Features.Meetings;

/// <summary>The demo city's meetings (filled in below).</summary>
public sealed class MeetingsDemo : IDemoSeed
{
    public Task SeedAsync(DemoCity city, CancellationToken cancellationToken) => Task.CompletedTask;
}
