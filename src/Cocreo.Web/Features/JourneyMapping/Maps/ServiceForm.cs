using System.ComponentModel.DataAnnotations;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The service a journey map is about, as the team writes it when starting the map and when changing it.</summary>
public abstract class ServiceForm
{
    [Required(ErrorMessage = "Name the service whose journey you map.")]
    [StringLength(JourneyLimits.Name, ErrorMessage = "The name can have at most {1} characters.")]
    public string ServiceName { get; set; } = "";

    [StringLength(JourneyLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
    public string? ServiceDescription { get; set; }
}
