using System.ComponentModel.DataAnnotations;

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

    /// <summary>A stage must be one of the map's; a status one of the known ones.</summary>
    public IEnumerable<(string Field, string Message)> Problems(JourneyMap map)
    {
        if (StageId is { } stage && !map.Stages.Any(s => s.Id == stage))
        {
            yield return (nameof(StageId), "Choose one of the journey's stages.");
        }
        if (!Enum.IsDefined(Status))
        {
            yield return (nameof(Status), "Choose a status.");
        }
    }
}
