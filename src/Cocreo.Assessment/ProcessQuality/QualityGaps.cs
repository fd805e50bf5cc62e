namespace Cocreo.Assessment;

/// <summary>
/// Co-Master results: each dimension's quality as each role sees it, the gaps between the two roles' views,
/// and the dimensions to improve. Answers of a role are pooled: a dimension's score for a role is the share of
/// positive answers (after reversal) among all answers its respondents gave to the dimension's statements.
/// A role's results are suppressed — no numbers at all — when fewer than the minimum number of its respondents
/// answered, so that nobody's answers can be singled out.
/// </summary>
public static class QualityGaps
{
    /// <summary>Compares the views of the instrument's two roles (the first minus the second: organisers minus participants in Co-Master).</summary>
    /// <exception cref="ArgumentException">The instrument does not have exactly two roles.</exception>
    /// <exception cref="InstrumentVersionMismatchException">A response belongs to another instrument or version.</exception>
    /// <exception cref="AnswerSheetException">A response does not fit the instrument (e.g. no role).</exception>
    public static QualityReport Between(Instrument instrument, IReadOnlyList<AnswerSheet> responses, QualityGapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(responses);
        options ??= QualityGapOptions.Default;
        if (instrument.Roles.Count != 2)
        {
            throw new ArgumentException($"{instrument.Name} has {instrument.Roles.Count} roles; quality gaps compare exactly two.", nameof(instrument));
        }
        foreach (var response in responses)
        {
            response.EnsureFits(instrument);
        }

        var byRole = instrument.Roles.ToDictionary(r => r.Id, r => responses.Where(s => s.Role == r.Id).ToList());
        var dimensions = instrument.Root.Children.Count > 0 ? instrument.Root.Children : [instrument.Root];

        var results = dimensions.Select(dimension =>
        {
            var views = instrument.Roles.Select(role => View(instrument, dimension, role.Id, byRole[role.Id], options)).ToList();
            Ratio? gap = views[0].Score is { } first && views[1].Score is { } second ? first - second : null;
            return new DimensionQuality(dimension.Id, views, gap, gap is { } g && g.Abs() >= options.GapFrom);
        }).ToList();

        var roles = instrument.Roles.Select((role, i) =>
        {
            var suppressed = byRole[role.Id].Count < options.MinimumResponses;
            return new RoleResponses(role.Id, byRole[role.Id].Count, suppressed, suppressed ? null : Overall(instrument, results.Select(d => d.ByRole[i])));
        }).ToList();

        var improvementAreas = results
            .Select((d, index) => (Area: Area(d), Index: index))
            .Where(a => a.Area is not null)
            .OrderBy(a => a.Area!.LowestLevel ?? Level.High)
            .ThenByDescending(a => a.Area!.Gap?.Abs() ?? Ratio.Zero)
            .ThenBy(a => a.Index)
            .Select(a => a.Area!)
            .ToList();

        return new QualityReport(instrument.Id, instrument.Version, options, roles, results, improvementAreas);
    }

    private static RoleQuality View(Instrument instrument, Node dimension, string role, List<AnswerSheet> sheets, QualityGapOptions options)
    {
        var statements = dimension.Questions.Where(q => q.AppliesTo(role)).ToList();
        var respondedToDimension = sheets.Count(s => statements.Any(q => s.Answers.ContainsKey(q.Id)));
        // Counting respondents of the dimension, not of the role, keeps a dimension that only two people answered from exposing them.
        if (sheets.Count < options.MinimumResponses || respondedToDimension < options.MinimumResponses)
        {
            return new RoleQuality(role, Suppressed: true, null, null, Evaluation.NotEvaluable, []);
        }

        var perStatement = statements.Select(q =>
        {
            var effects = sheets.Select(s => s.Answers.TryGetValue(q.Id, out var a) ? TreeScoring.Effect(instrument, q, a) : (Polarity?)null)
                .OfType<Polarity>().ToList();
            return (Question: q, Answered: effects.Count, Positive: effects.Count(e => e == Polarity.Positive));
        }).ToList();

        var answered = perStatement.Sum(s => s.Answered);
        var asked = statements.Count * sheets.Count;
        var statementResults = perStatement
            .Select(s => new StatementQuality(s.Question.Id, s.Answered, s.Answered == 0 ? null : new Ratio(s.Positive, s.Answered)))
            .ToList();
        if (answered == 0 || new Ratio(answered, asked) < instrument.DefaultRule.MinimumAnsweredShare)
        {
            return new RoleQuality(role, Suppressed: false, null, null, Evaluation.NotEvaluable, statementResults);
        }
        var score = new Ratio(perStatement.Sum(s => s.Positive), answered);
        return new RoleQuality(
            role, Suppressed: false, instrument.DefaultRule.LevelOf(score), score,
            answered == asked ? Evaluation.Complete : Evaluation.Partial, statementResults);
    }

