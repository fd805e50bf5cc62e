using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Processes;

/// <summary>An organisation's processes, in a section of its page.</summary>
public sealed class OrganisationProcessesViewComponent(ProcessDirectory directory) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(OrganisationView organisation) =>
        View("/Features/Processes/_OrganisationProcesses.cshtml",
            await directory.OfOrganisationAsync(organisation.Organisation.Id, Cultures.Current, HttpContext.RequestAborted));
}
