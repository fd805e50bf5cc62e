using StackExchange.Redis;

namespace Cocreo.Web.Platform.Live;

/// <summary>
/// Live updates: SignalR, with its Redis backplane when <c>LiveUpdates:Redis</c> names a Redis server, which every
/// instance behind a load balancer must share. Without it updates reach only pages connected to the same instance,
/// which is right for one instance (the default, <c>dotnet run</c>).
/// </summary>
public static class LiveRegistration
{
    public const string RedisSetting = "LiveUpdates:Redis";

    public static IServiceCollection AddCocreoLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 4 * 1024;
            o.EnableDetailedErrors = false;
        });
        var redis = configuration[RedisSetting];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var channelPrefix = configuration["LiveUpdates:ChannelPrefix"] is { Length: > 0 } prefix ? prefix : "cocreo";
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(channelPrefix));
        }
        services.AddSingleton<LiveUpdates>();
        return services;
    }

    public static WebApplication MapCocreoLiveUpdates(this WebApplication app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }
}
