using Cocreo.Web.Features.Organisations;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Assessments;

/// <summary>The link to the co-creation toolkit among the actions of an organisation's page.</summary>
public sealed class OrganisationToolkitViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(OrganisationView organisation) =>
        View("/Features/Assessments/Toolkit/_OrganisationToolkitLink.cshtml", organisation.Organisation.Id);
}
