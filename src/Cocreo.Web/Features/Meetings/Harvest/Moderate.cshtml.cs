using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>
/// The facilitators' desk: publish or hide what waits (one click each, or several at once), hide what was published,
/// turn published items into statements or proposals, and name the harvesters.
/// </summary>
public sealed class ModerateHarvestModel(HarvestAccess access, HarvestList list, HarvestBlocks blocks, ChangeRunner changes, IStringLocalizer<HarvestText> t) : PageModel
{
    /// <summary>Items of each list shown on the desk.</summary>
    public const int Shown = 200;

    public HarvestView View { get; private set; } = null!;
    public List<HarvestDesk> Pending { get; private set; } = [];
    public List<HarvestDesk> Published { get; private set; } = [];
    public List<HarvesterRow> Harvesters { get; private set; } = [];
    public List<(int Id, string Question)> Conversations { get; private set; } = [];
    public Dictionary<HarvestStatus, int> Counts { get; private set; } = [];

    /// <summary>The run sheet's blocks by id, skipped ones too (an item's block not among them was removed from the sheet).</summary>
    public IReadOnlyDictionary<int, string> BlockTitles { get; private set; } = new Dictionary<int, string>();

    /// <summary>What the desk says of an item's block: its title, "block removed", or nothing when none was chosen.</summary>
    public string? BlockOf(int? blockId) => blockId is { } id ? BlockTitles.TryGetValue(id, out var title) ? title : t["block removed"] : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(int id, int[]? itemIds, int? one, [FromServices] ModerateHarvest.Handler moderate, CancellationToken cancellationToken) =>
        ModerateAsync(id, itemIds, one, true, moderate, cancellationToken);

    public Task<IActionResult> OnPostHideAsync(int id, int[]? itemIds, int? one, [FromServices] ModerateHarvest.Handler moderate, CancellationToken cancellationToken) =>
        ModerateAsync(id, itemIds, one, false, moderate, cancellationToken);

    public async Task<IActionResult> OnPostTurnAsync(int id, int itemId, string? destination, string? title, string? text, [FromServices] TurnHarvestItem.Handler turn, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var (to, conversationId) = ParseDestination(destination);
        var outcome = await changes.RunAsync(turn, new TurnHarvestItem.Command(id, itemId, to, conversationId, title, text), cancellationToken);
        return this.Done(outcome.Kind == "statement" ? t["The item became a statement of the conversation."] : t["The item became a proposal."], $"/meetings/{id}/harvest/moderate#item-{itemId}");
    }

    public async Task<IActionResult> OnPostNameAsync(int id, string? harvesterId, [FromServices] NameHarvester.Handler name, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (string.IsNullOrEmpty(harvesterId))
        {
            ModelState.AddModelError(nameof(harvesterId), t["Choose someone registered for the meeting."]);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var named = await changes.RunAsync(name, new NameHarvester.Command(id, harvesterId), cancellationToken);
        return this.Done(named ? t["They harvest now."] : t["They harvest already."], $"/meetings/{id}/harvest/moderate#harvesters");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string? harvesterId, [FromServices] RemoveHarvester.Handler remove, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await changes.RunAsync(remove, new RemoveHarvester.Command(id, harvesterId ?? ""), cancellationToken);
        return this.Done(t["They no longer harvest; what they posted stays."], $"/meetings/{id}/harvest/moderate#harvesters");
    }

    /// <summary>"proposal", or "conversation-{id}".</summary>
    public static (HarvestDestination To, int? ConversationId) ParseDestination(string? destination) =>
        destination is { } d && d.StartsWith("conversation-", StringComparison.Ordinal) && int.TryParse(d["conversation-".Length..], out var c)
            ? (HarvestDestination.Statement, c)
            : (HarvestDestination.Proposal, null);

    private async Task<IActionResult> ModerateAsync(int id, int[]? itemIds, int? one, bool publish, ModerateHarvest.Handler moderate, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        IReadOnlyList<int> ids = one is { } single ? [single] : itemIds ?? [];
        if (ids.Count == 0)
        {
            ModelState.AddModelError(nameof(itemIds), t["Choose at least one item."]);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var changed = await changes.RunAsync(moderate, new ModerateHarvest.Command(id, ids, publish), cancellationToken);
        return this.Done(publish ? t.Plural("{0, plural, one {# item published.} other {# items published.}}", changed) : t.Plural("{0, plural, one {# item hidden.} other {# items hidden.}}", changed),
            $"/meetings/{id}/harvest/moderate");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(id, User, HarvestAction.Moderate, cancellationToken);
        Pending = await list.ForDeskAsync(id, HarvestStatus.Pending, Shown, cancellationToken);
        Published = await list.ForDeskAsync(id, HarvestStatus.Published, Shown, cancellationToken);
        Harvesters = await list.HarvestersAsync(id, cancellationToken);
        Conversations = await list.ConversationsAsync(View.Meeting.Meeting.ProcessId, cancellationToken);
        Counts = await list.CountsAsync(id, cancellationToken);
        BlockTitles = await blocks.TitlesAsync(id, cancellationToken);
    }
}
