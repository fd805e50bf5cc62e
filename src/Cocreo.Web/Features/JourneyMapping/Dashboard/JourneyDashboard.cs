using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// Which contributions the dashboard looks at: those giving certain profile answers (segments), gathered a certain
/// way (online or assisted, or one offline channel), and whose stages used a certain touchpoint channel.
/// </summary>
public sealed record JourneyFilter(IReadOnlyList<int> OptionIds, string? Gathering, Channel? Channel)
{
    public const string Online = "online";
    public const string Assisted = "assisted";

    public static JourneyFilter None { get; } = new([], null, null);

    public bool IsEmpty => OptionIds.Count == 0 && Gathering is null && Channel is null;

    /// <summary>Reads the filter from query values, ignoring what is blank or unknown (a stale link still opens).</summary>
    public static JourneyFilter Parse(IEnumerable<string?> segments, string? gathering, string? channel)
    {
        var options = segments.Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().Order().ToList();
        var way = gathering switch
        {
            Online or Assisted => gathering,
            _ when Enum.TryParse<Gathering>(gathering, out var g) && Enum.IsDefined(g) => g.ToString(),
            _ => null,
        };
        Channel? used = Enum.TryParse<Channel>(channel, out var c) && Enum.IsDefined(c) ? c : null;
        return new JourneyFilter(options, way, used);
    }

    /// <summary>The filter as query string values (for links to the CSV export and back).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Query() =>
        OptionIds.Select(id => new KeyValuePair<string, string?>("segment", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("gathering", Gathering))
            .Append(new("channel", Channel?.ToString()))
            .Where(p => p.Value is not null);
}

/// <summary>
/// The renewal team's picture of a journey map, aggregated in the database: a handful of grouped queries over the
/// stage experiences of the contributions the filter keeps, so the cost grows with stages and touchpoints shown,
/// not with rows loaded (see docs/benchmarks.md).
/// </summary>
public sealed class JourneyDashboard(CocreoDbContext db)
{
    /// <summary>A touchpoint needs this many uses before it can be called a low moment: one bad day is not a pattern.</summary>
    public const int MomentMinimumUses = 3;

