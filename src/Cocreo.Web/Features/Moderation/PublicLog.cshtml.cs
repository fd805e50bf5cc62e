using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Moderation;

/// <summary>An entry of the public moderation log: where the item was, since when it is hidden, and why.</summary>
public sealed record HiddenEntry(string Place, string Link, ModerationState State, DateTime? Since, string? Reason);

/// <summary>
/// A process's public moderation log: everyone who may see the process sees what of it is hidden, when and why — never
/// the hidden text, its author, who reported it or which moderator decided (moderators are often volunteers).
/// </summary>
public sealed class PublicLogModel(ProcessAccessReader processes, CocreoDbContext db, IEnumerable<IModeratedContent> kinds) : PageModel
{
    /// <summary>How many entries the page shows (the latest first).</summary>
    public const int Shown = 200;

    public ProcessView Process { get; private set; } = null!;
    public List<HiddenEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Process = await processes.ReadAsync(id, User, ProcessAction.View, cancellationToken);
        var hidden = db.Set<ModerationCase>().AsNoTracking().Where(c => c.ProcessId == id && (c.State == ModerationState.Hidden || c.State == ModerationState.AwaitingReview));
        Total = await hidden.CountAsync(cancellationToken);
        var cases = await hidden.OrderByDescending(c => c.HiddenAt ?? c.LastReportedAt).Take(Shown).ToListAsync(cancellationToken);
        foreach (var group in cases.GroupBy(c => c.Kind))
        {
            var views = kinds.FirstOrDefault(k => k.Kind == group.Key) is { } kind
                ? await kind.DescribeAsync(group.Select(c => c.ItemId).ToList(), cancellationToken)
                : new Dictionary<int, ModeratedItemView>();
            Entries.AddRange(group.Where(c => views.ContainsKey(c.ItemId)).Select(c => new HiddenEntry(
                views[c.ItemId].Place, views[c.ItemId].Link, c.State, c.HiddenAt ?? c.LastReportedAt, c.State == ModerationState.Hidden ? c.HiddenReason : null)));
        }
        Entries = Entries.OrderByDescending(e => e.Since).ToList();
        return Page();
    }
}
