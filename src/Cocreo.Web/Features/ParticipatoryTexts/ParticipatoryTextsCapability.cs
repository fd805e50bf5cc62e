using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// Participatory texts (docs/participatory-texts.md): the team imports a draft (Markdown or .docx) split into
/// numbered sections and articles, reviews it and publishes it; people read it section by section, comment on a
/// section (the debate, kind <c>text-section</c>) and support it; the team publishes new versions with a public note,
/// each comparable with any other, and the text with its history is exported as Markdown, HTML and PDF.
/// </summary>
public sealed class ParticipatoryTextsCapability : Capability
{
    public override string Name => "participatory-texts";

    public override Type Text => typeof(ParticipatoryTextsText);

    public override Type Permissions => typeof(TextPermissions);

    public override Type DemoSeed => typeof(ParticipatoryTextsDemo);

    public override IReadOnlyList<PageSlot> Slots => [new(ProcessSlots.Links, typeof(ProcessTextsViewComponent), Order: 25)];

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("text.created", "Imported the draft of a participatory text"),
        ("text.draft-imported", "Imported a new working draft of a participatory text"),
        ("text.published", "Published a version of a participatory text"),
        ("text.closed", "Closed a participatory text"),
        ("text.reopened", "Reopened a participatory text"),
        ("text-section.supported", "Supported a section of a participatory text"),
        ("text-section.support-withdrawn", "Withdrew their support of a section of a participatory text"),
        ("text-section.commented", "Commented on a section of a participatory text"),
        ("text-section.comment-edited", "Edited their comment on a section of a participatory text"),
        ("text-section.comment-deleted", "Deleted their comment on a section of a participatory text"),
        ("text-section.versioned", "An accepted amendment changed a section of a participatory text's working draft"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TextAccess>();
        services.AddScoped<TextExports>();
        services.AddScoped<TextAmendments>();
        services.AddScoped<Debate.IDebateTargets, TextSectionDebateTargets>();
        services.AddScoped<Amendments.IAmendmentTargets, TextSectionAmendmentTargets>();
        services.AddScoped<Accounts.IPersonalData, TextsPersonalData>();
        services.AddScoped<IProcessActivity, TextsProcessActivity>();
        services.AddScoped<Notifications.IFollowTargets, TextFollowTargets>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapTextsApi();
}

/// <summary>The link to a process's participatory texts on the process page: once one is published, and always for the team.</summary>
public sealed class ProcessTextsViewComponent(TextAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ProcessView process)
    {
        var shown = process.Can(ProcessAction.Edit) || await access.AnyPublishedAsync(process.Process.Id, HttpContext.RequestAborted);
        return shown ? View("/Features/ParticipatoryTexts/_ProcessLink.cshtml", process.Process.Id) : Content("");
    }
}
