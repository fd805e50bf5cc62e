using System.ComponentModel.DataAnnotations;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>What a harvester types on the phone: what it is, the text and an optional label.</summary>
public sealed class HarvestInput
{
    public HarvestKind Kind { get; set; } = HarvestKind.Note;

    [Required(ErrorMessage = "Write what was said.")]
    [StringLength(HarvestLimits.Text, ErrorMessage = "The text can have at most {1} characters.")]
    public string? Text { get; set; }

    [StringLength(HarvestLimits.Label, ErrorMessage = "The label can have at most {1} characters.")]
    public string? Label { get; set; }

    public int? BlockId { get; set; }
}
