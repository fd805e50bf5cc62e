using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// What happened to the input: the renewal backlog in public, each item with the pain points and ideas it answers.
/// A contributor opening it through their own link sees their own input first, and what became of each part.
/// </summary>
public sealed class PlanModel(JourneyAccessReader journeys, CocreoDbContext db) : JourneyPage(journeys)
{
    public ContributorView? Contributor { get; private set; }
    public List<BacklogItem> Items { get; private set; } = [];

    /// <summary>The visible linked input of each item: the text of the pain point or idea it answers.</summary>
    public Dictionary<int, List<LinkedInput>> Linked { get; private set; } = [];

    public sealed record LinkedInput(int ExperienceId, InputKind Kind, int StageId, string Text);

    public async Task<IActionResult> OnGetAsync(int id, string? token, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.View, cancellationToken);
        if (token is not null)
        {
            Contributor = await Journeys.ReadContributionAsync(token, User, id, cancellationToken);
        }
        Items = await db.Set<BacklogItem>().AsNoTracking().Include(i => i.Links)
            .Where(i => i.JourneyMapId == id)
            .OrderBy(i => i.Status).ThenByDescending(i => i.UpdatedAt)
            .ToListAsync(cancellationToken);
        var linkedIds = Items.SelectMany(i => i.Links.Select(l => l.StageExperienceId)).Distinct().ToList();
        var texts = await db.Set<StageExperience>().AsNoTracking()
            .Where(e => linkedIds.Contains(e.Id) && e.IsVisible)
            .Select(e => new { e.Id, e.StageId, e.PainPoint, e.Idea, Tags = e.PainTags.Select(t => t.PainPointTagId).ToList() })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var tagNames = Journey.Map.PainTags.ToDictionary(t => t.Id, t => t.Name);
        Linked = Items.ToDictionary(i => i.Id, i => i.Links
            .Where(l => texts.ContainsKey(l.StageExperienceId))
            .Select(l =>
            {
                var e = texts[l.StageExperienceId];
                var text = l.Kind == InputKind.Idea
                    ? e.Idea ?? ""
                    : e.PainPoint ?? string.Join(", ", e.Tags.Where(tagNames.ContainsKey).Select(t => tagNames[t]));
                return new LinkedInput(l.StageExperienceId, l.Kind, e.StageId, text);
            })
            .Where(l => l.Text.Length > 0)
            .ToList());
        return Page();
    }

    public IEnumerable<BacklogItem> ItemsAnswering(int experienceId, InputKind kind) =>
        Items.Where(i => i.Links.Any(l => l.StageExperienceId == experienceId && l.Kind == kind));
}
