using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The journey maps of a renewal process; its team starts one for the service being renewed.</summary>
public sealed class IndexModel(
    CocreoDbContext db,
    ProcessDirectory processes,
    ProcessAccessReader accessReader,
    JourneyDirectory directory,
    ServiceSelection.ServiceSelectionDirectory chosenServices,
    ProcessLog log,
    SubmissionGuard submissions,
    TimeProvider clock,
    IStringLocalizer<JourneyText> t) : PageModel
{
    [BindProperty]
    public NewMapInput Input { get; set; } = new();

    public Process Process { get; private set; } = null!;
    public List<JourneyMap> Maps { get; private set; } = [];
    public bool CanCreate { get; private set; }

    /// <summary>The services the organisation chose to renew with Co-Serve: a journey map usually starts from one.</summary>
    public List<ServiceSelection.SelectedService> ChosenServices { get; private set; } = [];

    public sealed class NewMapInput
    {
        [Required(ErrorMessage = "Name the service whose journey you map.")]
        [StringLength(JourneyLimits.Name, ErrorMessage = "The name can have at most {1} characters.")]
        public string ServiceName { get; set; } = "";

        [StringLength(JourneyLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? ServiceDescription { get; set; }

        /// <summary>The Co-Serve service this map renews, if it starts from one.</summary>
        public int? SelectedServiceId { get; set; }

        public Guid SubmissionId { get; set; }
    }

    /// <param name="service">A service chosen in Co-Serve to start from: its name and description fill the form.</param>
    public async Task<IActionResult> OnGetAsync(int processId, int? service, CancellationToken cancellationToken)
    {
        Input.SubmissionId = Guid.NewGuid();
        var refusal = await LoadAsync(processId, JourneyAction.View, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
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

    public async Task<IActionResult> OnPostAsync(int processId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(processId, JourneyAction.Create, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (Input.SelectedServiceId is { } chosen && ChosenServices.All(c => c.Id != chosen))
        {
            ModelState.AddModelError("", t["This service was not chosen in Co-Serve by this organisation."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var path = await submissions.RunOnceAsync(Input.SubmissionId, async () =>
        {
            var map = JourneyMap.Start(Process.OrganisationId, processId, Input.ServiceName, Input.ServiceDescription ?? "",
                ContributionTokens.NewJoinCode(), JourneyNames.DefaultStages(t), JourneyNames.DefaultPainTags(t), clock.GetUtcNow().UtcDateTime);
            map.RenewsSelectedService(Input.SelectedServiceId);
            db.Add(map);
            // The map's id goes into the log entry, so the map is saved first (in the same transaction).
            await db.SaveChangesAsync(cancellationToken);
            await db.RetryOnConflictAsync(async ct =>
            {
                var process = await processes.FindForChangeAsync(processId, User.UserId(), ct);
                log.Append(process!, await LegacyChanges.ActorAsync(db, process!, User, ct), "journey.created", new
                {
                    journey = map.Id,
                    service = map.ServiceName,
                    selectedService = map.SelectedServiceId,
                    stages = map.AllStages.Select(s => s.Name).ToList(),
                    painTags = map.PainTags.Select(p => p.Name).ToList(),
                });
                await db.SaveChangesAsync(ct);
                return 0;
            }, cancellationToken);
            return $"/journeys/{map.Id}/stages";
        }, cancellationToken);
        TempData["Status"] = t["The journey map was created with the usual stages. Adjust them to the service."].Value;
        return Redirect(path);
    }

    private async Task<IActionResult?> LoadAsync(int processId, JourneyAction action, CancellationToken cancellationToken)
    {
        var process = await processes.FindAsync(processId, cancellationToken);
        if (process is null)
        {
            return NotFound();
        }
        Process = process;
        var access = await accessReader.ForAsync(User, process, cancellationToken);
        var subject = JourneySubject.Of(process, null);
        if (!JourneyPermissions.Allows(JourneyAction.View, subject, access))
        {
            return NotFound();
        }
        CanCreate = JourneyPermissions.Allows(JourneyAction.Create, subject, access);
        Maps = await directory.OfProcessAsync(processId, cancellationToken);
        ChosenServices = await chosenServices.ChosenServicesAsync(process.OrganisationId, cancellationToken);
        return JourneyPermissions.Allows(action, subject, access) ? null : this.Denied();
    }
}
