using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>One backlog item: the team changes it and links the pain points and ideas it answers (or unlinks them).</summary>
public sealed class BacklogItemModel(CocreoDbContext db, JourneyDirectory directory, JourneyChanges changes, IStringLocalizer<JourneyText> t) : PageModel
{
    public const int CandidateCount = 30;

    [BindProperty]
    public BacklogForm Input { get; set; } = new();

    public JourneyView Journey { get; private set; } = null!;
    public BacklogItem Item { get; private set; } = null!;
    public List<InputRow> Linked { get; private set; } = [];
    public List<InputRow> Candidates { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public InputKind Kind { get; set; } = InputKind.PainPoint;

    public sealed record InputRow(int ExperienceId, InputKind Kind, int StageId, string Text, int Supports, bool IsHidden);

    public async Task<IActionResult> OnGetAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, itemId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Input = BacklogForm.From(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, itemId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        foreach (var (field, message) in Input.Problems(Journey.Map))
        {
            ModelState.AddModelError($"Input.{field}", t[message]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await ChangeAsync(id, itemId, (item, change) =>
        {
            item.Change(Input.Content(), change.Now);
            change.Log("backlog.changed", new { journey = id, item = item.Id, title = item.Title, status = item.Status.ToString(), owner = item.Owner, stageId = item.StageId, description = item.Description });
        }, t["The item was saved and logged."], cancellationToken);
    }

    public Task<IActionResult> OnPostLinkAsync(int id, int itemId, int experienceId, InputKind kind, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, async (item, change, ct) =>
        {
            if (!await db.Set<StageExperience>().AnyAsync(e => e.Id == experienceId && e.JourneyMapId == id &&
                    (kind == InputKind.Idea ? e.HasIdea : e.HasPain), ct))
            {
                throw new JourneyRuleException("UnknownInput");
            }
            if (item.Link(experienceId, kind, change.Now))
            {
                change.Log("backlog.linked", new { journey = id, item = item.Id, input = experienceId, kind = kind.ToString() });
            }
        }, t["The input was linked: its author can now see this item."], cancellationToken);

    public Task<IActionResult> OnPostUnlinkAsync(int id, int itemId, int experienceId, InputKind kind, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, (item, change, _) =>
        {
            if (item.Unlink(experienceId, kind, change.Now))
            {
                change.Log("backlog.unlinked", new { journey = id, item = item.Id, input = experienceId, kind = kind.ToString() });
            }
            return Task.CompletedTask;
        }, t["The input was unlinked."], cancellationToken);

    private Task<IActionResult> ChangeAsync(int id, int itemId, Action<BacklogItem, JourneyChange> change, string done, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, (item, c, _) =>
        {
            change(item, c);
            return Task.CompletedTask;
        }, done, cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, int itemId, Func<BacklogItem, JourneyChange, CancellationToken, Task> change, string done, CancellationToken cancellationToken)
    {
        var found = true;
        var outcome = await changes.RunAsync(id, User, JourneyAction.ManageBacklog, async (c, ct) =>
        {
            var item = await db.Set<BacklogItem>().Include(i => i.Links).SingleOrDefaultAsync(i => i.Id == itemId && i.JourneyMapId == id, ct);
            found = item is not null;
            if (item is not null)
            {
                await change(item, c, ct);
            }
        }, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        if (!found)
        {
            return NotFound();
        }
        if (outcome.Result == ChangeResult.Broken)
        {
            ModelState.AddModelError("", t[JourneyRules.Message(outcome.RuleCode!)]);
            return await LoadAsync(id, itemId, cancellationToken) ?? Page();
        }
        TempData["Status"] = done;
        return RedirectToPage(new { id, itemId, Stage, Tag, Kind });
    }

    private async Task<IActionResult?> LoadAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        var (journey, refusal) = await directory.LoadAsync(this, id, JourneyAction.ManageBacklog, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Journey = journey!;
        ViewData["Map"] = Journey.Map;
        var item = await db.Set<BacklogItem>().AsNoTracking().Include(i => i.Links).SingleOrDefaultAsync(i => i.Id == itemId && i.JourneyMapId == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        Item = item;
        Stage ??= item.StageId;
        if (!Enum.IsDefined(Kind))
        {
            Kind = InputKind.PainPoint;
        }

        var tagNames = Journey.Map.PainTags.ToDictionary(x => x.Id, x => x.Name);
        var linkedIds = item.Links.Select(l => l.StageExperienceId).ToList();
        var linkedRows = await db.Set<StageExperience>().AsNoTracking().Where(e => linkedIds.Contains(e.Id))
            .Select(e => new { e.Id, e.StageId, e.PainPoint, e.Idea, e.SupportCount, Hidden = !e.IsVisible, Tags = e.PainTags.Select(x => x.PainPointTagId).ToList() })
            .ToListAsync(cancellationToken);
        Linked = item.Links.Join(linkedRows, l => l.StageExperienceId, e => e.Id, (l, e) =>
                new InputRow(e.Id, l.Kind, e.StageId, l.Kind == InputKind.Idea ? e.Idea ?? "" : e.PainPoint ?? string.Join(", ", e.Tags.Select(x => tagNames.GetValueOrDefault(x, ""))), e.SupportCount, e.Hidden))
            .ToList();

        var candidates = db.Set<StageExperience>().AsNoTracking().Where(e => e.JourneyMapId == id && e.IsVisible);
        candidates = Kind == InputKind.Idea ? candidates.Where(e => e.HasIdea) : candidates.Where(e => e.HasPain);
        if (Stage is { } stage)
        {
            candidates = candidates.Where(e => e.StageId == stage);
        }
        if (Tag is { } tag && Kind == InputKind.PainPoint)
        {
            candidates = candidates.Where(e => e.PainTags.Any(x => x.PainPointTagId == tag));
        }
        var kind = Kind;
        Candidates = (await candidates.Where(e => !linkedIds.Contains(e.Id))
                .OrderByDescending(e => e.SupportCount).ThenByDescending(e => e.Id).Take(CandidateCount)
                .Select(e => new { e.Id, e.StageId, e.PainPoint, e.Idea, e.SupportCount, Tags = e.PainTags.Select(x => x.PainPointTagId).ToList() })
                .ToListAsync(cancellationToken))
            .Select(e => new InputRow(e.Id, kind, e.StageId,
                kind == InputKind.Idea ? e.Idea! : string.Join(" · ", new[] { string.Join(", ", e.Tags.Select(x => tagNames.GetValueOrDefault(x, ""))), e.PainPoint ?? "" }.Where(s => s.Length > 0)),
                e.SupportCount, false))
            .ToList();
        return null;
    }
}
