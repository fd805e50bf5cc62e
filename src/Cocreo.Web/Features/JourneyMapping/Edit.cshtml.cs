using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The team describes the service and opens or closes the map to contributions; each change is logged.</summary>
public sealed class EditModel(JourneyDirectory directory, JourneyChanges changes, IStringLocalizer<JourneyText> t) : PageModel
{
    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    public JourneyView Journey { get; private set; } = null!;

    public sealed class ServiceInput
    {
        [Required(ErrorMessage = "Name the service whose journey you map.")]
        [StringLength(JourneyLimits.Name, ErrorMessage = "The name can have at most {1} characters.")]
        public string ServiceName { get; set; } = "";

        [StringLength(JourneyLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
        public string? ServiceDescription { get; set; }

        public bool IsOpen { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (journey, refusal) = await directory.LoadAsync(this, id, JourneyAction.Edit, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Journey = journey!;
        Input = new ServiceInput { ServiceName = Journey.Map.ServiceName, ServiceDescription = Journey.Map.ServiceDescription, IsOpen = Journey.Map.IsOpen };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var (journey, refusal) = await directory.LoadAsync(this, id, JourneyAction.Edit, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Journey = journey!;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await changes.RunAsync(id, User, JourneyAction.Edit, (change, _) =>
        {
            var map = change.Map;
            var description = (Input.ServiceDescription ?? "").Trim();
            if (map.ServiceName != Input.ServiceName.Trim() || map.ServiceDescription != description)
            {
                map.Describe(Input.ServiceName, description);
                change.Log("journey.described", new { journey = map.Id, service = map.ServiceName, description = map.ServiceDescription });
            }
            if (map.IsOpen != Input.IsOpen)
            {
                if (Input.IsOpen)
                {
                    map.Open();
                }
                else
                {
                    map.Close();
                }
                change.Log(Input.IsOpen ? "journey.opened" : "journey.closed", new { journey = map.Id });
            }
            return Task.CompletedTask;
        }, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        if (outcome.Result == ChangeResult.Broken)
        {
            ModelState.AddModelError("", t[JourneyRules.Message(outcome.RuleCode!)]);
            return Page();
        }
        TempData["Status"] = t["Your changes were saved and logged."].Value;
        return Redirect($"/journeys/{id}");
    }
}
