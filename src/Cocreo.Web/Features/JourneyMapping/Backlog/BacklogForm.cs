using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>What the team fills in for a renewal backlog item.</summary>
public sealed class BacklogForm
{
    [Required(ErrorMessage = "Give the change a title.")]
    [StringLength(JourneyLimits.Name, ErrorMessage = "The title can have at most {1} characters.")]
    public string Title { get; set; } = "";

    [StringLength(JourneyLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
    public string? Description { get; set; }

    public int? StageId { get; set; }

    [StringLength(JourneyLimits.Name, ErrorMessage = "The name can have at most {1} characters.")]
    public string? Owner { get; set; }

    public BacklogStatus Status { get; set; } = BacklogStatus.Proposed;

    public Guid SubmissionId { get; set; }

    public BacklogContent Content() => new(Title, Description ?? "", StageId, Owner ?? "", Status);

    public static BacklogForm From(BacklogItem item) => new()
    {
        Title = item.Title,
        Description = item.Description,
        StageId = item.StageId,
        Owner = item.Owner,
        Status = item.Status,
    };

    /// <summary>A stage must be one of the map's; a status one of the known ones. Each problem is an error on its field.</summary>
    public void Validate(JourneyMap map, ModelStateDictionary modelState, IStringLocalizer<JourneyText> t)
    {
        if (StageId is { } stage && !map.Stages.Any(s => s.Id == stage))
        {
            modelState.AddModelError($"Input.{nameof(StageId)}", t["Choose one of the journey's stages."]);
        }
        if (!Enum.IsDefined(Status))
        {
            modelState.AddModelError($"Input.{nameof(Status)}", t["Choose a status."]);
        }
    }
}
