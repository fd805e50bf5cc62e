using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Microsoft.AspNetCore.Mvc;
using Cocreo.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Moderation;

/// <summary>On the organisation's page, the link to its moderation queue (with what waits), for those who moderate any of its processes.</summary>
public sealed class OrganisationModerationViewComponent(ModerationAccess access, CocreoDbContext db, IStringLocalizer<ModerationText> t) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(OrganisationView organisation)
    {
        var id = organisation.Organisation.Id;
        var processes = await access.ModeratedProcessesAsync(id, HttpContext.User, HttpContext.RequestAborted);
        if (processes.Count == 0 && !organisation.Access.IsPlatformAdmin && organisation.Access.Role != OrganisationRole.Administrator)
        {
            return Content("");
        }
        var ids = processes.Keys.ToList();
        var waiting = await db.Set<ModerationCase>().CountAsync(c => ids.Contains(c.ProcessId) && (c.OpenReports > 0 || c.State == ModerationState.AwaitingReview || c.State == ModerationState.AwaitingApproval), HttpContext.RequestAborted);
        var text = waiting > 0 ? $"{t["Moderation"]} ({t.Plural("{0, plural, one {# item waits} other {# items wait}}", waiting)})" : t["Moderation"].Value;
        return new Microsoft.AspNetCore.Mvc.ViewComponents.HtmlContentViewComponentResult(new Microsoft.AspNetCore.Html.HtmlContentBuilder()
            .AppendHtml($"<a href=\"/organisations/{id}/moderation\">").Append(text).AppendHtml("</a>"));
    }
}
