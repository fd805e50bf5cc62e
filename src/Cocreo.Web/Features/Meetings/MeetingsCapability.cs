using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cocreo.Web.Features.Meetings;

/// <summary>
/// Meetings in a process: in a room (with its accessibility), online or both; registration with needs, a waiting
/// list, reminders, calendar files, check-in at the door by QR code or from a list, and the attendance.
/// </summary>
public sealed class MeetingsCapability : Capability
{
    public override string Name => "meetings";

    public override Type Text => typeof(MeetingText);

    public override Type Permissions => typeof(MeetingPermissions);

    public override Type DemoSeed => typeof(MeetingsDemo);

    public override IReadOnlyList<PageSlot> Slots => [new(ProcessSlots.Links, typeof(ProcessMeetingsViewComponent))];

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("meeting.planned", "Planned a meeting"),
        ("meeting.changed", "Changed a meeting"),
        ("meeting.cancelled", "Cancelled a meeting"),
        ("meeting.attendance", "Recorded a meeting's attendance"),
        ("meeting.attributes", "Set a meeting's attributes"),
        ("meeting.tableplan", "Computed a meeting's table plan"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MeetingOptions>(configuration.GetSection(MeetingOptions.Section));
        services.AddScoped<MeetingAccessReader>();
        services.AddScoped<MeetingQueue>();
        services.AddScoped<MeetingMail>();
        services.AddScoped<MeetingAttendance>();
        services.AddScoped<MeetingReminders>();
        services.AddScoped<MeetingListing>();
        services.AddSingleton<MeetingCalendar>();
        services.AddHostedService<MeetingReminderService>();
        services.AddScoped<Accounts.IPersonalData, MeetingPersonalData>();
        services.AddScoped<Profiles.MeetingProfiles>();
        services.AddScoped<Accounts.IPersonalData, Profiles.ProfilePersonalData>();
        services.AddScoped<TablePlans.TablePlanReader>();
        services.TryAddScoped<TablePlans.ITableRoundQuestions, TablePlans.NoRoundQuestions>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapMeetingsApi();
}
