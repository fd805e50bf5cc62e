using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Amendments;

/// <summary>An amendment as a list or its page shows it: its supports, whether the reader supports it, its author's name, how moderation shows it.</summary>
public sealed record AmendmentView(Amendment Amendment, int Supports, bool SupportedByReader, string AuthorName, ModerationStatus Moderation)
{
    /// <summary>Whether the reader sees its text: shown, or the reader wrote it or moderates it.</summary>
    public bool TextShownTo(AmendableSubject subject) =>
        Moderation.IsShown || subject.Moderates || (subject.Access.UserId is { } user && user == Amendment.AuthorUserId);
}

/// <summary>The reads of amendments for pages and the API: the amendments of a thing, one amendment, a thing's versions.</summary>
public sealed class AmendmentList(CocreoDbContext db, ModerationDirectory moderation, People people)
{
    /// <summary>The amendments of a thing, newest first; pending or hidden ones only for their author and the moderators.</summary>
    public async Task<IReadOnlyList<AmendmentView>> OfAsync(AmendableSubject subject, CancellationToken cancellationToken)
    {
        var amendments = await db.Set<Amendment>().AsNoTracking().Where(a => a.TargetKind == subject.Kind && a.TargetId == subject.Id)
            .OrderByDescending(a => a.ProposedAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        var views = await ViewsAsync(amendments, subject.Access.UserId, cancellationToken);
        return views.Where(v => !v.Moderation.IsPending || v.TextShownTo(subject)).ToList();
    }

    public async Task<AmendmentView> OneAsync(Amendment amendment, string? reader, CancellationToken cancellationToken) =>
        (await ViewsAsync([amendment], reader, cancellationToken))[0];

    private async Task<IReadOnlyList<AmendmentView>> ViewsAsync(IReadOnlyList<Amendment> amendments, string? reader, CancellationToken cancellationToken)
    {
        var ids = amendments.Select(a => a.Id).ToList();
        var supports = await db.Set<AmendmentSupport>().Where(s => ids.Contains(s.AmendmentId)).GroupBy(s => s.AmendmentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var mine = reader is null ? [] : (await db.Set<AmendmentSupport>().Where(s => ids.Contains(s.AmendmentId) && s.UserId == reader).Select(s => s.AmendmentId).ToListAsync(cancellationToken)).ToHashSet();
        var statuses = await moderation.StatusesAsync(AmendmentContents.Kind, ids, cancellationToken);
        var names = await people.NamesOfAsync(amendments.Select(a => a.AuthorUserId).Where(u => u.Length > 0).Distinct().ToList(), cancellationToken);
        return amendments.Select(a => new AmendmentView(a, supports.GetValueOrDefault(a.Id), mine.Contains(a.Id), names.GetValueOrDefault(a.AuthorUserId) ?? "",
            statuses.GetValueOrDefault(a.Id) ?? ModerationStatus.Shown)).ToList();
    }

    /// <summary>The amendment a proposal came from (the link back from a promoted amendment), or null.</summary>
    public Task<Amendment?> PromotedIntoAsync(int proposalId, CancellationToken cancellationToken) =>
        db.Set<Amendment>().AsNoTracking().FirstOrDefaultAsync(a => a.PromotedProposalId == proposalId, cancellationToken);

    public Task<Dictionary<string, string>> NamesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        people.NamesOfAsync(userIds.Where(u => !string.IsNullOrEmpty(u)).Distinct().ToList(), cancellationToken);
}
