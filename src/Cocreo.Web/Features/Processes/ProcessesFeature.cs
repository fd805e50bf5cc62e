using Cocreo.Web.Features.Transparency;

namespace Cocreo.Web.Features.Processes;

public static class ProcessesFeature
{
    public static WebApplicationBuilder AddProcesses(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProcessDirectory>();
        builder.Services.AddScoped<ProcessAccessReader>();
        builder.Services.AddScoped<ProcessNotifications>();
        builder.Services.AddLogActions(typeof(ProcessText),
            ("process.created", "Started the process"),
            ("process.described", "Changed the description"),
            ("process.scope-changed", "Changed the scope"),
            ("process.visibility-changed", "Changed who can see the process"),
            ("phase.planned", "Planned a phase"),
            ("phase.advanced", "Moved to the next phase"),
            ("process.closed", "Closed the process"),
            ("member.joined", "Joined the process"),
            ("member.left", "Left the process"),
            ("member.role-changed", "Changed a member's role"),
            ("announcement.published", "Published an announcement"),
            ("translation.updated", "Updated a translation"));
        return builder;
    }

    public static WebApplication MapProcesses(this WebApplication app)
    {
        app.MapProcessesApi();
        return app;
    }
}
