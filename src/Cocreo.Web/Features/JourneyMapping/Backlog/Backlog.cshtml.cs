using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The renewal team turns pain points and ideas into backlog items: the plan of the renewal.</summary>
public sealed class BacklogModel(JourneyAccessReader journeys, ChangeRunner changes, CocreoDbContext db, IStringLocalizer<JourneyText> t) : JourneyPage(journeys)
{
    [BindProperty]
    public BacklogForm Input { get; set; } = new();

    public List<BacklogItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] AddBacklogItem.Handler add, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.Validate(Journey.Map, ModelState, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var itemId = await changes.RunAsync(add, new AddBacklogItem.Command(id, Input.Content(), Input.SubmissionId), cancellationToken);
        return this.Done(t["The item was added. Link the pain points and ideas it answers."], $"/journeys/{id}/backlog/{itemId}");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.ManageBacklog, cancellationToken);
        ViewData["Map"] = Journey.Map;
        Items = await db.Set<BacklogItem>().AsNoTracking().Include(i => i.Links)
            .Where(i => i.JourneyMapId == id).OrderBy(i => i.Status).ThenByDescending(i => i.UpdatedAt)
            .ToListAsync(cancellationToken);
    }
}
