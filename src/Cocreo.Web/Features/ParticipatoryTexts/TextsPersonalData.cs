using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// A person's supports of text sections (their comments are the debate's part). Deleting the account deletes them:
/// a support without a person cannot stay unique per person, so the sections count one fewer.
/// </summary>
public sealed class TextsPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "participatory-texts";

    public override IReadOnlyCollection<string> Columns { get; } = ["TextSectionSupports.UserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        supportedSections = await db.Set<TextSectionSupport>().AsNoTracking().Where(s => s.UserId == userId)
            .Join(db.Set<TextSection>(), s => s.SectionId, x => x.Id, (s, x) => new { text = x.TextId, section = x.Id, number = x.Position, s.SupportedAt })
            .OrderBy(s => s.section).ToListAsync(cancellationToken),
    };

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken) =>
        db.RemoveRange(await db.Set<TextSectionSupport>().Where(s => s.UserId == userId).ToListAsync(cancellationToken));
}

/// <summary>Supports of a text's sections are participants' input (a process with them is archived, not deleted); comments are the debate's.</summary>
public sealed class TextsProcessActivity(CocreoDbContext db) : IProcessActivity
{
    public Task<string?> RunningAsync(int processId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<bool> AnythingSinceAsync(int processId, DateTime since, CancellationToken cancellationToken) =>
        Supports(processId).AnyAsync(s => s.SupportedAt > since, cancellationToken);

    public Task<bool> HasInputAsync(int processId, CancellationToken cancellationToken) => Supports(processId).AnyAsync(cancellationToken);

    private IQueryable<TextSectionSupport> Supports(int processId) =>
        db.Set<TextSectionSupport>().Where(s => db.Set<TextSection>().Any(x => x.Id == s.SectionId && db.Set<ParticipatoryText>().Any(t => t.Id == x.TextId && t.ProcessId == processId)));
}
