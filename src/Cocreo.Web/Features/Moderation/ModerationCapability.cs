using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Moderation;

/// <summary>Moderation settings, bound from <c>Moderation</c>.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>Reports from this many different people hide an item until the moderators look at it; 0 never hides automatically.</summary>
    public int HideAfterReports { get; set; } = 3;
}

/// <summary>
/// Moderation of what people post, for every capability: reports with a reason (one per person and item), a queue
/// per process for its team, hiding with a public reason shown in place, showing again, automatic hiding after
/// several reports until the team looks, and the texts authors replaced, kept for the moderators. A capability with
/// content registers an <see cref="IModeratedContent"/> and adds the report form and the notice to its pages.
/// </summary>
public sealed class ModerationCapability : Capability
{
    public override string Name => "moderation";

    public override Type Text => typeof(ModerationText);

    public override Type Permissions => typeof(ModerationPermissions);

    public override IReadOnlyList<PageSlot> Slots =>
    [
        new(ProcessSlots.Links, typeof(ProcessModerationViewComponent), Order: 90),
        new(Organisations.OrganisationSlots.Links, typeof(OrganisationModerationViewComponent), Order: 90),
    ];

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("content.reported", "Reported something to the moderators"),
        ("content.hidden-by-reports", "Hid something reported by several people, until the moderators look at it"),
        ("content.hidden", "Hid something, with a public reason"),
        ("content.shown", "Showed something hidden again"),
        ("content.reports-dismissed", "Kept something reported and answered its reports"),
        ("content.held", "Held something new for the moderators (pre-moderation)"),
        ("content.published", "Published something that waited for the moderators"),
        ("moderation.settings-changed", "Changed how the process is moderated"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ModerationOptions>(configuration.GetSection(ModerationOptions.Section));
        services.AddScoped<ModerationAccess>();
        services.AddScoped<ModerationDirectory>();
        services.AddScoped<Accounts.IPersonalData, ModerationPersonalData>();
    }
}
