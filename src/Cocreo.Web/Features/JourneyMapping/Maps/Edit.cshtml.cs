using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team describes the service and opens or closes the map to contributions; each change is logged.</summary>
public sealed class EditModel(JourneyAccessReader journeys, ChangeRunner changes, IStringLocalizer<JourneyText> t) : JourneyPage(journeys)
{
    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    public sealed class ServiceInput : ServiceForm
    {
        public bool IsOpen { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var map = (await OpenAsync(id, JourneyAction.Edit, cancellationToken)).Map;
        Input = new ServiceInput { ServiceName = map.ServiceName, ServiceDescription = map.ServiceDescription, IsOpen = map.IsOpen };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] DescribeJourney.Handler describe, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.Edit, cancellationToken);
        return await RunAsync(changes, describe, new DescribeJourney.Command(id, Input.ServiceName, Input.ServiceDescription ?? "", Input.IsOpen),
            t["Your changes were saved and logged."], $"/journeys/{id}", cancellationToken);
    }
}
