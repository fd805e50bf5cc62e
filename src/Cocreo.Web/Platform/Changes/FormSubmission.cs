using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Platform.Changes;

/// <summary>
/// A form carries a one-time submission id (rendered into the form on GET). The id is stored with the result of
/// the change it made (as JSON), in the same save, so a double click, a re-sent request, the Back button or a
/// browser retry makes the change once and gets the first result again.
/// </summary>
public sealed class FormSubmission
{
    public Guid Id { get; init; }

    /// <summary>The change's result as JSON.</summary>
    public string Result { get; set; } = "";

    public DateTime CreatedAt { get; init; }
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> submission)
    {
        submission.Property(s => s.Id).ValueGeneratedNever();
        submission.Property(s => s.Result).HasMaxLength(2000);
    }
}
