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
        ("meeting.harvest-published", "Published items of a meeting's harvest"),
        ("meeting.harvest-hidden", "Hid items of a meeting's harvest"),
        ("meeting.harvest-turned", "Turned a harvested item into a statement or a proposal"),
        ("meeting.report.published", "Published a meeting's report"),
        ("meeting.runsheet.created", "Made a meeting's run sheet from a format"),
        ("meeting.runsheet.edited", "Edited a meeting's run sheet"),
        ("meeting.runsheet.started", "Started a block of the run sheet"),
        ("meeting.runsheet.finished", "Finished a block of the run sheet"),
        ("meeting.runsheet.extended", "Changed the length of the running block"),
        ("meeting.runsheet.skipped", "Skipped a block of the run sheet"),
        ("meeting.runsheet.restored", "Brought back a skipped block"),
        ("meeting.attributes", "Set a meeting's attributes"),
        ("meeting.tableplan", "Computed a meeting's table plan"),
        ("meeting.grid.posted", "Posted a session onto the Open Space grid"),
        ("meeting.grid.moved", "Moved a session on the Open Space grid"),
        ("meeting.grid.withdrawn", "Withdrew a session from the Open Space grid"),
        ("meeting.grid.reported", "Wrote the report of an Open Space session"),
        ("meeting.grid.space-added", "Added a space to the Open Space grid"),
        ("meeting.grid.space-removed", "Removed a space from the Open Space grid"),
        ("meeting.harvesters.changed", "Changed who harvests a meeting"),
        ("meeting.grid.space-renamed", "Renamed a space of the Open Space grid"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MeetingOptions>(configuration.GetSection(MeetingOptions.Section));
        services.AddScoped<MeetingAccessReader>();
        services.AddScoped<MeetingQueue>();
        services.AddScoped<MeetingMail>();
        services.AddScoped<MeetingAttendance>();
        services.AddScoped<MeetingReminders>();
        services.AddScoped<MeetingNeedsRetention>();
        services.AddScoped<MeetingListing>();
        services.AddSingleton<MeetingCalendar>();
        services.AddHostedService<MeetingReminderService>();
        services.AddScoped<Accounts.IPersonalData, MeetingPersonalData>();
        services.AddScoped<Notifications.IFollowTargets, MeetingFollowTargets>();
        Harvest.HarvestServices.Add(services);
        Report.ReportServices.Add(services);
        RunSheets.RunSheetServices.AddRunSheets(services);
        services.AddScoped<Profiles.MeetingProfiles>();
        services.AddScoped<Accounts.IPersonalData, Profiles.ProfilePersonalData>();
        services.AddScoped<TablePlans.TablePlanReader>();
        services.TryAddScoped<TablePlans.ITableRoundQuestions, TablePlans.NoRoundQuestions>();
        OpenSpace.GridServices.Add(services);
        services.AddScoped<TablePlans.ITableRoundQuestions, TablePlans.RunSheetRoundQuestions>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapMeetingsApi();
}
