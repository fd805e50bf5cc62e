using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// Notifications: people follow a process, a budget or a proposal (and follow, until they stop, the processes they
/// are members of and the proposals they wrote); what happens to them reaches them in /notifications and by e-mail —
/// at once, in a daily or weekly digest, or not — with a one-click unsubscribe link. Notifications are made from the
/// processes' logs by a background fan-out, so other capabilities' changes do not know about them.
/// </summary>
public sealed class NotificationsCapability : Capability
{
    public override string Name => "notifications";

    public override Type Text => typeof(NotificationText);

    public override Type Permissions => typeof(NotificationPermissions);

    public override Type DemoSeed => typeof(NotificationsDemo);

    public override IReadOnlyList<PageSlot> Slots => [new(ProcessSlots.Links, typeof(FollowProcessViewComponent), Order: 10)];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddScoped<Following>();
        services.AddScoped<FollowChoices>();
        services.AddScoped<Accounts.IPersonalData, NotificationsPersonalData>();
        services.AddScoped<NotificationFanOut>();
        services.AddScoped<NotificationMail>();
        services.AddScoped<NotificationInbox>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddHostedService<NotificationFanOutService>();
        services.AddSingleton<NotificationDigestService>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationDigestService>());
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapNotificationsApi();
}
