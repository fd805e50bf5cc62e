using System.Globalization;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Amendments;

/// <summary>An amendment as a list or its page shows it: its supports, whether the reader supports it, its author's name, how moderation shows it.</summary>
public sealed record AmendmentView(Amendment Amendment, int Supports, bool SupportedByReader, string AuthorName, ModerationStatus Moderation)
{
    /// <summary>Whether the reader sees its text: shown, or the reader wrote it or moderates it.</summary>
    public bool TextShownTo(AmendableSubject subject) =>
        Moderation.IsShown || subject.Moderates || (subject.Access.UserId is { } user && user == Amendment.AuthorUserId);
}

/// <summary>A page of a thing's amendments: the amendments shown and the cursor of the next page (null on the last).</summary>
public sealed record AmendmentPage(IReadOnlyList<AmendmentView> Items, string? Next);

/// <summary>An accepted amendment as another capability lists it: its id and target, amended title, why (its author's explanation), the decider's reason, when, its page.</summary>
public sealed record AcceptedAmendment(int Id, int TargetId, string Title, string Explanation, string Reason, DateTime DecidedAt, string Link);

/// <summary>The reads of amendments for pages and the API: the amendments of a thing, one amendment, a thing's versions.</summary>
public sealed class AmendmentList(CocreoDbContext db, ModerationDirectory moderation, People people)
{
    /// <summary>Amendments shown on a page of the list.</summary>
    public const int PageSize = 20;

    /// <summary>
    /// A page of the amendments of a thing, newest first (<see cref="PageSize"/> a page): keyset paging on
    /// (proposed at, id) after the cursor <paramref name="after"/> (the last one's, <see cref="AmendmentPage.Next"/>),
    /// on the index (target, proposed at, id), so every page costs the same and each amendment is shown once across
    /// pages while people propose more. Amendments waiting for the moderators only for their author and the moderators.
    /// A cursor that cannot be read is refused (422).
    /// </summary>
    public async Task<AmendmentPage> PageAsync(AmendableSubject subject, string? after, CancellationToken cancellationToken, int pageSize = PageSize)
    {
        (DateTime At, int Id)? cursor = after is null ? null : Cursor(after);
        var all = db.Set<Amendment>().AsNoTracking().Where(a => a.TargetKind == subject.Kind && a.TargetId == subject.Id);
        var shown = new List<AmendmentView>();
        // One more than a page tells whether a next page exists; amendments the reader may not see yet are skipped and read on.
        while (shown.Count <= pageSize)
        {
            var want = pageSize + 1 - shown.Count;
            var rest = all;
            if (cursor is { } from)
            {
                var (fromAt, fromId) = from;
                rest = all.Where(a => a.ProposedAt < fromAt || (a.ProposedAt == fromAt && a.Id < fromId));
            }
            var batch = await rest.OrderByDescending(a => a.ProposedAt).ThenByDescending(a => a.Id).Take(want).ToListAsync(cancellationToken);
            foreach (var view in await ViewsAsync(batch, subject.Access.UserId, cancellationToken))
            {
                cursor = (view.Amendment.ProposedAt, view.Amendment.Id);
                if (!view.Moderation.IsPending || view.TextShownTo(subject))
                {
                    shown.Add(view);
                }
            }
            if (batch.Count < want)
            {
                break;
            }
        }
        var more = shown.Count > pageSize;
        if (more)
        {
            shown.RemoveAt(shown.Count - 1);
        }
        return new AmendmentPage(shown, more ? CursorOf(shown[^1].Amendment) : null);
    }

    /// <summary>The cursor after an amendment: its proposal instant (ticks) and id.</summary>
    public static string CursorOf(Amendment amendment) =>
        string.Create(CultureInfo.InvariantCulture, $"{amendment.ProposedAt.Ticks}_{amendment.Id}");

    private static (DateTime At, int Id) Cursor(string after)
    {
        var cut = after.IndexOf('_', StringComparison.Ordinal);
        return cut > 0 && long.TryParse(after[..cut], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            && int.TryParse(after[(cut + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (new DateTime(ticks, DateTimeKind.Utc), id)
            : throw new RefusedException(Refusal.Invalid("This page of amendments does not exist: start again from the first page.", typeof(AmendmentPermissions), "after"));
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

    /// <summary>
    /// The accepted amendments of things of a kind, in the order they were accepted, for the capability that owns them
    /// (a text's version lists those it took): the explanation only while the moderators show the amendment.
    /// </summary>
    public async Task<IReadOnlyList<AcceptedAmendment>> AcceptedAsync(string kind, IReadOnlyCollection<int> targetIds, CancellationToken cancellationToken)
    {
        var accepted = await db.Set<Amendment>().AsNoTracking()
            .Where(a => a.TargetKind == kind && targetIds.Contains(a.TargetId) && a.Status == AmendmentStatus.Accepted && a.DecidedAt != null)
            .OrderBy(a => a.DecidedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.TargetId, a.Title, a.Explanation, a.Reason, a.DecidedAt }).ToListAsync(cancellationToken);
        var statuses = await moderation.StatusesAsync(AmendmentContents.Kind, accepted.Select(a => a.Id).ToList(), cancellationToken);
        return accepted.Select(a => new AcceptedAmendment(a.Id, a.TargetId, a.Title,
            (statuses.GetValueOrDefault(a.Id) ?? ModerationStatus.Shown).IsShown ? a.Explanation : "", a.Reason, a.DecidedAt!.Value, AmendmentLinks.Of(a.Id))).ToList();
    }

    /// <summary>The amendment a proposal came from (the link back from a promoted amendment), or null.</summary>
    public Task<Amendment?> PromotedIntoAsync(int proposalId, CancellationToken cancellationToken) =>
        db.Set<Amendment>().AsNoTracking().FirstOrDefaultAsync(a => a.PromotedProposalId == proposalId, cancellationToken);

    public Task<Dictionary<string, string>> NamesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        people.NamesOfAsync(userIds.Where(u => !string.IsNullOrEmpty(u)).Distinct().ToList(), cancellationToken);
}
