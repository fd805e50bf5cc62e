using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// Everyone reads the service users' ideas, most supported first. A contributor, opening the page through their own
/// link, supports the ideas they agree with: once each, and not their own.
/// </summary>
[EnableRateLimiting(JourneyMappingCapability.WriteLimit)]
public sealed class IdeasModel(JourneyAccessReader journeys, ChangeRunner changes, CocreoDbContext db, IStringLocalizer<JourneyText> t) : JourneyPage(journeys)
{
    public const int PageSize = 40;

    /// <summary>The visitor's own contribution, when they came through their link.</summary>
    public ContributorView? Contributor { get; private set; }

    public List<IdeaRow> Ideas { get; private set; } = [];
    public HashSet<int> Supported { get; private set; } = [];
    public List<HiddenNotice> Hidden { get; private set; } = [];
    public int? StageFilter { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    public sealed record IdeaRow(int Id, int ContributionId, int StageId, string Idea, int Supports, string? PublicName);

    public sealed record HiddenNotice(DateTime HiddenAt, string Reason);

    public async Task<IActionResult> OnGetAsync(int id, string? token, int? stage, int? p, CancellationToken cancellationToken)
    {
        await LoadAsync(id, token, stage, p, cancellationToken);
        return Page();
    }

    /// <summary>Supports an idea through the contributor's own link (the page's address holds the token).</summary>
    public async Task<IActionResult> OnPostSupportAsync(int id, string? token, int ideaId, [FromServices] SupportIdea.Handler support, CancellationToken cancellationToken)
    {
        await LoadAsync(id, token ?? throw new RefusedException(Refusal.NotFound), null, null, cancellationToken);
        await changes.RunAsync(support, new SupportIdea.Command(token, ideaId), cancellationToken);
        return this.Done(t["Thank you: you support this idea."], $"/journeys/{id}/ideas/{token}#idea-{ideaId}");
    }

    private async Task LoadAsync(int id, string? token, int? stage, int? page, CancellationToken cancellationToken)
    {
        await OpenAsync(id, JourneyAction.View, cancellationToken);
        if (token is not null)
        {
            Contributor = await Journeys.ReadContributionAsync(token, User, id, cancellationToken);
            Supported = (await db.Set<IdeaSupport>().Where(s => s.SupporterContributionId == Contributor.Contribution.Id)
                .Select(s => s.StageExperienceId).ToListAsync(cancellationToken)).ToHashSet();
        }
        StageFilter = stage is { } s && Journey.Map.Stages.Any(x => x.Id == s) ? s : null;
        PageNumber = Math.Max(1, page ?? 1);
        var visible = db.Set<JourneyContribution>().Where(c => c.JourneyMapId == id && c.HiddenAt == null);
        var ideas = db.Set<StageExperience>()
            .Where(e => e.JourneyMapId == id && e.HasIdea && e.IsVisible);
        if (StageFilter is { } only)
        {
            ideas = ideas.Where(e => e.StageId == only);
        }
        var rows = await ideas
            .OrderByDescending(e => e.SupportCount).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new IdeaRow(e.Id, e.ContributionId, e.StageId, e.Idea!, e.SupportCount, visible.Where(c => c.Id == e.ContributionId).Select(c => c.PublicName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Ideas = rows.Take(PageSize).ToList();
        Hidden = await db.Set<JourneyContribution>().Where(c => c.JourneyMapId == id && c.HiddenAt != null)
            .OrderByDescending(c => c.HiddenAt).Take(20)
            .Select(c => new HiddenNotice(c.HiddenAt!.Value, c.HiddenReason!))
            .ToListAsync(cancellationToken);
    }
}
