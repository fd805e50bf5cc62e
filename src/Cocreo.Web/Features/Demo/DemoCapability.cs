using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Create the demo city once on start (default). Turn off in production: Demo__Enabled=false.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>The demo city: created once on first start from every capability's demo seed (turn off with Demo__Enabled=false).</summary>
public sealed class DemoCapability : Capability
{
    public override string Name => "demo";

    public override Type Text => typeof(Platform.Localization.SharedText);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.AddScoped<DemoSeeder>();
        if (configuration.GetSection(DemoOptions.Section).Get<DemoOptions>()?.Enabled ?? true)
        {
            services.AddHostedService<DemoStartup>();
        }
    }

    /// <summary>Seeds the demo when the app starts, after the database is migrated (DatabaseStartup runs before it).</summary>
    private sealed class DemoStartup(IServiceScopeFactory scopes) : IHostedLifecycleService
    {
        public async Task StartingAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
