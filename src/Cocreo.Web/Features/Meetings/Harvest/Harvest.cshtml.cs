using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>
/// The meeting's live harvest: what the facilitators published, newest first (pages of 50, "show more") or grouped by
/// label, kept live by the <c>harvest:{id}</c> topic; the harvesters' quick form on top; a report form per item.
/// </summary>
public sealed class LiveHarvestModel(HarvestAccess access, HarvestList list, HarvestBlocks blocks, ChangeRunner changes, IStringLocalizer<HarvestText> t) : PageModel
{
    /// <summary>Items shown grouped by label (the newest this many).</summary>
    public const int GroupedCap = 500;

    [BindProperty]
    public HarvestInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public HarvestView View { get; private set; } = null!;
    public HarvestPage Items { get; private set; } = new([], null);
    public int Waiting { get; private set; }

    /// <summary>The run sheet's blocks (none without a run sheet), offered on the form and labelling the items.</summary>
    public HarvestBlockChoice Blocks { get; private set; } = HarvestBlockChoice.None;

    public bool Grouped => By == "label";

    public bool ByBlock => By == "block";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, HarvestAction.View, cancellationToken);
        Input.BlockId ??= Request.Query["block"] is { Count: > 0 } block && int.TryParse(block.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var chosen) && Blocks.Title(chosen) is not null ? chosen : Blocks.Current;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] PostHarvestItem.Handler post, CancellationToken cancellationToken)
    {
        await LoadAsync(id, HarvestAction.Post, cancellationToken);
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(post, new PostHarvestItem.Command(id, Input.Kind, Input.Text, Input.Label, Input.BlockId, Guid.Empty), cancellationToken);
        // Back to an empty form, keeping the label (the same table writes again).
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Input.Label))
        {
            query.Add("label=" + Uri.EscapeDataString(Input.Label.Trim()));
        }
        if (Input.BlockId is { } blockId)
        {
            query.Add("block=" + blockId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return this.Done(t["Sent: a facilitator publishes it shortly."], $"/meetings/{id}/harvest{(query.Count > 0 ? "?" + string.Join('&', query) : "")}#post");
    }

    public async Task<IActionResult> OnPostReportAsync(int id, int itemId, ReportReason? reportReason, string? reportDetails, Guid reportSubmissionId,
        [FromServices] ReportContent.Handler report, [FromServices] IStringLocalizer<ModerationText> moderationText, CancellationToken cancellationToken)
    {
        // The phone form's fields are not part of a report.
        ModelState.Clear();
        await LoadAsync(id, HarvestAction.View, cancellationToken);
        if (!ReportForm.Check(ReportForm.Field("itemId", itemId), reportReason, reportDetails, ModelState, moderationText))
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var outcome = await changes.RunAsync(report, new ReportContent.Command(HarvestContents.Kind, itemId, reportReason!.Value, reportDetails, reportSubmissionId), cancellationToken);
        return this.Done(outcome.Counted ? moderationText["Thank you: the moderators will look at it."] : moderationText["You reported it already; the moderators will look at it."],
            $"/meetings/{id}/harvest#item-{itemId}");
    }

    private async Task LoadAsync(int id, HarvestAction action, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(id, User, action, cancellationToken);
        Items = await list.PublishedAsync(id, Grouped || ByBlock ? null : Before, Grouped || ByBlock ? GroupedCap : HarvestLimits.PageSize, cancellationToken);
        Blocks = await blocks.ForAsync(id, cancellationToken);
        ViewData[HarvestBlockChoice.ViewDataKey] = Blocks;
        if (View.Can(HarvestAction.Moderate))
        {
            Waiting = (await list.CountsAsync(id, cancellationToken))[HarvestStatus.Pending];
        }
        if (Request.Query["label"] is { Count: > 0 } label && Input.Label is null)
        {
            Input.Label = label.ToString();
        }
    }
}
