using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>One backlog item: the team changes it and links the pain points and ideas it answers (or unlinks them).</summary>
public sealed class BacklogItemModel(JourneyAccessReader journeys, ChangeRunner changes, JourneyDirectory directory, CocreoDbContext db, IStringLocalizer<JourneyText> t) : JourneyPage(journeys)
{
    public const int CandidateCount = 30;

    [BindProperty]
    public BacklogForm Input { get; set; } = new();

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
        await LoadAsync(id, itemId, cancellationToken);
        FillForm();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int itemId, [FromServices] ChangeBacklogItem.Handler change, CancellationToken cancellationToken)
    {
        await LoadAsync(id, itemId, cancellationToken);
        Input.Validate(Journey.Map, ModelState, t);
        return await RunAsync(changes, change, new ChangeBacklogItem.Command(id, itemId, Input.Content()), t["The item was saved and logged."], Back(id, itemId), cancellationToken);
    }

    public async Task<IActionResult> OnPostLinkAsync(int id, int itemId, int experienceId, InputKind kind, [FromServices] LinkToBacklog.Handler link, CancellationToken cancellationToken)
    {
        await LoadAsync(id, itemId, cancellationToken);
        FillForm();
        await changes.RunAsync(link, new LinkToBacklog.Command(id, itemId, experienceId, kind), cancellationToken);
        return this.Done(t["The input was linked: its author can now see this item."], Back(id, itemId));
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, int itemId, int experienceId, InputKind kind, [FromServices] UnlinkFromBacklog.Handler unlink, CancellationToken cancellationToken)
    {
        await LoadAsync(id, itemId, cancellationToken);
        FillForm();
        await changes.RunAsync(unlink, new UnlinkFromBacklog.Command(id, itemId, experienceId, kind), cancellationToken);
        return this.Done(t["The input was unlinked."], Back(id, itemId));
    }

    /// <summary>The item's form with its own values (the link forms do not send them), should the page be shown again.</summary>
    private void FillForm()
    {
        ModelState.Clear();
        Input = BacklogForm.From(Item);
    }

    /// <summary>Back to the item, with the candidates filtered as they were.</summary>
    private string Back(int id, int itemId) => Url.Page(null, new { id, itemId, Stage, Tag, Kind })!;

    private async Task LoadAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.ManageBacklog, cancellationToken);
        ViewData["Map"] = Journey.Map;
        var item = RefusedException.IfMissing(await directory.BacklogItemAsync(id, itemId, tracked: false, cancellationToken));
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
    }
}