    public async Task<DashboardData> BuildAsync(JourneyMap map, JourneyFilter filter, int? compareQuestionId, CancellationToken cancellationToken)
    {
        var contributions = Contributions(map.Id, filter);
        var experiences = Experiences(map.Id, filter);

        var gatherings = await contributions
            .GroupBy(c => new { c.Gathering, Submitted = c.SubmittedAt != null })
            .Select(g => new { g.Key.Gathering, g.Key.Submitted, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // One pass over the covering index gives the distribution, the pain and idea counts and the channel heat map.
        var groups = await experiences
            .GroupBy(e => new { e.StageId, e.Rating, e.Channels })
            .Select(g => new { g.Key.StageId, g.Key.Rating, g.Key.Channels, Count = g.Count(), Pains = g.Count(e => e.HasPain), Ideas = g.Count(e => e.HasIdea) })
            .ToListAsync(cancellationToken);
        var ratings = groups
            .GroupBy(g => (g.StageId, g.Rating))
            .Select(g => new { g.Key.StageId, g.Key.Rating, Count = g.Sum(x => x.Count), Pains = g.Sum(x => x.Pains), Ideas = g.Sum(x => x.Ideas) })
            .ToList();
        var heat = groups
            .SelectMany(g => Enum.GetValues<Channel>().Where(c => (g.Channels & StageExperience.ChannelBit(c)) != 0).Select(c => (g.StageId, Channel: c, g.Rating, g.Count)))
            .GroupBy(x => (x.StageId, x.Channel))
            .Select(x => new HeatCell(x.Key.StageId, x.Key.Channel, new Score(x.Sum(y => y.Count), x.Sum(y => y.Count * y.Rating))))
            .ToList();

        var touchpointUses = await Details(db.Set<ExperienceTouchpoint>(), map.Id, filter, experiences)
            .GroupBy(t => t.TouchpointId)
            .Select(g => new { TouchpointId = g.Key, Uses = g.Count(), RatingSum = g.Sum(t => t.Rating) })
            .ToListAsync(cancellationToken);

        var tagUses = await Details(db.Set<ExperiencePainTag>(), map.Id, filter, experiences)
            .GroupBy(t => new { t.PainPointTagId, t.StageId })
            .Select(g => new { g.Key.PainPointTagId, g.Key.StageId, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var topIdeas = await experiences
            .Where(e => e.HasIdea)
            .OrderByDescending(e => e.SupportCount).ThenBy(e => e.Id)
            .Take(10)
            .Select(e => new TopIdea(e.Id, e.StageId, e.Idea!, e.SupportCount,
                db.Set<JourneyContribution>().Where(c => c.Id == e.ContributionId).Select(c => c.PublicName).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        var answers = await db.Set<ProfileAnswer>()
            .Where(a => contributions.Select(c => c.Id).Contains(a.ContributionId))
            .GroupBy(a => a.ProfileOptionId)
            .Select(g => new { OptionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(a => a.OptionId, a => a.Count, cancellationToken);

        Comparison? comparison = null;
        var compared = compareQuestionId is { } qid ? map.ProfileQuestions.FirstOrDefault(q => q.Id == qid) : null;
        if (compared is not null)
        {
            var byOption = await (
                    from e in experiences
                    join a in db.Set<ProfileAnswer>() on e.ContributionId equals a.ContributionId
                    where a.ProfileQuestionId == compared.Id
                    group e.Rating by new { e.StageId, a.ProfileOptionId } into g
                    select new { g.Key.StageId, g.Key.ProfileOptionId, Count = g.Count(), RatingSum = g.Sum() })
                .ToListAsync(cancellationToken);
            comparison = new Comparison(compared, compared.Options.Where(o => !o.IsRetired || byOption.Any(b => b.ProfileOptionId == o.Id)).OrderBy(o => o.Position)
                .Select(o => new ComparedSegment(o, byOption.Where(b => b.ProfileOptionId == o.Id)
                    .ToDictionary(b => b.StageId, b => new Score(b.Count, b.RatingSum)))).ToList());
        }

        // Retired stages stay on the dashboard while they hold contributions: old input keeps its stage.
        var stages = map.AllStages
            .Where(s => !s.IsRetired || ratings.Any(r => r.StageId == s.Id))
            .Select(s =>
            {
                var rows = ratings.Where(r => r.StageId == s.Id).ToList();
                var distribution = Enumerable.Range(1, 5).Select(r => rows.Where(x => x.Rating == r).Sum(x => x.Count)).ToArray();
                return new StageSummary(s, distribution, rows.Sum(r => r.Pains), rows.Sum(r => r.Ideas));
            })
            .ToList();

        var touchpoints = map.Stages.SelectMany(s => s.Touchpoints.Select(t => (Stage: s, Touchpoint: t))).ToDictionary(x => x.Touchpoint.Id);
        var moments = touchpointUses
            .Where(u => touchpoints.ContainsKey(u.TouchpointId))
            .Select(u => new TouchpointScore(touchpoints[u.TouchpointId].Stage, touchpoints[u.TouchpointId].Touchpoint, new Score(u.Uses, u.RatingSum)))
            .ToList();
        var lowest = moments
            .Where(m => m.Score.Count >= MomentMinimumUses)
            .OrderBy(m => m.Score.Mean).ThenByDescending(m => m.Score.Count).ThenBy(m => m.Touchpoint.Id)
            .Take(5)
            .ToList();

        var tagNames = map.PainTags.ToDictionary(t => t.Id);
        var tags = tagUses
            .Where(u => tagNames.ContainsKey(u.PainPointTagId))
            .GroupBy(u => u.PainPointTagId)
            .Select(g => new TagCount(tagNames[g.Key], g.Sum(x => x.Count), g.OrderByDescending(x => x.Count).ThenBy(x => x.StageId).First().StageId))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Tag.Name, StringComparer.CurrentCulture)
            .ToList();

        var contributionCount = gatherings.Sum(g => g.Count);
        var representation = map.ProfileQuestions
            .Where(q => !q.IsRetired || q.Options.Any(o => answers.ContainsKey(o.Id)))
            .OrderBy(q => q.Position)
            .Select(q => new QuestionRepresentation(q, contributionCount, q.Options
                .Where(o => !o.IsRetired || answers.ContainsKey(o.Id))
                .OrderBy(o => o.Position)
                .Select(o => new OptionShare(o, answers.GetValueOrDefault(o.Id)))
                .ToList()))
            .ToList();

        return new DashboardData(
            contributionCount,
            gatherings.Where(g => g.Submitted).Sum(g => g.Count),
            ratings.Sum(r => r.Count),
            stages,
            heat,
            lowest,
            tags,
            topIdeas,
            representation,
            gatherings.GroupBy(g => g.Gathering).Select(g => new GatheringCount(g.Key, g.Sum(x => x.Count))).OrderBy(g => g.Gathering).ToList(),
            comparison);
    }

    /// <summary>The contributions the filter keeps: never the hidden ones.</summary>
    public IQueryable<JourneyContribution> Contributions(int mapId, JourneyFilter filter)
    {
        var contributions = db.Set<JourneyContribution>().Where(c => c.JourneyMapId == mapId && c.HiddenAt == null);
        contributions = filter.Gathering switch
        {
            null => contributions,
            JourneyFilter.Online => contributions.Where(c => c.Gathering == Gathering.Online),
            JourneyFilter.Assisted => contributions.Where(c => c.Gathering != Gathering.Online),
            var way => contributions.Where(c => c.Gathering == Enum.Parse<Gathering>(way)),
        };
        foreach (var optionId in filter.OptionIds)
        {
            contributions = contributions.Where(c => db.Set<ProfileAnswer>().Any(a => a.ContributionId == c.Id && a.ProfileOptionId == optionId));
        }
        if (filter.Channel is { } channel)
        {
            var bit = StageExperience.ChannelBit(channel);
            contributions = contributions.Where(c => db.Set<StageExperience>().Any(e => e.ContributionId == c.Id && (e.Channels & bit) != 0));
        }
        return contributions;
    }

    /// <summary>
    /// The stage experiences of those contributions; with a channel filter, only the stages where it was used. The
    /// filters read the facts kept on each experience (visibility, gathering, channels), so they need no join.
    /// </summary>
    public IQueryable<StageExperience> Experiences(int mapId, JourneyFilter filter)
    {
        var experiences = Facts(db.Set<StageExperience>(), mapId, filter);
        foreach (var optionId in filter.OptionIds)
        {
            experiences = experiences.Where(e => db.Set<ProfileAnswer>().Where(a => a.ProfileOptionId == optionId).Select(a => a.ContributionId).Contains(e.ContributionId));
        }
        return experiences;
    }

    /// <summary>Touchpoints used or tags chosen in the kept experiences: by their own copied facts, and by experience only for segments.</summary>
    private static IQueryable<T> Details<T>(IQueryable<T> rows, int mapId, JourneyFilter filter, IQueryable<StageExperience> experiences)
        where T : class, IExperienceDetail
    {
        rows = Facts(rows, mapId, filter);
        if (filter.OptionIds.Count == 0)
        {
            return rows;
        }
        var kept = experiences.Select(e => e.Id);
        return rows.Where(r => kept.Contains(r.StageExperienceId));
    }

    private static IQueryable<T> Facts<T>(IQueryable<T> rows, int mapId, JourneyFilter filter) where T : class, IExperienceFacts
    {
        rows = rows.Where(r => r.JourneyMapId == mapId && r.IsVisible);
        rows = filter.Gathering switch
        {
            null => rows,
            JourneyFilter.Online => rows.Where(r => r.Gathering == Gathering.Online),
            JourneyFilter.Assisted => rows.Where(r => r.Gathering != Gathering.Online),
            var way => rows.Where(r => r.Gathering == Enum.Parse<Gathering>(way)),
        };
        if (filter.Channel is { } channel)
        {
            var bit = StageExperience.ChannelBit(channel);
            rows = rows.Where(r => (r.Channels & bit) != 0);
        }
        return rows;
    }
}

/// <summary>A count of ratings and their sum: the mean without rounding until it is shown.</summary>
public readonly record struct Score(int Count, int RatingSum)
{
    public double Mean => Count == 0 ? double.NaN : (double)RatingSum / Count;
}

public sealed record DashboardData(
    int Contributions,
    int Submitted,
    int Experiences,
    IReadOnlyList<StageSummary> Stages,
    IReadOnlyList<HeatCell> Heat,
    IReadOnlyList<TouchpointScore> LowestMoments,
    IReadOnlyList<TagCount> Tags,
    IReadOnlyList<TopIdea> Ideas,
    IReadOnlyList<QuestionRepresentation> Representation,
    IReadOnlyList<GatheringCount> Gatherings,
    Comparison? Comparison);

/// <summary>How a stage felt: how many gave each rating 1–5, and how many named a pain point or an idea.</summary>
public sealed record StageSummary(JourneyStage Stage, int[] Distribution, int Pains, int Ideas)
{
    public int Count => Distribution.Sum();
    public Score Score => new(Count, Distribution.Select((n, i) => n * (i + 1)).Sum());
}

public sealed record HeatCell(int StageId, Channel Channel, Score Score);

public sealed record TouchpointScore(JourneyStage Stage, Touchpoint Touchpoint, Score Score);

public sealed record TagCount(PainPointTag Tag, int Count, int TopStageId);

public sealed record TopIdea(int ExperienceId, int StageId, string Idea, int Supports, string? PublicName);

public sealed record QuestionRepresentation(ProfileQuestion Question, int Contributions, IReadOnlyList<OptionShare> Options)
{
    public int Answered => Options.Sum(o => o.Count);
}

/// <summary>How many contributors gave an answer, against the share of the population the organisation expects.</summary>
public sealed record OptionShare(ProfileOption Option, int Count);

public sealed record GatheringCount(Gathering Gathering, int Count);

public sealed record Comparison(ProfileQuestion Question, IReadOnlyList<ComparedSegment> Segments);

public sealed record ComparedSegment(ProfileOption Option, IReadOnlyDictionary<int, Score> ByStage);
