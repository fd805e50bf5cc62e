using Cocreo.Web.Data;
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

public sealed class SubmissionGuard(CocreoDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="create"/> once per submission id, in one transaction with the record of the submission.
    /// <paramref name="create"/> saves its changes and returns the path of what it created. A repeated submission
    /// returns the first one's path without running <paramref name="create"/> again.
    /// </summary>
    public async Task<string> RunOnceAsync(Guid submissionId, Func<Task<string>> create, CancellationToken cancellationToken = default)
    {
        if (submissionId == Guid.Empty)
        {
            submissionId = Guid.NewGuid();
        }
        var earlier = await EarlierResultAsync(submissionId, cancellationToken);
        if (earlier is not null)
        {
            return earlier;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var submission = new FormSubmission { Id = submissionId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(submission);
        try
        {
            // Claims the id first: a parallel duplicate waits on the unique key here, then fails.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await EarlierResultAsync(submissionId, cancellationToken) ?? "/";
        }
        var path = await create();
        if (db.Entry(submission).State == EntityState.Detached)
        {
            // create() may have cleared the change tracker to retry a conflicting change.
            db.Attach(submission);
        }
        submission.Result = System.Text.Json.JsonSerializer.Serialize(path);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return path;
    }

    private async Task<string?> EarlierResultAsync(Guid submissionId, CancellationToken cancellationToken) =>
        await db.Set<FormSubmission>().AsNoTracking()
            .Where(s => s.Id == submissionId)
            .Select(s => s.Result)
            .SingleOrDefaultAsync(cancellationToken) is { } json ? System.Text.Json.JsonSerializer.Deserialize<string>(json) : null;
}
