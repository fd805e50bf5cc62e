namespace Cocreo.Web.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Create the demo city once on start (default). Turn off in production: Demo__Enabled=false.</summary>
    public bool Enabled { get; set; } = true;
}

public static class DemoFeature
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddScoped<DemoSeeder>();
        if (builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>()?.Enabled ?? true)
        {
            builder.Services.AddHostedService<DemoStartup>();
        }
        return builder;
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