    private static Level? Overall(Instrument instrument, IEnumerable<RoleQuality> views)
    {
        var all = views.ToList();
        var levels = all.Select(v => v.Level).OfType<Level>().ToList();
        if (levels.Count == 0 || new Ratio(levels.Count, all.Count) < instrument.DefaultRule.MinimumAnsweredShare)
        {
            return null;
        }
        return instrument.DefaultRule.LevelOf(levels.Aggregate(Ratio.Zero, (sum, l) => sum + l.Position()) / levels.Count);
    }

    private static ImprovementArea? Area(DimensionQuality dimension)
    {
        var lowest = dimension.ByRole.Where(v => v.Level is not null).OrderBy(v => v.Level).FirstOrDefault();
        var weak = lowest is not null && lowest.Level < Level.High;
        if (!weak && !dimension.GapFlagged)
        {
            return null;
        }
        return new ImprovementArea(dimension.DimensionId, weak ? lowest!.Level : null, weak ? lowest!.RoleId : null, dimension.Gap, dimension.GapFlagged);
    }
}

/// <summary>The thresholds of a Co-Master report.</summary>
/// <param name="MinimumResponses">The fewest respondents a role (and each dimension within it) needs for its results to be shown.</param>
/// <param name="GapFrom">The difference between the two roles' scores (in share of positive answers) from which a gap is flagged.</param>
public sealed record QualityGapOptions(int MinimumResponses, Ratio GapFrom)
{
    /// <summary>At least 5 respondents per role; gaps of a quarter (25 percentage points) or more are flagged.</summary>
    public static QualityGapOptions Default { get; } = new(5, new Ratio(1, 4));
}

/// <summary>A Co-Master report.</summary>
/// <param name="InstrumentId">The instrument.</param>
/// <param name="InstrumentVersion">The version the responses were given to.</param>
/// <param name="Options">The thresholds used.</param>
/// <param name="Roles">How many responses each role gave, whether its results are suppressed, and its overall level.</param>
/// <param name="Dimensions">Each dimension as each role sees it, with the gap between them.</param>
/// <param name="ImprovementAreas">Dimensions rated below high by a role or with a flagged gap: the lowest-rated first, then the widest gap.</param>
public sealed record QualityReport(
    string InstrumentId,
    string InstrumentVersion,
    QualityGapOptions Options,
    IReadOnlyList<RoleResponses> Roles,
    IReadOnlyList<DimensionQuality> Dimensions,
    IReadOnlyList<ImprovementArea> ImprovementAreas);

/// <summary>One role's responses.</summary>
/// <param name="RoleId">The role.</param>
/// <param name="Responses">How many respondents answered in this role.</param>
/// <param name="Suppressed">True when there are too few responses to show any result for this role.</param>
/// <param name="OverallLevel">The role's overall level (the default rule over its dimension levels); null when suppressed or not evaluable.</param>
public sealed record RoleResponses(string RoleId, int Responses, bool Suppressed, Level? OverallLevel);

/// <summary>One dimension as both roles see it.</summary>
/// <param name="DimensionId">The dimension.</param>
/// <param name="ByRole">One view per role, in the instrument's role order.</param>
/// <param name="Gap">The first role's score minus the second's (positive: organisers see it more favourably); null when either is missing.</param>
/// <param name="GapFlagged">True when the gap's size reaches the threshold.</param>
public sealed record DimensionQuality(string DimensionId, IReadOnlyList<RoleQuality> ByRole, Ratio? Gap, bool GapFlagged);

/// <summary>One role's view of one dimension.</summary>
/// <param name="RoleId">The role.</param>
/// <param name="Suppressed">True when too few respondents answered: no numbers are given.</param>
/// <param name="Level">The level, or null when suppressed or not evaluable.</param>
/// <param name="Score">The share of positive answers among all the role's answers to the dimension; null when suppressed or not evaluable.</param>
/// <param name="Evaluation">How completely the statements were answered.</param>
/// <param name="Statements">Per statement: how many answered and the share of positive answers (empty when suppressed).</param>
public sealed record RoleQuality(string RoleId, bool Suppressed, Level? Level, Ratio? Score, Evaluation Evaluation, IReadOnlyList<StatementQuality> Statements);

/// <summary>One statement's answers within a role.</summary>
/// <param name="QuestionId">The statement.</param>
/// <param name="Answered">How many of the role's respondents answered it.</param>
/// <param name="PositiveShare">The share of positive answers, or null when nobody answered.</param>
public sealed record StatementQuality(string QuestionId, int Answered, Ratio? PositiveShare);

/// <summary>A dimension to improve.</summary>
/// <param name="DimensionId">The dimension.</param>
/// <param name="LowestLevel">The lowest level a role gave it when below high; null when it is listed for its gap alone.</param>
/// <param name="LowestLevelRole">The role that gave that level.</param>
/// <param name="Gap">The gap between the roles' scores (first minus second), when both are known.</param>
/// <param name="GapFlagged">True when the gap reaches the threshold.</param>
public sealed record ImprovementArea(string DimensionId, Level? LowestLevel, string? LowestLevelRole, Ratio? Gap, bool GapFlagged);
