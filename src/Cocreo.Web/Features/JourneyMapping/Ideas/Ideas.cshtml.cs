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
public sealed class IdeasModel(JourneyAccessReader journeys, ChangeRunner changes, CocreoDbContext db, Moderation.ModerationDirectory moderation, IStringLocalizer<JourneyText> t, IStringLocalizer<Moderation.ModerationText> moderationText) : JourneyPage(journeys)
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

    /// <summary>The contributions the signed-in reader reported already.</summary>
    public IReadOnlySet<int> Reported { get; private set; } = new HashSet<int>();

    /// <summary>Whether the reader may report the contribution behind an idea (signed in, not theirs, not reported yet).</summary>
    public bool CanReport(IdeaRow idea) =>
        User.Identity?.IsAuthenticated == true && idea.ContributionId != Contributor?.Contribution.Id && !Reported.Contains(idea.ContributionId);

    /// <summary>Someone signed in tells the moderators that a contribution breaks the rules (shared moderation: its queue, its threshold).</summary>
    public async Task<IActionResult> OnPostReportContributionAsync(int id, string? token, int contributionId, Moderation.ReportReason? reportReason, string? reportDetails, Guid reportSubmissionId,
        [FromServices] Moderation.ReportContent.Handler report, CancellationToken cancellationToken)
    {
        await LoadAsync(id, token, null, null, cancellationToken);
        if (!Moderation.ReportForm.Check(Moderation.ReportForm.Field("contributionId", contributionId), reportReason, reportDetails, ModelState, moderationText))
        {
            return new Microsoft.AspNetCore.Mvc.RazorPages.PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        // A contribution of another map is not this page's to report.
        if (!await db.Set<JourneyContribution>().AnyAsync(c => c.Id == contributionId && c.JourneyMapId == id, cancellationToken))
        {
            throw new RefusedException(Refusal.NotFound);
        }
        var outcome = await changes.RunAsync(report, new Moderation.ReportContent.Command(JourneyContributions.Kind, contributionId, reportReason!.Value, reportDetails, reportSubmissionId), cancellationToken);
        return this.Done(outcome.Counted ? moderationText["Thank you: the moderators will look at it."] : moderationText["You reported it already; the moderators will look at it."],
            token is null ? $"/journeys/{id}/ideas" : $"/journeys/{id}/ideas/{token}");
    }

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
        Reported = await moderation.ReportedByAsync(JourneyContributions.Kind, Ideas.Select(i => i.ContributionId).Distinct().ToList(), User.UserId(), cancellationToken);
        Hidden = await db.Set<JourneyContribution>().Where(c => c.JourneyMapId == id && c.HiddenAt != null)
            .OrderByDescending(c => c.HiddenAt).Take(20)
            .Select(c => new HiddenNotice(c.HiddenAt!.Value, c.HiddenReason!))
            .ToListAsync(cancellationToken);
    }
}
