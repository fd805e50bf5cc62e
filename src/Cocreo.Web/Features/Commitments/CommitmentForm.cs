using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Organisations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cocreo.Web.Features.Commitments;

/// <summary>The fields of a commitment on the new and edit pages; the use cases check them again.</summary>
public sealed class CommitmentForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(CommitmentLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Say what will be done and why.")]
    [StringLength(CommitmentLimits.LongText, ErrorMessage = "This can have at most {1} characters.")]
    public string Description { get; set; } = "";

    public string? TaskholderUserId { get; set; }

    [StringLength(CommitmentLimits.Title, ErrorMessage = "This can have at most {1} characters.")]
    public string? Unit { get; set; }

    [Required(ErrorMessage = "Enter the deadline.")]
    public DateOnly? Deadline { get; set; }

    [StringLength(CommitmentLimits.Title, ErrorMessage = "This can have at most {1} characters.")]
    public string? BudgetLine { get; set; }

    [Range(0, 1_000_000_000_000, ErrorMessage = "The amount is a number from 0 to {2}.")]
    public decimal? BudgetAmount { get; set; }

    /// <summary>Milestones typed with a new commitment (empty rows are left out).</summary>
    public List<MilestoneRow> Milestones { get; set; } = [];

    public Guid SubmissionId { get; set; }

    public sealed class MilestoneRow
    {
        [StringLength(CommitmentLimits.Title, ErrorMessage = "This can have at most {1} characters.")]
        public string? Title { get; set; }

        public DateOnly? Date { get; set; }
    }

    public CommitmentContent Content() => new(Title, Description, TaskholderUserId, Unit, Deadline, BudgetLine, BudgetAmount);

    public static CommitmentForm Of(Commitment c) => new()
    {
        Title = c.Title, Description = c.Description, TaskholderUserId = c.TaskholderUserId, Unit = c.Unit, Deadline = c.Deadline,
        BudgetLine = c.BudgetLine, BudgetAmount = c.BudgetAmount,
    };

    /// <summary>The organisation's staff to choose a taskholder from, by name, and "nobody named" first.</summary>
    public static async Task<List<SelectListItem>> StaffOptionsAsync(int organisationId, OrganisationMembership organisations, People people, string noOne, CancellationToken cancellationToken)
    {
        var staff = await organisations.StaffOfAsync(organisationId, cancellationToken);
        var names = await people.NamesOfAsync(staff, cancellationToken);
        return staff.Select(s => new SelectListItem(names.GetValueOrDefault(s) ?? s, s)).OrderBy(i => i.Text, StringComparer.CurrentCulture)
            .Prepend(new SelectListItem(noOne, "")).ToList();
    }
}
