using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The journey maps of a renewal process; its team starts one for the service being renewed.</summary>
public sealed class IndexModel(
    JourneyAccessReader journeys,
    JourneyDirectory directory,
    ServiceSelection.ServiceSelectionDirectory chosenServices,
    ChangeRunner changes,
    IStringLocalizer<JourneyText> t) : PageModel
{
    [BindProperty]
    public NewMapInput Input { get; set; } = new();

    public Process Process { get; private set; } = null!;
    public List<JourneyMap> Maps { get; private set; } = [];
    public bool CanCreate { get; private set; }

    /// <summary>The services the organisation chose to renew with Co-Serve: a journey map usually starts from one.</summary>
    public List<ServiceSelection.SelectedService> ChosenServices { get; private set; } = [];

    public sealed class NewMapInput : ServiceForm
    {
        /// <summary>The Co-Serve service this map renews, if it starts from one.</summary>
        public int? SelectedServiceId { get; set; }

        public Guid SubmissionId { get; set; }
    }

    /// <param name="service">A service chosen in Co-Serve to start from: its name and description fill the form.</param>
    public async Task<IActionResult> OnGetAsync(int processId, int? service, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, JourneyAction.View, cancellationToken);
        Input.SubmissionId = Guid.NewGuid();
        // The service chosen for this very process is the obvious start; another can be picked from the list.
        var start = ChosenServices.FirstOrDefault(c => c.Id == service)
            ?? (service is null ? ChosenServices.FirstOrDefault(c => c.ProcessId == processId) : null);
        if (start is not null)
        {
            Input.ServiceName = start.Name;
            Input.ServiceDescription = start.Description;
            Input.SelectedServiceId = start.Id;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, [FromServices] StartJourney.Handler start, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, JourneyAction.Create, cancellationToken);
        if (Input.SelectedServiceId is { } chosen && ChosenServices.All(c => c.Id != chosen))
        {
            ModelState.AddModelError("", t["This service was not chosen in Co-Serve by this organisation."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var mapId = await changes.RunAsync(start, new StartJourney.Command(processId, Input.ServiceName, Input.ServiceDescription ?? "", Input.SelectedServiceId, Input.SubmissionId), cancellationToken);
        return this.Done(t["The journey map was created with the usual stages. Adjust them to the service."], $"/journeys/{mapId}/stages");
    }

    private async Task LoadAsync(int processId, JourneyAction action, CancellationToken cancellationToken)
    {
        var view = await journeys.ReadProcessAsync(processId, User, action, cancellationToken);
        Process = view.Process;
        CanCreate = JourneyPermissions.Allows(JourneyAction.Create, JourneySubject.Of(Process, null), view.Access);
        Maps = await directory.OfProcessAsync(processId, cancellationToken);
        ChosenServices = await chosenServices.ChosenServicesAsync(Process.OrganisationId, cancellationToken);
    }
}
